package dev.bedrocksetup.awsconfig;

import java.util.List;
import java.util.Map;

/**
 * Inverts the records of {@link RecordingConfigEditor} on the current document, newest first. A record is undone only
 * when the lines we wrote are still there as we wrote them; otherwise someone changed them since, and they are left
 * alone and reported. When nothing else changed, the result is byte-identical to the file before our edit.
 */
final class AwsConfigUndo {
    private final AwsConfigDocument doc;
    private final List<String> restored;
    private final List<String> leftAlone;
    /** Sessions whose removal waits until every record is undone: a profile removed later may still name them. */
    private final List<Map<String, Object>> deferredSessions = new java.util.ArrayList<>();

    AwsConfigUndo(AwsConfigDocument doc, List<String> restored, List<String> leftAlone) {
        this.doc = doc;
        this.restored = restored;
        this.leftAlone = leftAlone;
    }

    @SuppressWarnings("unchecked")
    void undo(Map<String, Object> r) {
        String op = (String) r.get("op");
        String header = (String) r.get("header");
        SectionName id = SectionName.parse(header, doc.kind());
        List<ConfigSection> found = id == null ? List.of() : doc.sections(id.type(), id.name());
        if (found.size() != 1) {
            leftAlone.add(header + ": " + (found.isEmpty() ? "no longer in the file" : "now defined "
                    + found.size() + " times") + ", left alone");
            return;
        }
        ConfigSection s = found.get(0);
        if ("add-section".equals(op) && id.type() == SectionType.SSO_SESSION && !deferredSessions.contains(r)
                && !profilesUsing(r, id.name()).isEmpty()) {
            deferredSessions.add(r);
            return;
        }
        switch (op) {
            case "add-section" -> undoAddSection(s, header, (List<String>) r.get("lines"),
                    Boolean.TRUE.equals(r.get("blankBefore")));
            case "add-key" -> undoAddKey(s, header, (String) r.get("line"));
            case "replace" -> undoReplace(s, header, (List<String>) r.get("before"),
                    (List<String>) r.get("beforeEndings"), (List<String>) r.get("after"));
            case "remove" -> undoRemove(s, header, (List<String>) r.get("lines"), (List<String>) r.get("endings"),
                    (String) r.get("previous"), ((Number) r.get("offset")).intValue());
            default -> leftAlone.add(header + ": unknown change '" + op + "' in the journal, left alone");
        }
    }

    /**
     * Removes the sessions we added once every other record is undone, except one a profile still uses (the user may
     * have pointed another profile at it since): without it that profile could not log in.
     */
    void finish() {
        List<Map<String, Object>> waiting = List.copyOf(deferredSessions);
        for (Map<String, Object> r : waiting) {
            String header = (String) r.get("header");
            SectionName id = SectionName.parse(header, doc.kind());
            List<String> users = profilesUsing(r, id.name());
            if (users.isEmpty()) {
                undo(r);
            } else {
                leftAlone.add(header + ": kept, because profile" + (users.size() == 1 ? " " : "s ")
                        + String.join(", ", users) + (users.size() == 1 ? " still uses" : " still use") + " it");
            }
        }
        deferredSessions.clear();
    }

    /** Profiles that use the session now and did not when we added it (quoted, for the message). */
    @SuppressWarnings("unchecked")
    private List<String> profilesUsing(Map<String, Object> record, String session) {
        Object before = record.get("usedBefore");
        List<String> users = new java.util.ArrayList<>();
        for (String p : doc.profilesUsingSession(session)) {
            if (!(before instanceof List && ((List<Object>) before).contains(p))) {
                users.add("'" + p + "'");
            }
        }
        return users;
    }

    private void undoAddSection(ConfigSection s, String header, List<String> lines, boolean blankBefore) {
        int removedKeys = 0;
        for (String line : lines) {
            ConfigSection now = current(header);
            int at = indexOf(now, line);
            if (at < 0) {
                leftAlone.add(header + ": '" + keyOf(line) + "' was changed or removed since, left alone");
                continue;
            }
            doc.remove(at, at + 1);
            removedKeys++;
        }
        ConfigSection now = current(header);
        boolean onlyHeader = true;
        for (int i = now.header() + 1; i < now.end(); i++) {
            if (doc.line(i).kind() != LineKind.BLANK) {
                onlyHeader = false;
            }
        }
        if (!onlyHeader || !doc.line(now.header()).text().equals(header)) {
            if (removedKeys > 0) {
                restored.add(header + ": removed the keys bedrock-setup added; the section has other content now");
            }
            return;
        }
        int from = now.header();
        // the section's own trailing blank lines separate it from what was appended after it: keep those
        int to = now.header() + 1;
        if (blankBefore && from > 0 && doc.line(from - 1).kind() == LineKind.BLANK) {
            from--;
        }
        doc.remove(from, to);
        restored.add(header + ": removed (bedrock-setup added it)");
    }

    private void undoAddKey(ConfigSection s, String header, String line) {
        int at = indexOf(s, line);
        if (at < 0) {
            leftAlone.add(header + ": '" + keyOf(line) + "' was changed or removed since, left alone");
            return;
        }
        doc.remove(at, at + 1);
        restored.add(header + ": removed '" + keyOf(line) + "'");
    }

    private void undoReplace(ConfigSection s, String header, List<String> before, List<String> endings,
            List<String> after) {
        int at = indexOf(s, after.get(0));
        if (at < 0) {
            leftAlone.add(header + ": '" + keyOf(after.get(0)) + "' was changed since, left alone");
            return;
        }
        doc.replace(at, at + after.size(), before, endings);
        restored.add(header + ": '" + keyOf(before.get(0)) + "' restored");
    }

    private void undoRemove(ConfigSection s, String header, List<String> lines, List<String> endings,
            String previous, int offset) {
        String key = keyOf(lines.get(0));
        if (!s.find(doc, key).isEmpty()) {
            leftAlone.add(header + ": '" + key + "' was set again since, left alone");
            return;
        }
        int at = -1;
        int expected = s.header() + offset - 1;
        if (expected < s.end() && doc.line(expected).text().equals(previous)) {
            at = expected + 1;
        } else {
            for (int i = s.header(); i < s.end(); i++) {
                if (doc.line(i).text().equals(previous)) {
                    at = i + 1;
                    break;
                }
            }
        }
        if (at < 0) {
            at = s.insertionPoint(doc);
        }
        doc.insert(at, lines, endings);
        restored.add(header + ": '" + key + "' restored");
    }

    private ConfigSection current(String header) {
        SectionName id = SectionName.parse(header, doc.kind());
        return doc.sections(id.type(), id.name()).get(0);
    }

    /** The first line of the section (after its header) that is the journal's {@code text}; -1 when none. */
    private int indexOf(ConfigSection s, String text) {
        for (int i = s.header() + 1; i < s.end(); i++) {
            if (JournalledLine.matches(text, doc.line(i).text())) {
                return i;
            }
        }
        return -1;
    }

    /** The key of a line we wrote ("key = value"); values are never shown (they may be secrets). */
    private static String keyOf(String line) {
        int eq = line.indexOf('=');
        return eq < 0 ? line.strip() : line.substring(0, eq).strip();
    }
}
