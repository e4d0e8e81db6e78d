package dev.bedrocksetup.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Claude Code CLI, pinned, installed from npm into the test cache by {@link ExternalTools#nodeModules}
 * (its native binary, about 360 MB, runs offline). Runs it headless ({@code claude -p}) as a user would after
 * {@code bedrock-setup init}: in a given home, with nothing from the real environment except what is listed in
 * {@link #environment}, every AWS endpoint pointing at the stand-in.
 */
public final class ClaudeCode {
    public static final String VERSION = "2.1.330";
    public static final String PACKAGE = "@anthropic-ai/claude-code@" + VERSION;

    /** The system property that picks another Claude Code version for a run (the agreement matrix's newest). */
    public static final String VERSION_PROPERTY = "claude-code.version";

    private final Path binary;
    private final String version;

    private ClaudeCode(Path binary, String version) {
        this.binary = binary;
        this.version = version;
    }

    /** The version asked for with {@code -Dclaude-code.version=X}, else the pinned one. */
    public static String requestedVersion() {
        String v = System.getProperty(VERSION_PROPERTY, "").strip();
        return v.isEmpty() ? VERSION : v;
    }

    /**
     * The pinned Claude Code, installed once (skips on a developer machine without npm, fails in CI). Fails on a
     * machine with Claude Code managed settings: they beat every file a test writes, so no proof would hold there.
     */
    public static ClaudeCode installed() {
        return installed(VERSION);
    }

    /** {@link #installed()} for any published version of {@code @anthropic-ai/claude-code}. */
    public static ClaudeCode installed(String version) {
        assertFalse(Files.exists(Path.of("/etc/claude-code/managed-settings.json")),
                "this machine has Claude Code managed settings (/etc/claude-code/managed-settings.json)");
        String pkg = "@anthropic-ai/claude-code@" + version;
        Path bin = ExternalTools.nodeModules(pkg).resolve(".bin").resolve("claude");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("npm installed " + pkg + " but there is no executable " + bin);
        }
        return new ClaudeCode(bin, version);
    }

    /** What {@code claude --version} says (e.g. "2.1.330 (Claude Code)"), checked against the version installed. */
    public String reportedVersion() throws IOException {
        Path home = Files.createTempDirectory("claude-version");
        Result r;
        try {
            r = run(List.of("--version"), home, home, URI.create("http://127.0.0.1:9"), Duration.ofSeconds(60));
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String out = r.out().strip();
        if (r.exit() != 0 || !out.startsWith(version)) {
            throw new IllegalStateException("asked for Claude Code " + version + ", got: " + r);
        }
        return version;
    }

    /** The directory of the {@code claude} command, for a PATH that lets bedrock-setup find this Claude Code. */
    public Path binDirectory() {
        return binary.getParent();
    }

    /** What one run printed and how it ended. */
    public record Result(int exit, String out, String err, boolean timedOut) {
        @Override
        public String toString() {
            return (timedOut ? "timed out" : "exit " + exit) + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * The whole environment Claude Code gets: HOME, a minimal PATH and locale, the endpoint overrides (model calls
     * follow only ANTHROPIC_BEDROCK_BASE_URL; the profile listing AWS_ENDPOINT_URL_BEDROCK; SSO role credentials
     * AWS_ENDPOINT_URL_SSO; a token refresh AWS_ENDPOINT_URL_SSO_OIDC), no non-essential traffic, no auto-update.
     * No AWS_, ANTHROPIC_ or CLAUDE_ variable of the machine running the tests gets through: Claude Code must find
     * its provider, region, profile and model in the settings bedrock-setup wrote.
     */
    public static Map<String, String> environment(Path home, URI standIn) {
        String base = standIn.toString();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("ANTHROPIC_BEDROCK_BASE_URL", base);
        env.put("AWS_ENDPOINT_URL_BEDROCK", base);
        env.put("AWS_ENDPOINT_URL_SSO", base);
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", base);
        env.put("AWS_ENDPOINT_URL_STS", base);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("DISABLE_AUTOUPDATER", "1");
        return env;
    }

    /** {@code claude --version}. */
    public Result version(Path home, URI standIn) {
        return run(List.of("--version"), home, home, standIn, Duration.ofSeconds(60));
    }

    /** {@code claude -p PROMPT} in {@code workDir}, stdin closed, killed after the timeout. */
    public Result print(String prompt, Path home, Path workDir, URI standIn, Duration timeout) {
        return run(List.of("-p", prompt), home, workDir, standIn, timeout, Map.of());
    }

    /** {@code claude -p PROMPT} with these variables added to {@link #environment} (say which and why). */
    public Result print(String prompt, Path home, Path workDir, URI standIn, Duration timeout,
                        Map<String, String> extra) {
        return run(List.of("-p", prompt), home, workDir, standIn, timeout, extra);
    }

    private Result run(List<String> args, Path home, Path workDir, URI standIn, Duration timeout) {
        return run(args, home, workDir, standIn, timeout, Map.of());
    }

    /**
     * {@code claude ARGS} reading {@code managedDir} as its managed-settings folder. Claude Code 2.1.330 reads managed
     * settings only from the OS's fixed folder (/etc/claude-code on Linux; the function that would read an override
     * returns nothing in the published build), so the run gets a private mount namespace in which /etc is an overlay
     * with {@code managedDir} mounted on /etc/claude-code. Nothing outside that one process sees it; the machine's
     * /etc is never written. Needs unshare(1) and mount rights in a user namespace: see {@link #canMountManagedDir}.
     */
    public Result runWithManagedDir(List<String> args, Path managedDir, Path home, Path workDir, URI standIn,
                                    Duration timeout) throws IOException {
        Path overlay = Files.createTempDirectory("claude-etc");
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of("unshare", "-rm", "/bin/sh", "-c",
                    MOUNT_MANAGED_DIR, "sh", managedDir.toString(), overlay.toString(), binary.toString()));
            cmd.addAll(args);
            return runCommand(cmd, home, workDir, standIn, timeout, Map.of());
        } finally {
            try (var files = Files.walk(overlay)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** $1 managed folder, $2 scratch folder for the overlay, then the command. */
    private static final String MOUNT_MANAGED_DIR = "set -e; mkdir -p \"$2/upper/claude-code\" \"$2/work\"; "
            + "mount -t overlay overlay -o lowerdir=/etc,upperdir=\"$2/upper\",workdir=\"$2/work\" /etc; "
            + "mount --bind \"$1\" /etc/claude-code; shift 2; exec \"$@\"";

    /** Whether {@link #runWithManagedDir} can work here (Linux with unshare and user namespaces). */
    public static boolean canMountManagedDir() {
        try {
            Path probe = Files.createTempDirectory("claude-etc-probe");
            try {
                Process p = new ProcessBuilder("unshare", "-rm", "/bin/sh", "-c", MOUNT_MANAGED_DIR, "sh",
                        probe.toString(), probe.resolve("o").toString(), "/bin/true").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
            } finally {
                try (var files = Files.walk(probe)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Result run(List<String> args, Path home, Path workDir, URI standIn, Duration timeout,
                       Map<String, String> extra) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(args);
        return runCommand(cmd, home, workDir, standIn, timeout, extra);
    }

    private Result runCommand(List<String> cmd, Path home, Path workDir, URI standIn, Duration timeout,
                              Map<String, String> extra) {
        try {
            Path out = Files.createTempFile("claude-out", ".txt");
            Path err = Files.createTempFile("claude-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().clear();
                pb.environment().putAll(environment(home, standIn));
                pb.environment().putAll(extra);
                Process p = pb.start();
                boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
                return new Result(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8), !done);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running Claude Code", e);
        }
    }
}
