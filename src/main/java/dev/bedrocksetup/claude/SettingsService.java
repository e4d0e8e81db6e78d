package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.ChangeApplier;
import dev.bedrocksetup.fs.FileChange;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import dev.bedrocksetup.json.JsonEditor;

/** The settings engine behind `init` and `reset`, callable without the command line. */
public final class SettingsService {
    private final Environment env;
    private final ChangeApplier applier;
    /** The managed drop-in fragment init writes (null: {@link SettingsLocations#DEFAULT_MANAGED_FRAGMENT}). */
    private final String managedFragment;

    public SettingsService(Environment env, ChangeApplier applier) {
        this(env, applier, null);
    }

    private SettingsService(Environment env, ChangeApplier applier, String managedFragment) {
        this.env = env;
        this.applier = applier;
        this.managedFragment = managedFragment == null ? null : SettingsLocations.requireFragmentName(managedFragment);
    }

    /** This engine writing managed settings to the fragment {@code name} (init's --managed-fragment). */
    public SettingsService withManagedFragment(String name) {
        return new SettingsService(env, applier, name);
    }

    private SettingsLocations locations(Path projectDir) {
        return new SettingsLocations(env, projectDir).withManagedFragment(managedFragment);
    }

    /** What init did (or would do). */
    public static final class InitOutcome {
        public final FileChange change;
        public final List<String> notes;
        public final List<Map<String, Object>> keyChanges;

        InitOutcome(SettingsEdit.Result r) {
            this.change = r.change;
            this.notes = r.notes;
            this.keyChanges = r.keyChanges;
        }
    }

    /** What reset did (or would do), file by file. */
    public static final class ResetOutcome {
        public final List<SettingsReset.Result> files = new ArrayList<>();

        public boolean nothingToUndo() {
            return files.isEmpty();
        }
    }

    public static String label(SettingsScope scope, Path path) {
        return path.toString();
    }

    /**
     * Refuses now, with the words {@link #applyInit} would refuse it in at its end, the settings file of {@code scope}
     * when it cannot be edited (not strict JSON, not an object, not UTF-8): for the wizard, before its first question
     * rather than after its last. A file that does not exist yet is fine.
     */
    public void requireEditable(SettingsScope scope, Path projectDir) {
        Path path = locations(projectDir).path(scope);
        ClaudeSettingsDocument.edit(path, dev.bedrocksetup.fs.TextFile.readOrNull(path));
    }

    /** Merges {@code wanted} into the settings file of {@code scope}; with dryRun only plans. */
    public InitOutcome applyInit(SettingsScope scope, Path projectDir, BedrockSettings wanted, boolean dryRun) {
        return applyInit(scope, projectDir, wanted, false, dryRun).get(0);
    }

