package dev.bedrocksetup.fs;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonNode;
import dev.bedrocksetup.json.JsonSyntaxException;
import dev.bedrocksetup.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What bedrock-setup changed, file by file and key by key, with the value before each change, so that `reset`
 * can put back exactly what was there. Stored as JSON in the state directory, written atomically under a lock.
 *
 * <p>A change set is one command's writes. Each file entry is a plain map (its keys are defined by the code that
 * edits that kind of file), which keeps this class independent of file formats.
 *
 * <p>Writing files is a two-step protocol (docs/decisions/0010): {@link #begin} records the new change sets together
 * with a <em>pending</em> record (each file's SHA-256 before and after, its backup, and how to take the journal edit
 * back), all in one atomic write; the files are written; {@link #commit} drops the pending record. A pending record
 * found later belongs to a command that died in between: {@link ChangeApplier#recover} finishes or rolls it back.
 */
public final class ChangeJournal {
    public static final String FILE_NAME = "journal.json";
    /** 2: pending records. A journal of version 1 is read as is (it has none). */
    public static final int VERSION = 2;

    private final Path stateDir;
    private final Path file;
    private final AtomicFileWriter writer;

    public ChangeJournal(Path stateDir, AtomicFileWriter writer) {
        this.stateDir = stateDir;
        this.file = stateDir.resolve(FILE_NAME);
        this.writer = writer;
    }

    public Path file() {
        return file;
    }

    /** Change sets, oldest first. Each is a map with "id", "time", "command" and "files" (a list of maps). */
    public List<Map<String, Object>> changeSets() {
        return list(read(), "changeSets");
    }

    /** Changes whose files were being written when their command stopped (normally none). */
    public List<Map<String, Object>> pending() {
        return list(read(), "pending");
    }

    /** Every backup a change set or a pending record points to: pruning must keep these. */
    @SuppressWarnings("unchecked")
    public Set<Path> referencedBackups() {
        Map<String, Object> doc = read();
        Set<Path> out = new HashSet<>();
        for (String section : List.of("changeSets", "pending")) {
            for (Map<String, Object> set : list(doc, section)) {
                Object files = set.get("files");
                if (files instanceof List) {
                    for (Object f : (List<Object>) files) {
                        for (String key : List.of("backup", "inPlaceNew")) {
                            Object b = f instanceof Map ? ((Map<String, Object>) f).get(key) : null;
                            if (b instanceof String) {
                                out.add(Path.of((String) b));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Rewrites the change sets under the journal's lock, at once (no files are written with it). */
    public void update(UnaryOperator<List<Map<String, Object>>> edit) {
        rewrite(doc -> {
            doc.put("changeSets", edit.apply(list(doc, "changeSets")));
            return null;
        });
    }

    public void append(Map<String, Object> changeSet) {
        update(sets -> {
            sets.add(changeSet);
            return sets;
        });
    }

    /**
     * Step one of writing files: applies {@code edit} to the change sets and records, in the same atomic write, a
     * pending record for {@code files} (maps with "path", "beforeSha256", "afterSha256", optional "backup") with what
     * it takes to undo the edit. Returns the pending record.
     */
    public Map<String, Object> begin(List<Map<String, Object>> files, UnaryOperator<List<Map<String, Object>>> edit) {
        return rewrite(doc -> {
            List<Map<String, Object>> before = copy(list(doc, "changeSets"));
            List<Map<String, Object>> after = edit == null ? list(doc, "changeSets") : edit.apply(list(doc, "changeSets"));
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", UUID.randomUUID().toString());
            record.put("files", files);
            record.put("journalUndo", JournalDelta.between(before, after));
            doc.put("changeSets", after);
            List<Map<String, Object>> pending = list(doc, "pending");
            pending.add(record);
            doc.put("pending", pending);
            return record;
        });
    }

    /** Step two: the files are all written; the pending record goes. */
    public void commit(String pendingId) {
        rewrite(doc -> {
            doc.put("pending", without(list(doc, "pending"), pendingId));
            return null;
        });
    }

    /**
     * The files of pending record {@code pendingId} are back as they were: takes its journal edit back and drops the
     * record. Entries for {@code keptPaths} (files someone changed since, which stay as they are) keep both the old
     * and the new entries, so reset can still undo whatever of ours is in them.
     */
    public void rollBack(Map<String, Object> record, Set<String> keptPaths) {
        rewrite(doc -> {
            doc.put("changeSets", JournalDelta.undo(list(doc, "changeSets"), record.get("journalUndo"), keptPaths));
            doc.put("pending", without(list(doc, "pending"), (String) record.get("id")));
            return null;
        });
    }

    /** A journal write killed half-way leaves its temporary file: removed under the journal's lock. */
    public void removeStaleTemps() {
        if (!java.nio.file.Files.isDirectory(stateDir)) {
            return;
        }
        try (WriteLock lock = WriteLock.acquire(stateDir, file.toString(), "the change journal",
                Duration.ofSeconds(10))) {
            AtomicFileWriter.removeStaleTemps(file);
        } catch (java.io.IOException ignored) {
            // housekeeping: the next run tries again
        }
    }

    /** Reads, edits (the function changes the document map and returns the answer) and writes, under the lock. */
    private <T> T rewrite(java.util.function.Function<Map<String, Object>, T> change) {
        try (WriteLock lock = WriteLock.acquire(stateDir, file.toString(), "the change journal",
                Duration.ofSeconds(10))) {
            Map<String, Object> doc = read();
            T answer = change.apply(doc);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", VERSION);
            out.put("changeSets", list(doc, "changeSets"));
            List<Map<String, Object>> pending = list(doc, "pending");
            if (!pending.isEmpty()) {
                out.put("pending", pending);
            }
            writer.write(file, (JsonText.pretty(out, "  ") + "\n").getBytes(StandardCharsets.UTF_8),
                    "rw-------", "rwx------");
            return answer;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read() {
        String text = TextFile.readOrNull(file);
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        Object v;
        try {
            v = JsonDocument.parse(text).root().toValue();
        } catch (JsonSyntaxException e) {
            throw damaged(e.getMessage(), e);
        }
        if (!(v instanceof Map) || !(((Map<String, Object>) v).get("changeSets") instanceof List)) {
            throw damaged("no changeSets list", null);
        }
        Map<String, Object> doc = (Map<String, Object>) v;
        Object version = doc.get("version");
        if (version instanceof Number && ((Number) version).doubleValue() > VERSION) {
            // a newer bedrock-setup wrote it: reading it could misjudge what reset may undo, rewriting it loses data
            throw BedrockSetupException.local("the change journal " + file + " has version " + version
                    + ", written by a newer bedrock-setup; this one understands up to version " + VERSION
                    + " and left it untouched", "use the newer bedrock-setup (or update this one)", null);
        }
        for (String section : List.of("changeSets", "pending")) {
            Object sets = doc.get(section);
            if (sets != null && !(sets instanceof List)) {
                throw damaged(section + " is not a list", null);
            }
            if (sets != null) {
                for (Object o : (List<Object>) sets) {
                    if (!(o instanceof Map) || !(((Map<String, Object>) o).get("files") instanceof List)) {
                        throw damaged("an entry of " + section + " has no files list", null);
                    }
                }
            }
        }
        return doc;
    }

    private BedrockSetupException damaged(String what, Throwable cause) {
        return BedrockSetupException.local("the change journal " + file + " is damaged: " + what,
                "restore it from a backup, or move it away to start a new journal (reset then cannot undo "
                        + "earlier changes)", cause);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        Object v = doc.get(key);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v instanceof List) {
            for (Object o : (List<Object>) v) {
                out.add((Map<String, Object>) o);
            }
        }
        return out;
    }

    private static List<Map<String, Object>> without(List<Map<String, Object>> records, String id) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : records) {
            if (!id.equals(r.get("id"))) {
                out.add(r);
            }
        }
        return out;
    }

    /** A deep copy through JSON text: an edit may change the maps it gets in place. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> copy(List<Map<String, Object>> sets) {
        try {
            return (List<Map<String, Object>>) JsonDocument.parse(JsonText.write(sets)).root().toValue();
        } catch (JsonSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when a value read back from the journal is JSON null. */
    public static boolean isNull(Object o) {
        return o == null || o == JsonNode.NULL;
    }
}
