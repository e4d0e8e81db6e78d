package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where Claude Code reads each settings scope, for the injected home, OS and project directory. */
public final class SettingsLocations {
    /** The folder of drop-in fragments Claude Code reads beside managed-settings.json. */
    public static final String DROP_IN_DIR = "managed-settings.d";
    /**
     * The fragment `init --scope managed` writes: its own file, so managed-settings.json and other tools' fragments
     * stay theirs. 50 sits mid-way, so an administrator's own fragment can sort before it (a floor bedrock-setup
     * overrides) or after it (a ceiling that wins).
     */
    public static final String DEFAULT_MANAGED_FRAGMENT = "50-bedrock-setup.json";

    private final Environment env;
    private final Path projectDir;
    private final String managedFragment;

    /** {@code projectDir}: the --project-dir given (null: the working directory; never empty). */
    public SettingsLocations(Environment env, Path projectDir) {
        this(env, projectDir == null ? env.workingDirectory() : resolve(env, projectDir), DEFAULT_MANAGED_FRAGMENT);
    }

    private SettingsLocations(Environment env, Path resolvedProjectDir, String managedFragment) {
        this.env = env;
        this.projectDir = resolvedProjectDir;
        this.managedFragment = managedFragment;
    }

    /** These locations with managed settings written to the fragment {@code name} (null: the default). */
    public SettingsLocations withManagedFragment(String name) {
        return new SettingsLocations(env, projectDir, name == null ? DEFAULT_MANAGED_FRAGMENT
                : requireFragmentName(name));
    }

    /**
     * A fragment name Claude Code reads (it lists *.json not starting with a dot) that stays inside the drop-in
     * folder; anything else is a usage error (exit 2) naming the fix.
     */
    public static String requireFragmentName(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,94}\\.json") || name.contains("..")) {
            throw BedrockSetupException.usage("--managed-fragment " + TerminalText.quote(name) + " is not a fragment "
                    + "name Claude Code reads", "name a file in " + DROP_IN_DIR + "/ such as "
                    + DEFAULT_MANAGED_FRAGMENT + " (letters, digits, . _ -, ending in .json)");
        }
        return name;
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
                return dropInDir().resolve(managedFragment);
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

    /**
     * The folder of managed drop-in fragments, beside managed-settings.json (a sibling: a Windows path read on
     * another OS has no parent, and the doctor must not fail on it).
     */
    public Path dropInDir() {
        return managedPath().resolveSibling(DROP_IN_DIR);
    }

    /**
     * The managed documents in Claude Code's merge order (2.1.330): managed-settings.json first, then every
     * {@code managed-settings.d/*.json} not starting with a dot (files or links), sorted by name as JavaScript sorts
     * strings (by UTF-16 unit, as {@link String#compareTo}). A later document's keys override an earlier one's;
     * arrays are joined (decision 0040).
     */
    public java.util.List<Path> managedDocuments() {
        java.util.List<Path> out = new java.util.ArrayList<>();
        out.add(managedPath());
        java.util.List<String> names = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> listing = Files.list(dropInDir())) {
            listing.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.isSymbolicLink(p)).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith(".")).forEach(names::add);
        } catch (java.io.IOException | SecurityException e) {
            // no folder (the usual case) or an unreadable one: no fragments to read
        }
        java.util.Collections.sort(names);
        for (String n : names) {
            out.add(dropInDir().resolve(n));
        }
        return out;
    }

    /** The managed-settings.json file: BEDROCK_SETUP_MANAGED_SETTINGS (tests) or the OS's fixed location. */
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
