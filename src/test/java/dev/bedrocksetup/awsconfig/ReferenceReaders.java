package dev.bedrocksetup.awsconfig;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI's reading of shared files, from botocore itself in a python3 subprocess; and, where the AWS SDK for
 * JavaScript's loader is installed ({@link #JS_LOADER_DIR}), Claude Code's reading from node. Files are read in
 * batches (one process for many files) to keep the suite fast on a shared machine.
 */
final class ReferenceReaders {
    /** A directory whose node_modules holds @smithy/shared-ini-file-loader; the JavaScript checks run only then. */
    static final String JS_LOADER_DIR = "AWS_JS_INI_LOADER_DIR";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file's reading: ok with the parsed map (config: botocore's profile map), or the error's type. */
    record Reading(boolean ok, String error, Map<String, Object> data) {
        @SuppressWarnings("unchecked")
        Map<String, Object> section(String group, String name) {
            Object g = data.get(group);
            return g instanceof Map ? (Map<String, Object>) ((Map<String, Object>) g).get(name) : null;
        }
    }

    record Input(Path path, AwsFileKind kind) { }

    private ReferenceReaders() {}

    static List<Reading> botocore(List<Input> files) {
        return run(files, "/awsconfig/botocore_read.py", null);
    }

    /** Whether the JavaScript SDK's loader is available for the JavaScript checks. */
    /** Installs Claude Code's ini loader once (the tests' npm cache), or skips/fails as ExternalTools decides. */
    static boolean javascriptAvailable() {
        return Files.isDirectory(jsNodeModules().resolve("@smithy").resolve("shared-ini-file-loader"));
    }

    static Path jsNodeModules() {
        String dir = System.getenv(JS_LOADER_DIR);
        if (dir != null) {
            return Path.of(dir, "node_modules");
        }
        return dev.bedrocksetup.testing.ExternalTools.nodeModules("@smithy/shared-ini-file-loader@4.7.2");
    }

    /** Claude Code's reading: the config or credentials map of the JavaScript SDK's loader. */
    static List<Reading> javascript(List<Input> files) {
        return run(files, "/awsconfig/js_read.js", jsNodeModules());
    }

    private static List<Reading> run(List<Input> files, String resource, Path nodePath) {
        try {
            boolean js = nodePath != null;
            Path script = Files.createTempFile("aws-read", js ? ".js" : ".py");
            try (InputStream in = ReferenceReaders.class.getResourceAsStream(resource)) {
                Files.write(script, in.readAllBytes());
            }
            List<Map<String, String>> req = new ArrayList<>();
            for (Input f : files) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("path", f.path().toString());
                m.put("kind", f.kind().label());
                req.add(m);
            }
            ProcessBuilder pb = new ProcessBuilder(js ? "node"
                    : dev.bedrocksetup.testing.ExternalTools.botocorePython(), script.toString());
            pb.environment().put("PYTHONUTF8", "1"); // read files as UTF-8 whatever the machine's locale
            if (js) {
                pb.environment().put("NODE_PATH", nodePath.toString());
            }
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            try (OutputStream out = p.getOutputStream()) {
                out.write(JSON.writeValueAsBytes(req));
            }
            byte[] answer;
            try (InputStream in = p.getInputStream()) {
                answer = in.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(resource + " failed (is python3-botocore installed?): "
                        + new String(answer, StandardCharsets.UTF_8));
            }
            Files.deleteIfExists(script);
            List<Map<String, Object>> raw = JSON.readValue(answer, new TypeReference<>() { });
            List<Reading> out = new ArrayList<>();
            for (Map<String, Object> r : raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) r.get("data");
                out.add(new Reading(Boolean.TRUE.equals(r.get("ok")), (String) r.get("error"), data));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run python3 for the botocore check", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
