package dev.bedrocksetup.fs;

import java.nio.file.Path;
import java.util.Map;

/**
 * One file's planned change: the text it has now (null: absent), the text it will have (null: delete it), the
 * modes a new file and its directories get, and the journal entry that records it (null for none).
 */
public final class FileChange {
    private final Path path;
    private final String label;
    private final String before;
    private final String after;
    private final String newFileMode;
    private final String newDirMode;
    private final Map<String, Object> journalEntry;
    private String requiredMode;

    public FileChange(Path path, String label, String before, String after, String newFileMode, String newDirMode,
            Map<String, Object> journalEntry) {
        this.path = path;
        this.label = label;
        this.before = before;
        this.after = after;
        this.newFileMode = newFileMode;
        this.newDirMode = newDirMode;
        this.journalEntry = journalEntry;
    }

    public Path path() {
        return path;
    }

    /** How the file is named in messages and diffs. */
    public String label() {
        return label;
    }

    public String before() {
        return before;
    }

    public String after() {
        return after;
    }

    public String newFileMode() {
        return newFileMode;
    }

    public String newDirMode() {
        return newDirMode;
    }

    /**
     * The same change, and the file gets exactly {@code mode} also when it exists already: a file that now holds a
     * secret is made private whatever mode it had.
     */
    public FileChange withRequiredMode(String mode) {
        FileChange c = new FileChange(path, label, before, after, newFileMode, newDirMode, journalEntry);
        c.requiredMode = mode;
        return c;
    }

    /** The mode the written file must have (null: an existing file keeps its own). */
    public String requiredMode() {
        return requiredMode;
    }

    public Map<String, Object> journalEntry() {
        return journalEntry;
    }

    public boolean changesAnything() {
        return before == null ? after != null : !before.equals(after);
    }

    public String diff() {
        return UnifiedDiff.of(label, before, after);
    }
}
