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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What bedrock-setup changed, file by file and key by key, with the value before each change, so that `reset`
 * can put back exactly what was there. Stored as JSON in the state directory, written atomically under a lock.
 *
 * <p>A change set is one command's writes. Each file entry is a plain map (its keys are defined by the code that
 * edits that kind of file), which keeps this class independent of file formats.
 */
public final class ChangeJournal {
    public static final String FILE_NAME = "journal.json";

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
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> changeSets() {
        String text = TextFile.readOrNull(file);
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        try {
            Object v = JsonDocument.parse(text).root().toValue();
            Object sets = v instanceof Map ? ((Map<String, Object>) v).get("changeSets") : null;
            if (!(sets instanceof List)) {
                throw new JsonSyntaxException("no changeSets list", 1, 1);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : (List<Object>) sets) {
                out.add((Map<String, Object>) o);
            }
            return out;
        } catch (JsonSyntaxException | ClassCastException e) {
            throw BedrockSetupException.local("the change journal " + file + " is damaged: " + e.getMessage(),
                    "restore it from a backup, or move it away to start a new journal (reset then cannot undo "
                            + "earlier changes)", e);
        }
    }

    /** Rewrites the journal under its lock: {@code edit} gets the change sets and returns the new list. */
    public void update(UnaryOperator<List<Map<String, Object>>> edit) {
        try (WriteLock lock = WriteLock.acquire(stateDir, file.toString(), "the change journal",
                Duration.ofSeconds(10))) {
            List<Map<String, Object>> sets = edit.apply(changeSets());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("version", 1);
            doc.put("changeSets", sets);
            writer.write(file, (JsonText.pretty(doc, "  ") + "\n").getBytes(StandardCharsets.UTF_8),
                    "rw-------", "rwx------");
        }
    }

    public void append(Map<String, Object> changeSet) {
        update(sets -> {
            sets.add(changeSet);
            return sets;
        });
    }

    /** True when a value read back from the journal is JSON null. */
    public static boolean isNull(Object o) {
        return o == null || o == JsonNode.NULL;
    }
}
