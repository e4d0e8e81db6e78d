package dev.bedrocksetup.claude;

import dev.bedrocksetup.fs.FileChange;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.json.JsonEditor;
import dev.bedrocksetup.json.JsonNode;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonSyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the change of one settings file: the desired values of keys we own are merged into the file's text,
 * and the journal entry records, per key, the value before (or its absence) and how to undo the edit exactly.
 */
public final class SettingsEdit {
    public static final String KIND = "claude-settings";
    /** VS Code's user settings: JSON with comments. */
    public static final String KIND_VSCODE = "vscode-settings";

    static boolean isLenient(Object kind) {
        return KIND_VSCODE.equals(kind);
    }

    private SettingsEdit() {}

    /** The result: the file change (with its journal entry) and notes for the user. */
    public static final class Result {
        public final FileChange change;
        public final List<String> notes;
        public final List<Map<String, Object>> keyChanges;

        Result(FileChange change, List<String> notes, List<Map<String, Object>> keyChanges) {
            this.change = change;
            this.notes = notes;
            this.keyChanges = keyChanges;
        }
    }

    public static Result plan(Path path, SettingsScope scope, String label, String current, BedrockSettings wanted) {
        List<String> notes = new ArrayList<>();
        JsonEditor editor = ClaudeSettingsDocument.edit(path, current);
        OtherProviders.check(path, editor, notes);
        return plan(path, scope, label, current, editor, wanted.desired(editor, notes), notes);
    }

    /** Plans arbitrary key values (raw JSON text; null removes): the engine underneath, used by tests directly. */
    public static Result plan(Path path, SettingsScope scope, String label, String current, JsonEditor editor,
            Map<List<String>, String> desired, List<String> notes) {
        List<Map<String, Object>> changes = new ArrayList<>();
        try {
            for (Map.Entry<List<String>, String> e : desired.entrySet()) {
                List<String> key = e.getKey();
                String now = editor.raw(key);
                String want = e.getValue();
                Map<String, Object> undo;
                if (want == null) {
                    if (now == null) {
                        continue;
                    }
                    undo = editor.remove(key);
                } else {
                    if (now != null && sameJson(now, want)) {
                        continue;
                    }
                    undo = editor.set(key, want);
                }
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("path", new ArrayList<>(key));
                rec.put("before", now);
                if (OwnedKeys.isSecret(key) && want != null) {
                    // the journal never holds the secret we wrote: reset recognises it by its digest
                    rec.put("after", null);
                    rec.put("afterSha256", TextFile.sha256(want));
                } else {
                    rec.put("after", want);
                }
                rec.put("undo", undo);
                changes.add(rec);
            }
        } catch (JsonSyntaxException ex) {
            throw new IllegalStateException("an edit produced invalid JSON: " + ex.getMessage(), ex);
        }
        String after = editor.text();
        boolean trivial = ClaudeSettingsDocument.isTrivial(current);
        boolean addedFinalNewline = false;
        if (changes.isEmpty()) {
            after = current;
        } else if (!after.endsWith("\n")) {
            after = after + (after.contains("\r\n") ? "\r\n" : "\n");
            addedFinalNewline = current != null && !trivial;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", editor.isLenient() ? KIND_VSCODE : KIND);
        entry.put("path", path.toString());
        entry.put("scope", editor.isLenient() ? "vscode" : scope.label());
        entry.put("created", current == null);
        entry.put("trivialOriginal", trivial ? current : null);
        entry.put("addedFinalNewline", addedFinalNewline);
        entry.put("afterSha256", TextFile.sha256(after));
        entry.put("changes", changes);
        FileChange fc = new FileChange(path, label, current, after, scope.fileMode(), scope.dirMode(),
                changes.isEmpty() ? null : entry);
        return new Result(fc, notes, changes);
    }

    static boolean sameJson(String rawA, String rawB) {
        try {
            return JsonNode.sameValue(JsonDocument.parse(rawA, true).root().toValue(),
                    JsonDocument.parse(rawB, true).root().toValue());
        } catch (JsonSyntaxException e) {
            return false;
        }
    }
}
