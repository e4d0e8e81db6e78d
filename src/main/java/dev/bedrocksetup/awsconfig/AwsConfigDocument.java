package dev.bedrocksetup.awsconfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * ~/.aws/config or ~/.aws/credentials as a list of physical lines, each with its own terminator, so that rendering an
 * unedited document gives back the input byte for byte (comments, blank lines, indentation, mixed CRLF/LF, a missing
 * final newline, a byte-order mark). Structure (sections, properties) is derived from the lines on demand; meaning
 * (what a profile resolves to) is left to the SDK's own parser, see {@link SdkProfileView}.
 */
public final class AwsConfigDocument {
    private static final String BOM = "\uFEFF";

    private final AwsFileKind kind;
    private final boolean bom;
    private final List<ConfigLine> lines;

    private AwsConfigDocument(AwsFileKind kind, boolean bom, List<ConfigLine> lines) {
        this.kind = kind;
        this.bom = bom;
        this.lines = lines;
    }

    /** Reads {@code text} (null or empty: an empty document). */
    public static AwsConfigDocument parse(String text, AwsFileKind kind) {
        String t = text == null ? "" : text;
        boolean bom = t.startsWith(BOM);
        if (bom) {
            t = t.substring(1);
        }
        List<ConfigLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                boolean crlf = i > start && t.charAt(i - 1) == '\r';
                lines.add(new ConfigLine(t.substring(start, crlf ? i - 1 : i), crlf ? "\r\n" : "\n"));
                start = i + 1;
            }
        }
        if (start < t.length()) {
            lines.add(new ConfigLine(t.substring(start), ""));
        }
        return new AwsConfigDocument(kind, bom, lines);
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        if (bom) {
            sb.append(BOM);
        }
        for (ConfigLine l : lines) {
            sb.append(l.text()).append(l.ending());
        }
        return sb.toString();
    }

    public AwsFileKind kind() {
        return kind;
    }

    public boolean hasBom() {
        return bom;
    }

    public int lineCount() {
        return lines.size();
    }

    public ConfigLine line(int index) {
        return lines.get(index);
    }

    public List<ConfigLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** The file's own line ending: CRLF when most of its lines end so, else LF (also for an empty file). */
    public String lineEnding() {
        int crlf = 0;
        int lf = 0;
        for (ConfigLine l : lines) {
            if (l.ending().equals("\r\n")) {
                crlf++;
            } else if (l.ending().equals("\n")) {
                lf++;
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /** The sections in file order; lines before the first header belong to none. */
    public List<ConfigSection> sections() {
        List<ConfigSection> out = new ArrayList<>();
        int start = -1;
        SectionName name = null;
        for (int i = 0; i < lines.size(); i++) {
            ConfigLine l = lines.get(i);
            if (l.kind() == LineKind.HEADER) {
                if (start >= 0) {
                    out.add(new ConfigSection(name, start, i));
                }
                start = i;
                name = SectionName.parse(l.text(), kind);
                if (name == null) {
                    name = new SectionName(SectionType.OTHER, l.text(), l.text(), false);
                }
            }
        }
        if (start >= 0) {
            out.add(new ConfigSection(name, start, lines.size()));
        }
        return out;
    }

    /** The names of the profiles whose {@code sso_session} is {@code session}, in file order. */
    List<String> profilesUsingSession(String session) {
        List<String> users = new ArrayList<>();
        for (ConfigSection s : sections()) {
            if (s.name().type() != SectionType.PROFILE) {
                continue;
            }
            for (PropertySpan p : s.find(this, "sso_session")) {
                String value = line(p.start()).value();
                if (value != null && value.strip().equals(session)) {
                    users.add(s.name().name());
                }
            }
        }
        return users;
    }

    /** Every section that readers map to ({@code type}, {@code name}), in file order. */
    public List<ConfigSection> sections(SectionType type, String name) {
        List<ConfigSection> out = new ArrayList<>();
        for (ConfigSection s : sections()) {
            if (s.name().sameAs(type, name)) {
                out.add(s);
            }
        }
        return out;
    }

    // ---- edits: used by the planners in this package, which record how to undo each one ----

    /**
     * Inserts lines at {@code index}. Each line ends with {@code endings}' entry when given (an undo puts back the
     * exact terminators), else with the file's line ending; only the very last line of the file may stay without one.
     * A line without terminator before them (the old last line) gets one; returns true when that happened.
     */
    boolean insert(int index, List<String> texts, List<String> endings) {
        String nl = lineEnding();
        boolean added = false;
        if (index > 0 && lines.get(index - 1).ending().isEmpty()) {
            ConfigLine prev = lines.get(index - 1);
            lines.set(index - 1, new ConfigLine(prev.text(), nl));
            added = true;
        }
        boolean atEnd = index == lines.size();
        List<ConfigLine> add = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String e = endings == null ? nl : endings.get(i);
            boolean lastOfFile = atEnd && i == texts.size() - 1;
            add.add(new ConfigLine(texts.get(i), e.isEmpty() && !lastOfFile ? nl : e));
        }
        lines.addAll(index, add);
        return added;
    }

    boolean insert(int index, List<String> texts) {
        return insert(index, texts, null);
    }

    /**
     * Replaces lines {@code [from, to)} by {@code texts}. Without {@code endings}, the new lines end like the last
     * replaced line (so a line keeps its CRLF or LF, and a missing final newline stays missing).
     */
    void replace(int from, int to, List<String> texts, List<String> endings) {
        String nl = lineEnding();
        String lastEnding = to > from ? lines.get(to - 1).ending() : nl;
        boolean atEnd = to == lines.size();
        remove(from, to);
        List<ConfigLine> add = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            boolean last = i == texts.size() - 1;
            String e = endings != null ? endings.get(i) : last ? lastEnding : lastEnding.isEmpty() ? nl : lastEnding;
            add.add(new ConfigLine(texts.get(i), e.isEmpty() && !(atEnd && last) ? nl : e));
        }
        lines.addAll(from, add);
    }

    void replace(int from, int to, List<String> texts) {
        replace(from, to, texts, null);
    }

    /** The terminators of lines {@code [from, to)} (what the journal records so that undo is exact). */
    List<String> endings(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(lines.get(i).ending());
        }
        return out;
    }

    void remove(int from, int to) {
        lines.subList(from, to).clear();
        // the new last line keeps its terminator; a removed unterminated last line leaves the file ending in one
    }

    /** Removes the terminator of the last line (used by undo to give back a file that had no final newline). */
    boolean dropFinalNewline() {
        if (lines.isEmpty() || lines.get(lines.size() - 1).ending().isEmpty()) {
            return false;
        }
        ConfigLine last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, new ConfigLine(last.text(), ""));
        return true;
    }

    /** Gives the last line a terminator; returns true when it had none. */
    boolean ensureFinalNewline() {
        if (lines.isEmpty() || !lines.get(lines.size() - 1).ending().isEmpty()) {
            return false;
        }
        ConfigLine last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, new ConfigLine(last.text(), lineEnding()));
        return true;
    }

    /** The text of lines {@code [from, to)} without terminators (what the journal records). */
    List<String> texts(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(lines.get(i).text());
        }
        return out;
    }

    @Override
    public String toString() {
        return "AwsConfigDocument[" + kind.label() + ", " + lines.size() + " lines]";
    }
}
