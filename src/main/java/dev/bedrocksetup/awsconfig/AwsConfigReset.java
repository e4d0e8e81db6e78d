package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.fs.FileChange;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Undoes, from the journal, what bedrock-setup wrote into ~/.aws/config: newest entry first, each record inverted
 * when its lines are still as we wrote them. When nothing else changed the file, the result is byte-identical to the
 * file before our edits; a file we created and that is empty again is deleted.
 */
public final class AwsConfigReset {
    private AwsConfigReset() {}

    /** One file's undo: the change to make, and what was restored or left alone. */
    public static final class Result {
        private final FileChange change;
        private final List<String> restored;
        private final List<String> leftAlone;

        Result(FileChange change, List<String> restored, List<String> leftAlone) {
            this.change = change;
            this.restored = List.copyOf(restored);
            this.leftAlone = List.copyOf(leftAlone);
        }

        public FileChange change() {
            return change;
        }

        public List<String> restored() {
            return restored;
        }

        public List<String> leftAlone() {
            return leftAlone;
        }
    }

    /**
     * Plans the undo of {@code entries} (journal entries of kind {@value AwsConfigEdit#KIND} for {@code path}, oldest
     * first) against the file's current text.
     */
    @SuppressWarnings("unchecked")
    public static Result plan(Path path, String current, List<Map<String, Object>> entries) {
        List<String> restored = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        if (current == null) {
            leftAlone.add(path + " no longer exists: nothing to undo there");
            return new Result(new FileChange(path, path.toString(), null, null, null, null, null), restored,
                    leftAlone);
        }
        AwsFileKind kind = entries.isEmpty() || !"credentials".equals(entries.get(0).get("file"))
                ? AwsFileKind.CONFIG : AwsFileKind.CREDENTIALS;
        AwsConfigDocument doc = AwsConfigDocument.parse(current, kind);
        AwsConfigUndo undo = new AwsConfigUndo(doc, restored, leftAlone);
        boolean delete = false;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Map<String, Object> entry = entries.get(i);
            List<Map<String, Object>> changes = (List<Map<String, Object>>) entry.get("changes");
            for (int j = changes.size() - 1; j >= 0; j--) {
                undo.undo(changes.get(j));
            }
            if (Boolean.TRUE.equals(entry.get("addedFinalNewline"))) {
                doc.dropFinalNewline();
            }
        }
        undo.finish();
        for (Map<String, Object> entry : entries) {
            if (Boolean.TRUE.equals(entry.get("created")) && doc.render().isEmpty()) {
                delete = true;
            }
        }
        String after = delete ? null : doc.render();
        if (delete) {
            restored.add(path + ": removed (bedrock-setup created it)");
        }
        FileChange fc = new FileChange(path, path.toString(), current, after, AwsConfigEdit.NEW_FILE_MODE,
                AwsConfigEdit.NEW_DIR_MODE, null);
        return new Result(fc, restored, leftAlone);
    }

    /**
     * Entries of kind {@value AwsConfigEdit#KIND} in the journal's change sets that pass {@code filter} (e.g. one
     * profile, for "reset --remove-profile"), grouped by file, oldest first.
     */
    @SuppressWarnings("unchecked")
    public static LinkedHashMap<Path, List<Map<String, Object>>> entriesByFile(List<Map<String, Object>> changeSets,
            Predicate<Map<String, Object>> filter) {
        LinkedHashMap<Path, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Map<String, Object> set : changeSets) {
            for (Map<String, Object> f : (List<Map<String, Object>>) set.get("files")) {
                if (Objects.equals(AwsConfigEdit.KIND, f.get("kind")) && filter.test(f)) {
                    out.computeIfAbsent(Paths.get((String) f.get("path")), k -> new ArrayList<>()).add(f);
                }
            }
        }
        return out;
    }

    /** A filter for {@link #entriesByFile}: the entries that created or changed {@code profile}. */
    public static Predicate<Map<String, Object>> forProfile(String profile) {
        return f -> Objects.equals(profile, f.get("profile"));
    }
}
