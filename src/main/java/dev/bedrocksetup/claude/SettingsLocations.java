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
