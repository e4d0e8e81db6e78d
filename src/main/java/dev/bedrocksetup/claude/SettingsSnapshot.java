package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonNode.ObjectNode;
import dev.bedrocksetup.json.JsonSyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Every settings file Claude Code reads, as it reads them: in precedence order (managed fragments from the last in
 * Claude Code's merge order, managed-settings.json, then local, project, user),
 * each absent, readable (its top-level object) or skipped (with the reason Claude Code would skip it). Also
 * ~/.claude.json, which is not a settings file but where people put settings by mistake.
 */
public final class SettingsSnapshot {
    /** One file's state. */
    public static final class FileState {
        public final SettingsScope scope;
        public final Path path;
        public final boolean exists;
        /** Why Claude Code skips the file ("path:line:col: reason"), or null. */
        public final String problem;
        /** The top-level object when readable, else empty. */
        public final Map<String, Object> root;
        /**
         * For a project or local file that leads outside the project: the real file. bedrock-setup reports it and
         * neither reads nor writes it (its values count for nothing here, though Claude Code would read them).
         */
        public final Path outside;

        FileState(SettingsScope scope, Path path, boolean exists, String problem, Map<String, Object> root) {
            this(scope, path, exists, problem, root, null);
        }

        FileState(SettingsScope scope, Path path, boolean exists, String problem, Map<String, Object> root,
                Path outside) {
            this.scope = scope;
            this.path = path;
            this.exists = exists;
            this.problem = problem;
            this.root = root;
            this.outside = outside;
        }

        public boolean readable() {
            return exists && problem == null;
        }

        /**
         * The label of this file as an origin: "user settings" etc.; a managed drop-in fragment by its name
         * ("managed settings (managed-settings.d/50-bedrock-setup.json)"), so one can tell which fragment set a key.
         */
        public String origin() {
            if (scope == null) {
                return "~/.claude.json";
            }
            return scope.label() + " settings" + (isFragment() ? " (" + SettingsLocations.DROP_IN_DIR + "/"
                    + path.getFileName() + ")" : "");
        }

        /** A managed drop-in fragment (not managed-settings.json itself). */
        public boolean isFragment() {
            return scope == SettingsScope.MANAGED && path.getParent() != null
                    && SettingsLocations.DROP_IN_DIR.equals(String.valueOf(path.getParent().getFileName()));
        }
    }

    private final List<FileState> files;
    private final FileState globalConfig;

    private SettingsSnapshot(List<FileState> files, FileState globalConfig) {
        this.files = Collections.unmodifiableList(files);
        this.globalConfig = globalConfig;
    }

    /** Settings files, highest precedence first. */
    public List<FileState> files() {
        return files;
    }

    /** The first (highest-precedence) file of a scope; for managed, the last fragment in Claude Code's order. */
    public FileState file(SettingsScope scope) {
        for (FileState f : files) {
            if (f.scope == scope) {
                return f;
            }
        }
        throw new IllegalArgumentException(scope.toString());
    }

    /** ~/.claude.json (or $CLAUDE_CONFIG_DIR/.claude.json). */
    public FileState globalConfig() {
        return globalConfig;
    }

    public static SettingsSnapshot read(Environment env, SettingsLocations locations) {
        List<FileState> files = new ArrayList<>();
        for (SettingsScope s : new SettingsScope[] {SettingsScope.MANAGED, SettingsScope.LOCAL, SettingsScope.PROJECT,
            SettingsScope.USER}) {
            boolean sameAsUser = s == SettingsScope.PROJECT
                    && locations.path(s).normalize().equals(locations.path(SettingsScope.USER).normalize());
            // run from the home directory, the project file is the user file: it counts once, as user settings
            Path outside = locations.outsideProject(s);
            if (s == SettingsScope.MANAGED) {
                // Claude Code merges them in order, the last one winning: highest precedence first here
                List<Path> managed = new ArrayList<>(locations.managedDocuments());
                Collections.reverse(managed);
                for (Path p : managed) {
                    files.add(readFile(s, p));
                }
            } else if (sameAsUser) {
                files.add(new FileState(s, locations.path(s), false, null, Map.of()));
            } else if (outside != null) {
                files.add(new FileState(s, locations.path(s), java.nio.file.Files.exists(outside), null, Map.of(),
                        outside));
            } else {
                files.add(readFile(s, locations.path(s)));
            }
        }
        Path global = env.nonBlank("CLAUDE_CONFIG_DIR") != null ? locations.userConfigDir().resolve(".claude.json")
                : env.home().resolve(".claude.json");
        return new SettingsSnapshot(files, readFile(null, global));
    }

    @SuppressWarnings("unchecked")
    static FileState readFile(SettingsScope scope, Path path) {
        String text;
        try {
            text = TextFile.readOrNull(path);
        } catch (BedrockSetupException e) {
            return new FileState(scope, path, true, e.getMessage(), Map.of());
        }
        if (text == null) {
            return new FileState(scope, path, false, null, Map.of());
        }
        try {
            JsonDocument doc = JsonDocument.parse(text);
            if (!(doc.root() instanceof ObjectNode)) {
                return new FileState(scope, path, true, path + ":1:1: the top level is not a JSON object", Map.of());
            }
            return new FileState(scope, path, true, null, (Map<String, Object>) doc.root().toValue());
        } catch (JsonSyntaxException e) {
            return new FileState(scope, path, true, path + ":" + e.line() + ":" + e.column() + ": " + e.reason(),
                    Map.of());
        }
    }
}
