package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.fs.FileChange;
import dev.bedrocksetup.fs.TextFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A planned edit of ~/.aws/config: the {@link FileChange} (before text, after text, the modes of a new file, and the
 * journal entry of kind {@value #KIND} with the undo records), plus notes for the user. Nothing is written here:
 * {@code fs/ChangeApplier} shows the diff, writes atomically and keeps the journal.
 */
public final class AwsConfigEdit {
    public static final String KIND = "aws-config";
    /** ~/.aws/config is created owner-only, like the AWS CLI does. */
    public static final String NEW_FILE_MODE = "rw-------";
    public static final String NEW_DIR_MODE = "rwx------";

    private final FileChange change;
    private final List<String> notes;
    private final List<Map<String, Object>> records;

    AwsConfigEdit(FileChange change, List<String> notes, List<Map<String, Object>> records) {
        this.change = change;
        this.notes = List.copyOf(notes);
        this.records = records;
    }

    public FileChange change() {
        return change;
    }

    /** Things the user should know (a reused session, static keys that shadow the profile, a new login needed). */
    public List<String> notes() {
        return notes;
    }

    /** The undo records (also inside the journal entry). */
    public List<Map<String, Object>> records() {
        return records;
    }

    /** The plan as applied (null for a dry run): what {@link AwsConfigService#takeBackIfFails} takes back. */
    dev.bedrocksetup.fs.ChangeApplier.Plan applied;

    public boolean changesAnything() {
        return change.changesAnything();
    }

    static AwsConfigEdit of(AwsSharedFile file, String action, String profile, RecordingConfigEditor editor,
            AwsConfigDocument doc, List<String> notes) {
        editor.finish();
        List<Map<String, Object>> records = editor.records();
        String before = file.text();
        String after = records.isEmpty() ? before : doc.render();
        Map<String, Object> entry = null;
        if (!records.isEmpty()) {
            entry = new LinkedHashMap<>();
            entry.put("kind", KIND);
            entry.put("path", file.path().toString());
            entry.put("file", file.kind().label());
            entry.put("action", action);
            entry.put("profile", profile);
            entry.put("created", before == null);
            entry.put("addedFinalNewline", editor.addedFinalNewline());
            entry.put("afterSha256", TextFile.sha256(after));
            entry.put("changes", records);
        }
        FileChange fc = new FileChange(file.path(), file.path().toString(), before, after, NEW_FILE_MODE,
                NEW_DIR_MODE, entry);
        return new AwsConfigEdit(fc, notes, records);
    }

    /** The same edit, and the file is made owner-only also when it exists with a wider mode (it holds a secret). */
    AwsConfigEdit ownerOnly() {
        AwsConfigEdit e = new AwsConfigEdit(change.withRequiredMode(NEW_FILE_MODE), notes, records);
        e.applied = applied;
        return e;
    }

    /** The diff for the user: secrets masked as everywhere else (a key pair shows as AKIA…**** and 4 characters). */
    public String maskedDiff() {
        return dev.bedrocksetup.core.Secrets.redact(change.diff());
    }

    /** Where the file lives, for callers that apply the change. */
    public Path path() {
        return change.path();
    }

    @Override
    public String toString() {
        return "AwsConfigEdit[" + change.path() + ", " + records.size() + " changes]";
    }
}
