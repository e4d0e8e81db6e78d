package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.BedrockSetupException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits a document the way `aws configure set` does (reference section 7) and records each edit as a plain map that
 * the journal keeps and {@link AwsConfigUndo} inverts: lines are written as {@code key = value}, a missing key goes
 * after the last key of its section, a missing section is appended at the end, an existing key is rewritten in place.
 * Records hold line texts, so an undo is exact when nobody changed those lines since.
 */
final class RecordingConfigEditor {
    private final AwsConfigDocument doc;
    private final String fileLabel;
    private final List<Map<String, Object>> records = new ArrayList<>();
    private boolean addedFinalNewline;

    RecordingConfigEditor(AwsConfigDocument doc, String fileLabel) {
        this.doc = doc;
        this.fileLabel = fileLabel;
    }

    List<Map<String, Object>> records() {
        return records;
    }

    boolean addedFinalNewline() {
        return addedFinalNewline;
    }

    /** The one section readers map to (type, name); null when there is none; refused when there are several. */
    ConfigSection section(SectionType type, String name) {
        List<ConfigSection> found = doc.sections(type, name);
        if (found.size() > 1) {
            StringBuilder lines = new StringBuilder();
            for (ConfigSection s : found) {
                lines.append(lines.length() == 0 ? "" : ", ").append(s.lineNumber());
            }
            throw BedrockSetupException.local(fileLabel + ": " + describe(type, name) + " is defined " + found.size()
                            + " times (lines " + lines + "); the AWS tools disagree about which one counts",
                    "merge them into one section in " + fileLabel + ", then run the command again");
        }
        if (found.isEmpty()) {
            return null;
        }
        ConfigSection s = found.get(0);
        if (!s.name().isPortable(doc.kind())) {
            throw BedrockSetupException.local(fileLabel + " line " + s.lineNumber() + ": the header of "
                            + describe(type, name) + " is not in the form every AWS tool reads the same way (the AWS "
                            + "CLI, the Java SDK and Claude Code's JavaScript SDK may disagree about it)",
                    "rewrite that header as " + SectionName.header(type, name, doc.kind())
                            + " (or rename the profile), then run the command again");
        }
        return s;
    }

    static String describe(SectionType type, String name) {
        return switch (type) {
            case PROFILE -> "profile '" + name + "'";
            case SSO_SESSION -> "sso-session '" + name + "'";
            case SERVICES -> "services '" + name + "'";
            default -> "section '" + name + "'";
        };
    }

    /** Appends a new section at the end of the file, separated by a blank line. */
    void appendSection(SectionType type, String name, List<String[]> keyValues) {
        String header = SectionName.header(type, name, doc.kind());
        int at = doc.lineCount();
        boolean blankBefore = at > 0 && doc.line(at - 1).kind() != LineKind.BLANK;
        List<String> lines = new ArrayList<>();
        if (blankBefore) {
            lines.add("");
        }
        lines.add(header);
        List<String> body = new ArrayList<>();
        for (String[] kv : keyValues) {
            body.add(line(kv[0], kv[1]));
        }
        lines.addAll(body);
        addedFinalNewline |= doc.insert(at, lines);
        Map<String, Object> r = record("add-section", header);
        r.put("blankBefore", blankBefore);
        r.put("lines", body.stream().map(JournalledLine::of).toList());
        if (type == SectionType.SSO_SESSION) {
            // profiles that named this session before we added it: undoing gives them back as they were
            r.put("usedBefore", doc.profilesUsingSession(name));
        }
        records.add(r);
    }

    /** Sets {@code key} in an existing section: rewrites the key's lines in place, or inserts after the last key. */
    void setKey(SectionType type, String name, String key, String value) {
        ConfigSection s = section(type, name);
        if (s == null) {
            throw new IllegalStateException("no section for " + describe(type, name));
        }
        String header = doc.line(s.header()).text();
        List<PropertySpan> spans = s.find(doc, key);
        String wanted = line(key, value);
        if (spans.isEmpty()) {
            int at = s.insertionPoint(doc);
            addedFinalNewline |= doc.insert(at, List.of(wanted));
            Map<String, Object> r = record("add-key", header);
            r.put("line", JournalledLine.of(wanted));
            records.add(r);
            return;
        }
        PropertySpan span = spans.get(spans.size() - 1);
        List<String> before = doc.texts(span.start(), span.end());
        if (before.size() == 1 && before.get(0).equals(wanted)) {
            return;
        }
        replaceSpan(span, header, wanted);
    }

    /** Replaces {@code oldKey}'s lines by {@code newKey = value} at the same place (used by the migration). */
    void replaceKey(SectionType type, String name, String oldKey, String newKey, String value) {
        ConfigSection s = section(type, name);
        PropertySpan span = s.find(doc, oldKey).get(0);
        replaceSpan(span, doc.line(s.header()).text(), line(newKey, value));
    }

    /** Rewrites a key's lines as one line, recording the lines and line endings it had for undo. */
    private void replaceSpan(PropertySpan span, String header, String wanted) {
        List<String> before = doc.texts(span.start(), span.end());
        List<String> endings = doc.endings(span.start(), span.end());
        doc.replace(span.start(), span.end(), List.of(wanted));
        Map<String, Object> r = record("replace", header);
        r.put("before", before);
        r.put("beforeEndings", endings);
        r.put("after", List.of(wanted));
        records.add(r);
    }

    /** Removes {@code key}'s lines, remembering the line before them so that undo puts them back there. */
    void removeKey(SectionType type, String name, String key) {
        ConfigSection s = section(type, name);
        PropertySpan span = s.find(doc, key).get(0);
        String header = doc.line(s.header()).text();
        List<String> removed = doc.texts(span.start(), span.end());
        Map<String, Object> r = record("remove", header);
        r.put("lines", removed);
        r.put("endings", doc.endings(span.start(), span.end()));
        r.put("offset", span.start() - s.header());
        r.put("previous", doc.line(span.start() - 1).text());
        // removing an unterminated last line leaves the file ending in a newline it did not have
        addedFinalNewline |= span.end() == doc.lineCount() && doc.line(span.end() - 1).ending().isEmpty();
        doc.remove(span.start(), span.end());
        records.add(r);
    }

    /** Rule 5: the file ends with a newline after we changed it. */
    void finish() {
        if (!records.isEmpty()) {
            addedFinalNewline |= doc.ensureFinalNewline();
        }
    }

    static String line(String key, String value) {
        return key + " = " + value;
    }

    private static Map<String, Object> record(String op, String header) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("op", op);
        r.put("header", header);
        return r;
    }
}
