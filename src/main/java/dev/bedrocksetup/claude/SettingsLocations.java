package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where Claude Code reads each settings scope, for the injected home, OS and project directory. */
public final class SettingsLocations {
    private final Environment env;
    private final Path projectDir;

    /** {@code projectDir}: the --project-dir given (null: the working directory; never empty). */
    public SettingsLocations(Environment env, Path projectDir) {
        this.env = env;
        this.projectDir = projectDir == null ? env.workingDirectory() : resolve(env, projectDir);
    }

    /** An empty --project-dir must not quietly mean the working directory. */
    private static Path resolve(Environment env, Path given) {
        if (given.toString().isBlank()) {
            throw BedrockSetupException.usage("--project-dir is empty", "name the project's directory, or leave "
                    + "--project-dir out to use the current one");
        }
        return env.workingDirectory().resolve(given).toAbsolutePath().normalize();
    }

    /**
     * For commands that write: the project is a directory that exists. A mistyped --project-dir must not create one
     * (at the filesystem root, for /nonexistent/x). Reading a project that does not exist finds no settings, which
     * is true; writing there would invent a project.
     */
    public static void requireExistingProject(Environment env, Path given) {
        if (given == null) {
            return;
        }
        Path dir = resolve(env, given);
        if (!Files.isDirectory(dir)) {
            throw BedrockSetupException.usage("--project-dir " + TerminalText.quote(given.toString())
                    + (Files.exists(dir) ? " is not a directory" : " does not exist"),
                    "name the directory of an existing project (bedrock-setup never creates one)");
        }
    }

    public Path projectDir() {
        return projectDir;
    }

    /** Claude Code's configuration directory: $CLAUDE_CONFIG_DIR, else ~/.claude. */
    public Path userConfigDir() {
        String dir = env.nonBlank("CLAUDE_CONFIG_DIR");
        return dir != null ? env.home().resolve(dir).normalize() : env.home().resolve(".claude");
    }

    public Path path(SettingsScope scope) {
        switch (scope) {
            case USER:
                return userConfigDir().resolve("settings.json");
            case PROJECT:
                return projectDir.resolve(".claude").resolve("settings.json");
            case LOCAL:
                return projectDir.resolve(".claude").resolve("settings.local.json");
            case MANAGED:
                return managedPath();
            default:
                throw new IllegalArgumentException(scope.toString());
        }
    }

    /**
     * The real file behind a project or local settings file when, through symbolic links (of the file or of
     * {@code .claude}), it lies outside the project directory; null when it stays inside (or for other scopes).
     * Project files arrive with a cloned repository: a link out of it ({@code .claude/settings.json ->
     * ../../.docker/config.json}) must not make bedrock-setup read or edit a file elsewhere.
     */
    public Path outsideProject(SettingsScope scope) {
        return scope == SettingsScope.PROJECT || scope == SettingsScope.LOCAL ? outsideProject(path(scope)) : null;
    }

    /** As above for a settings file at {@code <project>/.claude/<name>} (how the journal names them). */
    public static Path outsideProject(Path settingsFile) {
        Path project = settingsFile.toAbsolutePath().normalize().getParent().getParent();
        Path real = realPath(settingsFile);
        return real.startsWith(realPath(project)) ? null : real;
    }

    /** Refuses (exit 3) to write a project or local settings file that leads outside the project. */
    public void requireInsideProject(SettingsScope scope) {
        Path outside = outsideProject(scope);
        if (outside != null) {
            throw outsideRefusal(path(scope), outside);
        }
    }

    public static dev.bedrocksetup.core.BedrockSetupException outsideRefusal(Path file, Path outside) {
        return dev.bedrocksetup.core.BedrockSetupException.local(file + " leads outside the project, to " + outside
                + "; nothing was written", "replace the link with a file of its own (rm " + file + ")", null);
    }

    /**
     * Where a path really leads: every symbolic link on the way resolved (also a dangling one at the end), the part
     * that does not exist yet appended as it is.
     */
    static Path realPath(Path path) {
        Path p = path.toAbsolutePath().normalize();
        try {
            for (int hops = 0; hops < 40; hops++) {
                Path parent = p.getParent() == null ? p : existingReal(p.getParent());
                p = p.getParent() == null ? p : parent.resolve(p.getFileName());
                if (!java.nio.file.Files.isSymbolicLink(p)) {
                    return java.nio.file.Files.exists(p) ? p.toRealPath() : p;
                }
                p = p.getParent().resolve(java.nio.file.Files.readSymbolicLink(p)).normalize();
            }
        } catch (java.io.IOException e) {
            return p; // unreadable links: the write itself reports the problem
        }
        return p;
    }

    private static Path existingReal(Path dir) throws java.io.IOException {
        Path existing = dir;
        java.util.Deque<Path> rest = new java.util.ArrayDeque<>();
        while (existing.getParent() != null && !java.nio.file.Files.exists(existing)) {
            rest.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path out = existing.toRealPath();
        while (!rest.isEmpty()) {
            out = out.resolve(rest.pop());
        }
        return out;
    }

    /** The managed settings file: BEDROCK_SETUP_MANAGED_SETTINGS (tests) or the OS's fixed location. */
    public Path managedPath() {
        String override = env.nonBlank("BEDROCK_SETUP_MANAGED_SETTINGS");
        if (override != null) {
            return env.home().resolve(override).normalize();
        }
        switch (env.os()) {
            case MACOS:
                return Paths.get("/Library/Application Support/ClaudeCode/managed-settings.json");
            case WINDOWS:
                return Paths.get(windowsProgramFiles() + "\\ClaudeCode\\managed-settings.json");
            default:
                return Paths.get("/etc/claude-code/managed-settings.json");
        }
    }

    /**
     * The 64-bit Program Files folder Claude Code reads. A 32-bit JVM sees ProgramFiles pointing at
     * "Program Files (x86)"; ProgramW6432 names the 64-bit folder in every process, so it comes first.
     */
    private String windowsProgramFiles() {
        String dir = env.nonBlank("ProgramW6432");
        if (dir == null) {
            dir = env.nonBlank("ProgramFiles");
        }
        if (dir == null) {
            return "C:\\Program Files";
        }
        // "C:\Program Files\" would otherwise give a doubled separator
        return dir.strip().replaceAll("[\\\\/]+$", "");
    }
}