    /**
     * As above, and with {@code vscode} also VS Code's user settings (the Claude Code extension's variables), in
     * one change set: one lock, one journal entry, one reset.
     */
    public List<InitOutcome> applyInit(SettingsScope scope, Path projectDir, BedrockSettings wanted, boolean vscode,
            boolean dryRun) {
        SettingsPlacement.require(scope, wanted);
        SettingsLocations locations = locations(projectDir);
        locations.requireInsideProject(scope);
        Path path = locations.path(scope);
        Path vs = VsCodeSettings.path(env);
        List<Path> paths = new ArrayList<>(vscode ? List.of(path, vs) : List.of(path));
        boolean secret = SettingsPlacement.mustBePrivate(scope, wanted);
        LocalSettingsIgnore ignore = scope == SettingsScope.LOCAL ? new LocalSettingsIgnore(env,
                locations.projectDir()) : null;
        LocalSettingsIgnore.GitState gitState = ignore == null ? null : ignore.state();
        if (secret) {
            refuseSharedPlace(path, locations.projectDir());
        }
        Path excludes = ignore == null ? null : ignore.excludesFile();
        if (excludes != null) {
            paths.add(excludes);
        }
        List<InitOutcome> outcomes = new ArrayList<>();
        applier.apply(paths, current -> {
            outcomes.clear();
            List<String> notes = new ArrayList<>();
            JsonEditor editor = ClaudeSettingsDocument.edit(path, current.get(path));
            OtherProviders.check(path, editor, notes);
            SettingsEdit.Result r = SettingsEdit.plan(path, scope, label(scope, path), current.get(path), editor,
                    wanted.desired(editor, notes), notes);
            FileChange settingsChange = r.change;
            if (scope == SettingsScope.MANAGED && current.get(path) == null && settingsChange.journalEntry() != null
                    && !java.nio.file.Files.isDirectory(path.getParent())) {
                // reset takes an empty managed-settings.d/ away again only if this run made it
                settingsChange.journalEntry().put(CREATED_DIRECTORY, path.getParent().toString());
            }
            if (secret && !r.keyChanges.isEmpty()) {
                settingsChange = settingsChange.withRequiredMode(SettingsPlacement.PRIVATE_MODE);
                String mode = modeOf(path);
                if (mode != null && !mode.equals(SettingsPlacement.PRIVATE_MODE)) {
                    notes.add(path + " holds the Bedrock API key, so its mode goes from " + mode + " to "
                            + SettingsPlacement.PRIVATE_MODE + " (only you can read it)");
                }
            }
            outcomes.add(new InitOutcome(r));
            List<FileChange> changes = new ArrayList<>(List.of(settingsChange));
            if (vscode) {
                JsonEditor vsEditor = ClaudeSettingsDocument.edit(vs, current.get(vs), true);
                SettingsEdit.Result v = SettingsEdit.plan(vs, SettingsScope.USER, vs.toString(), current.get(vs),
                        vsEditor, VsCodeSettings.desired(vsEditor, VsCodeSettings.variablesFor(wanted)),
                        new ArrayList<>());
                outcomes.add(new InitOutcome(v));
                changes.add(v.change);
            }
            FileChange ignoreChange = excludes == null || r.keyChanges.isEmpty() ? null
                    : ignore.plan(excludes, current.get(excludes), path, gitState);
            if (ignoreChange != null) {
                changes.add(ignoreChange);
                notes.add(excludes + " gets " + LocalSettingsIgnore.RULE + ", so git ignores local settings in every "
                        + "project (as Claude Code does it)");
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            for (FileChange c : changes) {
                if (c.journalEntry() != null) {
                    entries.add(c.journalEntry());
                }
            }
            return new ChangeApplier.Plan(changes, entries.isEmpty() ? null : sets -> {
                sets.add(changeSet("init", entries));
                return sets;
            });
        }, dryRun);
        if (!dryRun && gitState == LocalSettingsIgnore.GitState.NOT_IGNORED
                && ignore.state() != LocalSettingsIgnore.GitState.IGNORED) {
            // as Claude Code warns: the rule is written, but this git reads its excludes from elsewhere
            outcomes.get(0).notes.add("git still does not ignore " + path + " (core.excludesFile may point "
                    + "elsewhere): add .claude/settings.local.json to the project's .gitignore");
        }
        return outcomes;
    }

    /**
     * Refuses (exit 3) to put the API key where others get it: a file git tracks (also behind a symlink, say into a
     * dotfiles repository or onto the project's committed settings), or a directory every user can write.
     */
    private void refuseSharedPlace(Path path, Path projectDir) {
        Path real = SettingsLocations.realPath(path);
        if (new LocalSettingsIgnore(env, projectDir).state(real) == LocalSettingsIgnore.GitState.TRACKED) {
            throw BedrockSetupException.local(path + (real.equals(path) ? "" : " (" + real + ")") + " is tracked by "
                    + "git, so the API key would be committed with it; nothing was written",
                    "untrack it first (git rm --cached " + real.getFileName() + " in " + real.getParent()
                            + "), or choose another --scope", null);
        }
        dev.bedrocksetup.core.WorldWritable.refuseSecretIn(real.getParent(), real.getParent(), "the Bedrock API key");
    }

    /** A file's permissions as "rw-r--r--" (through symlinks), or null when it does not exist or has none. */
    private static String modeOf(Path path) {
        try {
            Path target = SettingsLocations.realPath(path);
            if (!java.nio.file.Files.exists(target)
                    || !target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return null;
            }
            return java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(target));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * The engine: under the file's lock, reads it, asks {@code desired} for the values of the keys to change (raw
     * JSON; null removes), plans, journals and writes.
     */
    public InitOutcome apply(SettingsScope scope, Path projectDir,
            BiFunction<JsonEditor, List<String>, Map<List<String>, String>> desired, String command, boolean dryRun) {
        SettingsLocations locations = locations(projectDir);
        locations.requireInsideProject(scope);
        Path path = locations.path(scope);
        SettingsEdit.Result[] result = new SettingsEdit.Result[1];
        applier.apply(List.of(path), current -> {
            String text = current.get(path);
            List<String> notes = new ArrayList<>();
            JsonEditor editor = ClaudeSettingsDocument.edit(path, text);
            SettingsEdit.Result r = SettingsEdit.plan(path, scope, label(scope, path), text, editor,
                    desired.apply(editor, notes), notes);
            result[0] = r;
            Map<String, Object> entry = r.change.journalEntry();
            return new ChangeApplier.Plan(List.of(r.change), entry == null ? null : sets -> {
                sets.add(changeSet(command, List.of(entry)));
                return sets;
            });
        }, dryRun);
        return new InitOutcome(result[0]);
    }

    /**
     * Undoes what the journal records for the given scopes (all files when {@code scopes} is empty);
     * with dryRun only plans.
     */
    public ResetOutcome reset(Set<SettingsScope> scopes, Path projectDir, boolean dryRun) {
        SettingsLocations locations = new SettingsLocations(env, projectDir);
        Set<String> wantedPaths = new HashSet<>();
        for (SettingsScope s : scopes) {
            wantedPaths.add(locations.path(s).toString());
        }
        ResetOutcome outcome = new ResetOutcome();
        Map<Path, SettingsReset.Result> createdDirectories = new LinkedHashMap<>();
        List<Map<String, Object>> sets = applier.journal().changeSets();
        java.util.function.Predicate<String> wantedFile = p -> scopes.isEmpty() || wantedPaths.contains(p);
        // managed: every managed document bedrock-setup wrote (its fragment, whatever --managed-fragment named it, or
        // managed-settings.json from before fragments), never one it did not
        boolean managed = scopes.contains(SettingsScope.MANAGED);
        LinkedHashMap<Path, List<Map<String, Object>>> byFile = SettingsReset.entriesByFile(sets,
                f -> wantedFile.test((String) f.get("path")) || managed && "managed".equals(f.get("scope")));
        byFile.putAll(LocalSettingsIgnore.entriesByFile(sets, wantedFile));
        if (byFile.isEmpty()) {
            return outcome;
        }
        List<Path> paths = new ArrayList<>(byFile.keySet());
        for (Map.Entry<Path, List<Map<String, Object>>> e : byFile.entrySet()) {
            Object scope = e.getValue().get(0).get("scope");
            Path outside = "project".equals(scope) || "local".equals(scope)
                    ? SettingsLocations.outsideProject(e.getKey()) : null;
            if (outside != null) {
                throw SettingsLocations.outsideRefusal(e.getKey(), outside);
            }
        }
        applier.apply(paths, current -> {
            outcome.files.clear();
            // re-read the journal under the file locks: another process may have appended meanwhile
            List<Map<String, Object>> now = applier.journal().changeSets();
            LinkedHashMap<Path, List<Map<String, Object>>> fresh = SettingsReset.entriesByFile(now,
                    f -> paths.contains(java.nio.file.Paths.get((String) f.get("path"))));
            LinkedHashMap<Path, List<Map<String, Object>>> ignores = LocalSettingsIgnore.entriesByFile(now,
                    wantedFile);
            List<FileChange> changes = new ArrayList<>();
            createdDirectories.clear();
            for (Path p : paths) {
                SettingsReset.Result r = ignores.containsKey(p)
                        ? LocalSettingsIgnore.planUndo(p, current.get(p), ignores.get(p))
                        : SettingsReset.plan(p, p.toString(), current.get(p), fresh.getOrDefault(p, List.of()));
                outcome.files.add(r);
                changes.add(r.change);
                Path dir = createdDirectory(r, fresh.getOrDefault(p, List.of()));
                if (dir != null) {
                    createdDirectories.put(dir, r);
                }
            }
            return new ChangeApplier.Plan(changes, js -> dropEntries(js, paths));
        }, dryRun);
        createdDirectories.forEach((dir, r) -> {
            String[] left = dir.toFile().list();
            boolean emptyNow = dryRun ? left != null && left.length == 1 && r.change.path().getFileName().toString()
                    .equals(left[0]) : AtomicFileWriter.removeEmptyDirectory(dir);
            if (emptyNow) {
                r.restored.add(dir + ": removed (bedrock-setup created it)");
            }
        });
        return outcome;
    }

    /** The journal's key for a managed-settings.d/ that init created along with its fragment. */
    static final String CREATED_DIRECTORY = "createdDirectory";

    /** The directory a reset may take away after deleting the file init created in it, or null. */
    private static Path createdDirectory(SettingsReset.Result r, List<Map<String, Object>> entries) {
        if (r.change.after() != null || r.change.before() == null) {
            return null; // the file stays (or was gone already): so does its directory
        }
        for (Map<String, Object> e : entries) {
            if (e.get(CREATED_DIRECTORY) instanceof String dir) {
                return Path.of(dir);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> dropEntries(List<Map<String, Object>> sets, List<Path> paths) {
        Set<String> names = new HashSet<>();
        for (Path p : paths) {
            names.add(p.toString());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> set : sets) {
            List<Map<String, Object>> keep = new ArrayList<>();
            for (Map<String, Object> f : (List<Map<String, Object>>) set.get("files")) {
                boolean ours = SettingsEdit.KIND.equals(f.get("kind")) || SettingsEdit.isLenient(f.get("kind"))
                        || LocalSettingsIgnore.KIND.equals(f.get("kind"));
                if (!(ours && names.contains((String) f.get("path")))) {
                    keep.add(f);
                }
            }
            if (!keep.isEmpty()) {
                set.put("files", keep);
                out.add(set);
            }
        }
        return out;
    }

    private Map<String, Object> changeSet(String command, List<Map<String, Object>> files) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", UUID.randomUUID().toString());
        set.put("time", DateTimeFormatter.ISO_INSTANT.format(env.clock().instant()));
        set.put("command", command);
        set.put("files", new ArrayList<>(files));
        return set;
    }
}
