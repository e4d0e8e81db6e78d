package dev.bedrocksetup.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonEditor;
import dev.bedrocksetup.json.JsonNode;
import dev.bedrocksetup.json.JsonNode.Member;
import dev.bedrocksetup.json.JsonNode.ObjectNode;
import dev.bedrocksetup.json.JsonText;
import dev.bedrocksetup.testing.SettingsTextGenerator;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Over thousands of generated settings documents: applying bedrock-setup's keys and then resetting gives back the
 * exact original text, and no key bedrock-setup does not own ever changes its text, value or position.
 */
class SettingsRoundTripPropertyTest {
    private static final Path PATH = Paths.get("/home/u/.claude/settings.json");

    @Property(tries = 5000)
    void applyThenResetIsByteIdentical(@ForAll long seed) throws Exception {
        String original = Math.floorMod(seed, 25) == 0 ? new String[] {"", "\n", "  \r\n"}[Math.floorMod(seed, 3)]
                : new SettingsTextGenerator(seed).generate();
        Random rnd = new Random(seed * 31 + 7);
        Map<String, Object> entry1 = applyAndCheck(original, desired(rnd));
        String afterFirst = (String) entry1.get("__text");
        Map<String, Object> entry2 = applyAndCheck(afterFirst, desired(rnd));
        String afterSecond = (String) entry2.get("__text");

        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map<String, Object> e : List.of(entry1, entry2)) {
            if (!((List<?>) e.get("changes")).isEmpty()) {
                entries.add(throughJournal(e));
            }
        }
        SettingsReset.Result reset = SettingsReset.plan(PATH, "settings.json", afterSecond, entries);
        assertEquals(original, reset.change.after(), "reset must restore the original bytes");
        assertTrue(reset.leftAlone.isEmpty(), () -> "nothing was changed by a user: " + reset.leftAlone);
    }

    @Property(tries = 1000)
    void resetKeepsWhatTheUserChangedAfterwards(@ForAll long seed) throws Exception {
        String original = new SettingsTextGenerator(seed).generate();
        Random rnd = new Random(seed ^ 0x5DEECE66DL);
        Map<String, Object> entry = applyAndCheck(original, desired(rnd));
        String applied = (String) entry.get("__text");
        // the user edits a foreign key after our write
        JsonEditor user = new JsonEditor(applied);
        user.set(List.of("userAddedLater"), JsonText.quote("kept"));
        String userText = user.text();
        SettingsReset.Result reset = SettingsReset.plan(PATH, "settings.json", userText,
                ((List<?>) entry.get("changes")).isEmpty() ? List.of() : List.of(throughJournal(entry)));
        String after = reset.change.after();
        Map<?, ?> root = (Map<?, ?>) JsonDocument.parse(after).root().toValue();
        assertEquals("kept", root.get("userAddedLater"));
        // and every key we own is back to its original value
        Map<?, ?> orig = original.isBlank() ? Map.of() : (Map<?, ?>) JsonDocument.parse(original).root().toValue();
        for (List<String> k : OwnedKeys.ALL) {
            assertTrue(JsonNode.sameValue(lookup(orig, k), lookup(root, k)), "owned key " + k + " restored");
        }
    }

    private static Object lookup(Map<?, ?> root, List<String> key) {
        Object v = root;
        for (String k : key) {
            if (!(v instanceof Map)) {
                return null;
            }
            v = ((Map<?, ?>) v).get(k);
        }
        return v;
    }

    /** Random wanted values for a random subset of the keys we own: new, equal to the current, or removal. */
    private static Map<List<String>, String> desired(Random rnd) {
        Map<List<String>, String> out = new LinkedHashMap<>();
        List<List<String>> keys = new ArrayList<>(OwnedKeys.ALL);
        java.util.Collections.shuffle(keys, rnd);
        for (List<String> k : keys) {
            int r = rnd.nextInt(5);
            if (r == 0) {
                continue;
            }
            if (r == 1) {
                out.put(k, null);
            } else if (r == 2) {
                out.put(k, JsonText.quote("us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
            } else {
                out.put(k, JsonText.quote("v" + rnd.nextInt(3) + (rnd.nextBoolean() ? "é" : "")));
            }
        }
        return out;
    }

    private static Map<String, Object> applyAndCheck(String before, Map<List<String>, String> desired)
            throws Exception {
        String current = before;
        JsonEditor editor = ClaudeSettingsDocument.edit(PATH, current);
        SettingsEdit.Result r = SettingsEdit.plan(PATH, SettingsScope.USER, "settings.json", current, editor,
                desired, new ArrayList<>());
        String after = r.change.after();
        JsonDocument doc = JsonDocument.parse(after);
        assertTrue(after.endsWith("\n") || r.keyChanges.isEmpty(), "a written file ends with a newline");
        // what we wanted is there
        Map<?, ?> root = (Map<?, ?>) doc.root().toValue();
        for (Map.Entry<List<String>, String> e : desired.entrySet()) {
            Object want = e.getValue() == null ? null : JsonDocument.parse(e.getValue()).root().toValue();
            assertTrue(JsonNode.sameValue(want, lookup(root, e.getKey())), "wanted value of " + e.getKey());
        }
        // nothing foreign changed: same keys, same order, same raw text
        if (!ClaudeSettingsDocument.isTrivial(before)) {
            assertEquals(foreignMembers(JsonDocument.parse(before)), foreignMembers(doc));
        }
        if (r.keyChanges.isEmpty()) {
            assertEquals(before, after, "no change, no rewrite");
        } else {
            assertNotEquals(before, after);
        }
        Map<String, Object> entry = r.change.journalEntry() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(r.change.journalEntry());
        entry.putIfAbsent("changes", new ArrayList<>());
        entry.put("__text", after);
        return entry;
    }

    /** "key = raw text" for every member that is not ours, at the top level and inside env, in order. */
    private static List<String> foreignMembers(JsonDocument doc) {
        List<String> out = new ArrayList<>();
        String text = doc.text();
        for (Member m : ((ObjectNode) doc.root()).members()) {
            if (m.key().equals("env") && m.value() instanceof ObjectNode) {
                for (Member e : ((ObjectNode) m.value()).members()) {
                    if (!OwnedKeys.ALL.contains(List.of("env", e.key()))) {
                        out.add("env." + e.key() + " = " + text.substring(e.start(), e.end()));
                    }
                }
            } else if (!OwnedKeys.ALL.contains(List.of(m.key()))) {
                out.add(m.key() + " = " + text.substring(m.start(), m.end()));
            }
        }
        return out;
    }

    /** The journal stores entries as JSON: undo must work from what comes back, not from the live objects. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> throughJournal(Map<String, Object> entry) throws Exception {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        copy.remove("__text");
        Map<String, Object> back = (Map<String, Object>) JsonDocument.parse(JsonText.pretty(copy, "  ")).root()
                .toValue();
        assertNull(back.get("__text"));
        return back;
    }
}
