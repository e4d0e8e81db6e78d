package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.ChildProcess;
import dev.bedrocksetup.core.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The `claude` on PATH and its version, read by running `claude --version` with a deadline. */
public final class ClaudeInstallation {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    public final Path executable;
    /** e.g. "2.1.330", or null when it could not be read. */
    public final String version;

    ClaudeInstallation(Path executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** A known installation (tests, or a path the user named). */
    public static ClaudeInstallation of(Path executable, String version) {
        return new ClaudeInstallation(executable, version);
    }

    /** Null when no `claude` is on PATH. */
    public static ClaudeInstallation find(Environment env) {
        Path exe = onPath(env, env.os() == Environment.Os.WINDOWS ? new String[] {"claude.exe", "claude.cmd"}
                : new String[] {"claude"});
        if (exe == null) {
            return null;
        }
        return new ClaudeInstallation(exe, readVersion(exe, env));
    }

    public static Path onPath(Environment env, String... names) {
        String path = env.get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String n : names) {
                Path p = Path.of(dir, n);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String readVersion(Path exe, Environment env) {
        Map<String, String> vars = new HashMap<>(env.variables());
        vars.put("DISABLE_AUTOUPDATER", "1");
        try {
            ChildProcess.Outcome run = ChildProcess.run(env, List.of(exe.toString(), "--version"), vars, null,
                    Duration.ofSeconds(5), p -> { });
            if (run.timedOut()) {
                return null;
            }
            Matcher m = VERSION.matcher(run.stdout() + "\n" + run.stderr());
            return m.find() ? m.group() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Compares dotted versions numerically: negative when a &lt; b. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }
}
