package dev.bedrocksetup.json;

import dev.bedrocksetup.json.JsonNode.Member;
import dev.bedrocksetup.json.JsonNode.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits a JSON object document as text: a value is replaced in its span, a member is inserted after the last member
 * of its object in that object's own style (indent, separators, line endings), a member is removed with exactly the
 * text around it that belongs to it. Every other byte stays. Each edit returns an undo record (plain values, stored
 * in the journal) from which {@link #undo} restores the previous text exactly.
 *
 * <p>Paths are one or two keys deep: a top-level key, or a key inside a top-level object such as {@code env}.
 */
public final class JsonEditor {
    private String text;
    private JsonDocument doc;
    private final String newline;
    private final String indentUnit;
    private final boolean lenient;

    public JsonEditor(String text) throws JsonSyntaxException {
        this(text, false);
    }

    /** With {@code lenient}, comments and trailing commas are kept as they are (VS Code's settings files). */
    public JsonEditor(String text, boolean lenient) throws JsonSyntaxException {
        this.lenient = lenient;
        this.doc = JsonDocument.parse(text, lenient);
        if (!(doc.root() instanceof ObjectNode)) {
            throw new IllegalArgumentException("the document is not a JSON object");
        }
        this.text = text;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.indentUnit = detectIndentUnit(text);
    }

    public String text() {
        return text;
    }

    public JsonDocument document() {
        return doc;
    }

    public String indentUnit() {
        return indentUnit;
    }

    public boolean isLenient() {
        return lenient;
    }

    /** The member at {@code path}, or null. */
    public Member find(List<String> path) {
        ObjectNode obj = (ObjectNode) doc.root();
        for (int i = 0; i < path.size() - 1; i++) {
            Member m = obj.member(path.get(i));
            if (m == null || !(m.value() instanceof ObjectNode)) {
                return null;
            }
            obj = (ObjectNode) m.value();
        }
        return obj.member(path.get(path.size() - 1));
    }

    /** The raw JSON text of the value at {@code path}, or null when absent. */
    public String raw(List<String> path) {
        Member m = find(path);
        return m == null ? null : text.substring(m.value().start(), m.end());
    }

    private ObjectNode parentOf(List<String> path) {
        if (path.size() == 1) {
            return (ObjectNode) doc.root();
        }
        Member p = find(path.subList(0, path.size() - 1));
        return p != null && p.value() instanceof ObjectNode ? (ObjectNode) p.value() : null;
    }

    /**
     * Sets the value at {@code path} to {@code rawValue} (JSON text). Returns the undo record: op "replace" with the
     * raw value before, or op "insert" (with the parent's empty interior when it was empty, and "createdParent" when
     * the parent object had to be created).
     */
    public Map<String, Object> set(List<String> path, String rawValue) throws JsonSyntaxException {
        Map<String, Object> undo = new LinkedHashMap<>();
        Member existing = find(path);
        if (existing != null) {
            undo.put("op", "replace");
            undo.put("before", text.substring(existing.value().start(), existing.end()));
            splice(existing.value().start(), existing.end(), rawValue);
            return undo;
        }
        undo.put("op", "insert");
        if (path.size() > 1 && parentOf(path) == null) {
            if (find(path.subList(0, path.size() - 1)) != null) {
                throw new IllegalStateException(path.get(0) + " is not an object");
            }
            Map<String, Object> parentUndo = insert((ObjectNode) doc.root(), path.get(0), "{}");
            undo.put("createdParent", parentUndo);
        }
        undo.putAll(insert(parentOf(path), path.get(path.size() - 1), rawValue));
        return undo;
    }

    /** Removes the member at {@code path}. Returns op "remove" with the text removed and where it stood. */
    public Map<String, Object> remove(List<String> path) throws JsonSyntaxException {
        Member m = find(path);
        if (m == null) {
            return null;
        }
        ObjectNode obj = parentOf(path);
        Map<String, Object> undo = new LinkedHashMap<>();
        undo.put("op", "remove");
        undo.put("before", text.substring(m.value().start(), m.end()));
        removeMember(obj, m, "", undo);
        return undo;
    }

    private void removeMember(ObjectNode obj, Member m, String emptyInterior, Map<String, Object> undo)
            throws JsonSyntaxException {
        List<Member> ms = obj.members();
        int i = ms.indexOf(m);
        int from;
        int to;
        String replacement = "";
        if (ms.size() == 1) {
            from = obj.start() + 1;
            to = obj.end() - 1;
            replacement = emptyInterior;
            undo.put("mode", "interior");
        } else if (i > 0) {
            from = ms.get(i - 1).end();
            to = m.end();
            undo.put("mode", "after");
            undo.put("anchor", ms.get(i - 1).key());
            undo.put("anchorIndex", i - 1); // its index once this member is gone
        } else {
            from = m.start();
            to = ms.get(1).start();
            undo.put("mode", "before");
            undo.put("anchor", ms.get(1).key());
            undo.put("anchorIndex", 0);
        }
        undo.put("segment", text.substring(from, to));
        splice(from, to, replacement);
    }

    private Map<String, Object> insert(ObjectNode obj, String key, String rawValue) throws JsonSyntaxException {
        Map<String, Object> undo = new LinkedHashMap<>();
        String member = JsonText.quote(key);
        List<Member> ms = obj.members();
        if (ms.isEmpty()) {
            String interior = text.substring(obj.start() + 1, obj.end() - 1);
            undo.put("emptyInterior", interior);
            String objIndent = lineIndent(obj.start());
            splice(obj.start() + 1, obj.end() - 1,
                    newline + objIndent + indentUnit + member + ": " + rawValue + newline + objIndent);
            return undo;
        }
        Member last = ms.get(ms.size() - 1);
        int gapStart = ms.size() > 1 ? ms.get(ms.size() - 2).end() : obj.start() + 1;
        String gap = text.substring(gapStart, last.start());
        String sep = text.substring(last.keyEnd(), last.value().start());
        String lead;
        int nl = gap.lastIndexOf('\n');
        if (nl >= 0) {
            String after = gap.substring(nl + 1);
            int ws = 0;
            while (ws < after.length() && (after.charAt(ws) == ' ' || after.charAt(ws) == '\t')) {
                ws++;
            }
            lead = "," + newline + after.substring(0, ws); // comma-first styles get a plain trailing comma
        } else if (ms.size() > 1) {
            lead = gap.substring(gap.indexOf(',')); // e.g. ", " or ","
        } else {
            lead = gap.isEmpty() ? "," : "," + gap;
        }
        splice(last.end(), last.end(), lead + member + sep + rawValue);
        return undo;
    }

    /**
     * Undoes one edit made by {@link #set} or {@link #remove} at {@code path}, given its undo record. Assumes the
     * caller checked the current value is still the one we wrote (for set) or still absent (for remove).
     */
    @SuppressWarnings("unchecked")
    public void undo(List<String> path, Map<String, Object> undo) throws JsonSyntaxException {
        String op = (String) undo.get("op");
        switch (op) {
            case "replace": {
                Member m = find(path);
                splice(m.value().start(), m.end(), (String) undo.get("before"));
                return;
            }
            case "insert": {
                Member m = find(path);
                if (m != null) {
                    Object interior = undo.get("emptyInterior");
                    removeMember(parentOf(path), m, interior instanceof String ? (String) interior : "",
                            new LinkedHashMap<>());
                }
                Object created = undo.get("createdParent");
                if (created instanceof Map && path.size() > 1) {
                    List<String> parentPath = path.subList(0, path.size() - 1);
                    Member p = find(parentPath);
                    if (p != null && p.value() instanceof ObjectNode && ((ObjectNode) p.value()).members().isEmpty()) {
                        Object rootInterior = ((Map<String, Object>) created).get("emptyInterior");
                        removeMember((ObjectNode) doc.root(), p,
                                rootInterior instanceof String ? (String) rootInterior : "", new LinkedHashMap<>());
                    }
                }
                return;
            }
            case "remove":
                reinsert(path, undo);
                return;
            default:
                throw new IllegalArgumentException("unknown undo op " + op);
        }
    }

    private void reinsert(List<String> path, Map<String, Object> undo) throws JsonSyntaxException {
        if (find(path) != null) {
            return;
        }
        ObjectNode obj = parentOf(path);
        String segment = (String) undo.get("segment");
        String mode = (String) undo.get("mode");
        String before = (String) undo.get("before");
        if (obj == null) {
            set(path, before);
            return;
        }
        if ("interior".equals(mode) && obj.members().isEmpty()) {
            splice(obj.start() + 1, obj.end() - 1, segment);
            return;
        }
        Member anchor = anchor(obj, undo);
        if ("after".equals(mode) && anchor != null) {
            splice(anchor.end(), anchor.end(), segment);
            return;
        }
        if ("before".equals(mode) && anchor != null) {
            splice(anchor.start(), anchor.start(), segment);
            return;
        }
        // the neighbours changed since: insert in the ordinary way
        insert(obj, path.get(path.size() - 1), before);
    }

    /** The neighbour a removed member is put back beside: by position first (keys may repeat), then by key. */
    private static Member anchor(ObjectNode obj, Map<String, Object> undo) {
        Object key = undo.get("anchor");
        if (!(key instanceof String)) {
            return null;
        }
        Object idx = undo.get("anchorIndex");
        if (idx instanceof Number) {
            int i = ((Number) idx).intValue();
            if (i >= 0 && i < obj.members().size() && obj.members().get(i).key().equals(key)) {
                return obj.members().get(i);
            }
        }
        return obj.member((String) key);
    }

    private void splice(int from, int to, String replacement) throws JsonSyntaxException {
        text = text.substring(0, from) + replacement + text.substring(to);
        doc = JsonDocument.parse(text, lenient);
    }

    private String lineIndent(int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }

    /** The file's indent step: the smallest indentation of a line that starts with a key; two spaces when none. */
    static String detectIndentUnit(String text) {
        String best = null;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int i = lineStart;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i > lineStart && i < text.length() && text.charAt(i) == '"') {
                String ws = text.substring(lineStart, i);
                if (best == null || ws.length() < best.length()) {
                    best = ws;
                }
            }
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return best == null ? "  " : best;
    }
}
