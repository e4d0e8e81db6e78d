package dev.bedrocksetup.claude;

import dev.bedrocksetup.fs.FileChange;
import dev.bedrocksetup.json.JsonEditor;
import dev.bedrocksetup.json.JsonNode.ObjectNode;
import dev.bedrocksetup.json.JsonSyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Undoes, from the journal, what bedrock-setup wrote into one settings file: newest change first, each key back to
 * the value it had before (or removed when it was absent). A key whose value is no longer the one we wrote was
 * changed by someone else: it is left alone and reported. When nothing else changed the file, the result is
 * byte-identical to the original; a file we created is deleted again.
 */
public final class SettingsReset {
    private SettingsReset() {}

    /** One file's undo: the change to make and what happened to each key. */
    public static final class Result {
        public final FileChange change;
        public final List<String> restored = new ArrayList<>();
        public final List<String> leftAlone = new ArrayList<>();

        Result(FileChange change) {
            this.change = change;
        }
    }

    /**
     * Plans the undo of {@code entries} (journal file entries for {@code path}, oldest first) against the file's
     * current text.
     */
    @SuppressWarnings("unchecked")
    public static Result plan(Path path, String label, String current, List<Map<String, Object>> entries) {
        if (current == null) {
            Result r = new Result(new FileChange(path, label, null, null, null, null, null));
            r.leftAlone.add(label + " no longer exists: nothing to undo there");
            return r;
        }
        boolean lenient = !entries.isEmpty() && SettingsEdit.isLenient(entries.get(0).get("kind"));
        JsonEditor editor = ClaudeSettingsDocument.edit(path, current, lenient);
        List<String> restored = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        boolean delete = false;
        String text;
        try {
            for (int i = entries.size() - 1; i >= 0; i--) {
                Map<String, Object> entry = entries.get(i);
                List<Map<String, Object>> changes = (List<Map<String, Object>>) entry.get("changes");
                for (int j = changes.size() - 1; j >= 0; j--) {
                    undoKey(editor, changes.get(j), restored, leftAlone);
                }
                if (Boolean.TRUE.equals(entry.get("addedFinalNewline")) && editor.text().endsWith("\n")) {
                    String t = editor.text();
                    editor = new JsonEditor(t.substring(0, t.length() - (t.endsWith("\r\n") ? 2 : 1)), lenient);
                }
                boolean empty = ((ObjectNode) editor.document().root()).members().isEmpty();
                Object trivial = entry.get("trivialOriginal");
                if (empty && trivial instanceof String) {
                    // the file was empty before we wrote into it: give it back exactly
                    return finish(path, label, current, (String) trivial, false, restored, leftAlone);
                }
                if (empty && Boolean.TRUE.equals(entry.get("created"))) {
                    delete = true;
                }
            }
            text = editor.text();
        } catch (JsonSyntaxException e) {
            throw new IllegalStateException("an undo produced invalid JSON: " + e.getMessage(), e);
        }
        return finish(path, label, current, text, delete, restored, leftAlone);
    }

    private static Result finish(Path path, String label, String current, String text, boolean delete,
            List<String> restored, List<String> leftAlone) {
        SettingsScope anyScope = SettingsScope.USER; // modes matter only for new files; reset never creates one
        Result r = new Result(new FileChange(path, label, current, delete ? null : text, anyScope.fileMode(),
                anyScope.dirMode(), null));
        r.restored.addAll(restored);
        r.leftAlone.addAll(leftAlone);
        if (delete) {
            r.restored.add(label + ": removed (bedrock-setup created it)");
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private static void undoKey(JsonEditor editor, Map<String, Object> change, List<String> restored,
            List<String> leftAlone) throws JsonSyntaxException {
        List<String> key = new ArrayList<>();
        for (Object o : (List<Object>) change.get("path")) {
            key.add((String) o);
        }
        String name = OwnedKeys.dotted(key);
        String before = stringOrNull(change.get("before"));
        String after = stringOrNull(change.get("after"));
        String now = editor.raw(key);
        Map<String, Object> undo = (Map<String, Object>) change.get("undo");
        Object digest = change.get("afterSha256");
        if (digest instanceof String) {
            if (now == null || !digest.equals(dev.bedrocksetup.fs.TextFile.sha256(now))) {
                leftAlone.add(name + ": left as it is (" + (now == null ? "removed" : "changed")
                        + " after bedrock-setup set it)");
                return;
            }
            editor.undo(key, undo);
            restored.add(name + ": " + (before == null ? "removed" : "restored to "
                    + OwnedKeys.display(key, before)));
            return;
        }
        if (after == null) {
            if (now != null) {
                leftAlone.add(name + ": left as " + OwnedKeys.display(key, now) + " (set again after bedrock-setup removed it)");
                return;
            }
        } else if (now == null) {
            leftAlone.add(name + ": left absent (removed after bedrock-setup set it)");
            return;
        } else if (!SettingsEdit.sameJson(now, after)) {
            leftAlone.add(name + ": left as " + OwnedKeys.display(key, now) + " (changed after bedrock-setup set it to "
                    + OwnedKeys.display(key, after) + ")");
            return;
        }
        editor.undo(key, undo);
        restored.add(name + ": " + (before == null ? "removed" : "restored to " + OwnedKeys.display(key, before)));
    }

    private static String stringOrNull(Object o) {
        return o instanceof String ? (String) o : null;
    }

    /** Journal entries of this kind, grouped by file path in first-seen order (oldest first within a file). */
    @SuppressWarnings("unchecked")
    public static java.util.LinkedHashMap<Path, List<Map<String, Object>>> entriesByFile(
            List<Map<String, Object>> changeSets, java.util.function.Predicate<Map<String, Object>> filter) {
        java.util.LinkedHashMap<Path, List<Map<String, Object>>> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> set : changeSets) {
            for (Map<String, Object> f : (List<Map<String, Object>>) set.get("files")) {
                if ((Objects.equals(SettingsEdit.KIND, f.get("kind")) || SettingsEdit.isLenient(f.get("kind")))
                        && filter.test(f)) {
                    out.computeIfAbsent(Paths.get((String) f.get("path")), k -> new ArrayList<>()).add(f);
                }
            }
        }
        return out;
    }
}
