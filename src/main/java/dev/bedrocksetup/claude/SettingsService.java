package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.Environment;
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

    public SettingsService(Environment env, ChangeApplier applier) {
        this.env = env;
        this.applier = applier;
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
        Path path = new SettingsLocations(env, projectDir).path(scope);
        Path vs = VsCodeSettings.path(env);
        List<Path> paths = vscode ? List.of(path, vs) : List.of(path);
        List<InitOutcome> outcomes = new ArrayList<>();
        applier.apply(paths, current -> {
            outcomes.clear();
            List<String> notes = new ArrayList<>();
            JsonEditor editor = ClaudeSettingsDocument.edit(path, current.get(path));
            SettingsEdit.Result r = SettingsEdit.plan(path, scope, label(scope, path), current.get(path), editor,
                    wanted.desired(editor, notes), notes);
            outcomes.add(new InitOutcome(r));
            List<FileChange> changes = new ArrayList<>(List.of(r.change));
            if (vscode) {
                JsonEditor vsEditor = ClaudeSettingsDocument.edit(vs, current.get(vs), true);
                SettingsEdit.Result v = SettingsEdit.plan(vs, SettingsScope.USER, vs.toString(), current.get(vs),
                        vsEditor, VsCodeSettings.desired(vsEditor, VsCodeSettings.variablesFor(wanted)),
                        new ArrayList<>());
                outcomes.add(new InitOutcome(v));
                changes.add(v.change);
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
        return outcomes;
    }

    /**
     * The engine: under the file's lock, reads it, asks {@code desired} for the values of the keys to change (raw
     * JSON; null removes), plans, journals and writes.
     */
    public InitOutcome apply(SettingsScope scope, Path projectDir,
            BiFunction<JsonEditor, List<String>, Map<List<String>, String>> desired, String command, boolean dryRun) {
        Path path = new SettingsLocations(env, projectDir).path(scope);
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
        List<Map<String, Object>> sets = applier.journal().changeSets();
        LinkedHashMap<Path, List<Map<String, Object>>> byFile = SettingsReset.entriesByFile(sets,
                f -> scopes.isEmpty() || wantedPaths.contains((String) f.get("path")));
        if (byFile.isEmpty()) {
            return outcome;
        }
        List<Path> paths = new ArrayList<>(byFile.keySet());
        applier.apply(paths, current -> {
            outcome.files.clear();
            // re-read the journal under the file locks: another process may have appended meanwhile
            LinkedHashMap<Path, List<Map<String, Object>>> fresh = SettingsReset.entriesByFile(
                    applier.journal().changeSets(), f -> paths.contains(java.nio.file.Paths.get((String) f.get("path"))));
            List<FileChange> changes = new ArrayList<>();
            for (Path p : paths) {
                List<Map<String, Object>> entries = fresh.getOrDefault(p, List.of());
                SettingsReset.Result r = SettingsReset.plan(p, p.toString(), current.get(p), entries);
                outcome.files.add(r);
                changes.add(r.change);
            }
            return new ChangeApplier.Plan(changes, js -> dropEntries(js, paths));
        }, dryRun);
        return outcome;
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
                boolean ours = SettingsEdit.KIND.equals(f.get("kind")) || SettingsEdit.isLenient(f.get("kind"));
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
