package dev.bedrocksetup.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The other AWS tools the compatibility tests compare with: botocore (the AWS CLI's library) and the AWS SDK for
 * JavaScript (what Claude Code uses). Missing tools skip a test on a developer's machine but fail it in CI
 * (CI=true), where .ci/run installs them: a compatibility proof must not silently vanish.
 */
public final class ExternalTools {
    private ExternalTools() {}

    private static String python;

    /** A python3 that can import botocore: the PATH one (pip) or Debian's /usr/bin/python3 (python3-botocore). */
    public static synchronized String botocorePython() {
        if (python == null) {
            for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
                if (run(List.of(candidate, "-c", "import botocore"), Map.of(), 30).exit == 0) {
                    python = candidate;
                    break;
                }
            }
            if (python == null) {
                unavailable("python3 with botocore (apt-get install python3-botocore)");
            }
        }
        return python;
    }

    /** node_modules with these pinned npm packages, installed once into a cache directory. */
    public static synchronized Path nodeModules(String... packages) {
        String key = Integer.toHexString(String.join(" ", packages).hashCode());
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "bedrock-setup-tests", "node-" + key);
        Path marker = dir.resolve("installed.ok");
        if (!Files.exists(marker)) {
            List<String> cmd = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                    "--prefix", dir.toString()));
            cmd.addAll(List.of(packages));
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Result r = run(cmd, Map.of(), 600);
            if (r.exit != 0) {
                unavailable("npm packages " + String.join(" ", packages) + ": " + r.output);
            }
            try {
                Files.writeString(marker, "ok\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return dir.resolve("node_modules");
    }

    /** A program that must be on PATH (installed by .ci/run in CI). */
    public static void requireCommand(String program, String install) {
        if (run(List.of("sh", "-c", "command -v " + program), Map.of(), 10).exit != 0) {
            unavailable(program + " (" + install + ")");
        }
    }

    private static void unavailable(String what) {
        if ("true".equals(System.getenv("CI"))) {
            fail("missing in CI: " + what + " (.ci/run must install it)");
        }
        assumeTrue(false, "not installed here: " + what);
    }

    /** A finished process: exit code and combined output. */
    public static final class Result {
        public final int exit;
        public final String output;

        Result(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }

        @Override
        public String toString() {
            return "exit " + exit + ": " + output;
        }
    }

    /** Runs a command with exactly these extra variables (and PATH), capturing output; kills it past the timeout. */
    public static Result run(List<String> cmd, Map<String, String> env, int timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ANTHROPIC_")
                    || k.startsWith("CLAUDE_"));
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
