package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.ChildProcess;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.json.JsonDocument;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the installed Claude Code once, headless ({@code claude -p PROMPT --output-format json}), as the user's own
 * Claude Code would run in the project directory, but isolated from the user's Claude Code state: a temporary
 * {@code CLAUDE_CONFIG_DIR} (where Claude Code keeps {@code .claude.json}, sessions, history) that holds a private
 * copy of the user's settings.json, because with {@code CLAUDE_CONFIG_DIR} set Claude Code reads the user settings
 * from there and no longer from {@code ~/.claude} (observed with 2.1.330; see docs/decisions/0008). Project, local and
 * managed settings apply as usual. The temporary directory (0700) is deleted afterwards.
 */
public final class HeadlessClaude {
    public static final String PROMPT = "Reply with the single word: ok";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
    /** The prefix of the temporary directory, under $TMPDIR (else java.io.tmpdir). */
    public static final String TEMP_PREFIX = "bedrock-setup-claude-";

    private HeadlessClaude() {}

    /** What Claude Code said: an answer (with the models that produced it) or the first meaningful error line. */
    public record Answer(boolean answered, String text, List<String> models, String error) {}

    /**
     * Runs {@code claude -p}. {@code userSettings} is the user's settings.json (copied if it exists, never written);
     * {@code workDir} is the project directory (Claude Code's working directory).
     */
    public static ChildProcess.Outcome run(Environment env, Path executable, Path userSettings, Path workDir,
            Duration timeout) throws IOException {
        Path temp = createPrivateTempDir(env);
        // Ctrl-C ends the JVM without running finally blocks: the hook still stops Claude Code and deletes the
        // directory, which holds a copy of the user's settings (possibly a Bedrock API key)
        AtomicReference<Process> running = new AtomicReference<>();
        Thread cleanup = new Thread(() -> {
            Process started = running.get();
            if (started != null && started.isAlive()) {
                ChildProcess.killTree(started);
            }
            deleteTree(temp);
        }, "bedrock-setup-claude-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Path config = Files.createDirectory(temp.resolve("config"));
            if (userSettings != null && Files.isRegularFile(userSettings)) {
                Path copy = config.resolve("settings.json");
                Files.write(copy, Files.readAllBytes(userSettings)); // follows a symlink: the copy is a plain file
                restrict(copy, "rw-------");
            }
            Map<String, String> vars = new HashMap<>(env.variables());
            vars.put("CLAUDE_CONFIG_DIR", config.toString());
            vars.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
            vars.put("DISABLE_AUTOUPDATER", "1");
            try {
                return ChildProcess.run(env, List.of(executable.toString(), "-p", PROMPT, "--output-format", "json"),
                        vars, workDir, timeout, running::set);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while Claude Code was running", e);
            }
        } finally {
            deleteTree(temp);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs and finds nothing left to do
            }
        }
    }

    /** Reads Claude Code's {@code --output-format json} result; falls back to plain text when there is none. */
    public static Answer parse(ChildProcess.Outcome o) {
        Map<?, ?> result = resultObject(o.stdout());
        if (result != null) {
            Object text = result.get("result");
            String t = text instanceof String s ? s.strip() : "";
            boolean isError = Boolean.TRUE.equals(result.get("is_error"));
            List<String> models = new ArrayList<>();
            if (result.get("modelUsage") instanceof Map<?, ?> usage) {
                for (Object k : usage.keySet()) {
                    models.add(String.valueOf(k));
                }
            }
            if (o.exit() == 0 && !o.timedOut() && !isError && !t.isEmpty()) {
                return new Answer(true, t, models, null);
            }
            String error = isError && !t.isEmpty() ? firstLine(t) : meaningfulLine(o.stderr(), o.stdout());
            return new Answer(false, t, models, error);
        }
        String out = o.stdout().strip();
        if (o.exit() == 0 && !o.timedOut() && !out.isEmpty()) {
            return new Answer(true, out, List.of(), null);
        }
        return new Answer(false, out, List.of(), meaningfulLine(o.stderr(), o.stdout()));
    }

    /** The last line of stdout that is a JSON object of {@code "type": "result"}, or null. */
    static Map<?, ?> resultObject(String stdout) {
        String[] lines = stdout.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (!line.startsWith("{")) {
                continue;
            }
            try {
                Object v = JsonDocument.parseLenient(line).root().toValue();
                if (v instanceof Map<?, ?> m && "result".equals(m.get("type"))) {
                    return m;
                }
            } catch (RuntimeException | dev.bedrocksetup.json.JsonSyntaxException e) {
                // not Claude Code's result document: keep looking
            }
        }
        return null;
    }

    /**
     * The first line that says something: not blank and not one of Claude Code's "Warning:" notes (it prints one
     * whenever a model of its built-in list is missing), stderr first; null when both streams are empty.
     */
    static String meaningfulLine(String stderr, String stdout) {
        String fallback = null;
        for (String text : new String[] {stderr, stdout}) {
            for (String line : text.split("\\R")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (fallback == null) {
                    fallback = l;
                }
                if (!l.startsWith("Warning:")) {
                    return l;
                }
            }
        }
        return fallback;
    }

    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return text.strip();
    }

    private static Path createPrivateTempDir(Environment env) throws IOException {
        String tmp = env.nonBlank("TMPDIR");
        Path parent = tmp != null ? Path.of(tmp) : Path.of(System.getProperty("java.io.tmpdir"));
        if (env.os() == Environment.Os.WINDOWS) {
            return Files.createTempDirectory(parent, TEMP_PREFIX);
        }
        return Files.createTempDirectory(parent, TEMP_PREFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private static void restrict(Path file, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory is private to the user anyway
        }
    }



    /** Deletes the temporary directory; never follows a symlink out of it. Best effort. */
    static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what is left is in the temporary directory, private to the user
        }
    }
}
