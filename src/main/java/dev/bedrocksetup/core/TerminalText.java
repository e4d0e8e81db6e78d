package dev.bedrocksetup.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Text from outside — settings, presets, arguments, AWS answers, a helper's output — made safe to show on a
 * terminal. A terminal acts on control characters: ESC and the C1 controls start sequences that set the window
 * title, write the clipboard, move the cursor over earlier lines or make links; BEL rings; CR overwrites the line;
 * bidirectional overrides reorder what is shown. Each is shown as {@code \u001b} (the same spelling is a JSON escape,
 * so JSON output that passes through stays valid JSON meaning the same).
 */
public final class TerminalText {
    private TerminalText() {}

    /** How much of an outside value a message quotes: enough to recognise it, never a whole pasted file. */
    public static final int QUOTE_PREFIX = 80;

    /**
     * The longest run of non-blank characters a report shows whole (a long NO_PROXY list fits); a longer one is shown
     * by its start. Masking secrets in a run costs up to the square of its length, so this also bounds that.
     */
    public static final int LONGEST_SHOWN_RUN = 1024;

    /** Every control character escaped except line feeds and tabs (for whole outputs that have real line breaks). */
    public static String escape(String s) {
        return escape(s, false);
    }

    /** Every control character escaped, line feeds too: a value or message that must stay on its line. */
    public static String oneLine(String s) {
        return escape(s, true);
    }

    /**
     * An outside value quoted for a message: at most {@link #QUOTE_PREFIX} characters of it (then the length), control
     * characters escaped, so the message stays one short line whatever was given.
     */
    public static String quote(String s) {
        if (s == null) {
            return "(none)";
        }
        String shown = s.length() > QUOTE_PREFIX ? s.substring(0, QUOTE_PREFIX) + "…(" + s.length() + " chars)" : s;
        return "'" + oneLine(shown) + "'";
    }

    /**
     * Shortens every run of more than {@code max} non-blank characters to its first four and its length, as
     * {@link Secrets#mask} shows a secret: a pasted blob is no use in a message, and a message stays short (and
     * cheap to scan for secrets) whatever a file held.
     */
    public static String shortenRuns(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 4 * max));
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j - i > max) {
                sb.append(s, i, i + 4).append("…(").append(j - i).append(" chars)");
            } else {
                sb.append(s, i, j);
            }
            int k = j;
            while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            sb.append(s, j, k);
            i = k;
        }
        return sb.toString();
    }

    /**
     * How many terminal columns {@code s} takes: combining marks and format characters none, East Asian wide and
     * fullwidth characters and emoji two, the rest one. Redrawing a question needs the rows it really took, which
     * {@code length()} miscounts (a surrogate pair is two chars and one symbol; 漢 is one char and two columns).
     */
    public static int width(String s) {
        int columns = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            columns += width(cp);
            i += Character.charCount(cp);
        }
        return columns;
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
                || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
                || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)
                || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff)
                || (cp >= 0x20000 && cp <= 0x3fffd);
        return wide ? 2 : 1;
    }

    /** The rows {@code s} (one line, no control characters) fills on a terminal {@code columns} wide: at least one. */
    public static int rows(String s, int columns) {
        return Math.max(1, (width(s) + Math.max(1, columns) - 1) / Math.max(1, columns));
    }

    /**
     * {@code s} cut to at most {@code columns} columns, ending in {@code ellipsis} when cut: a list item that stays on
     * its row.
     */
    public static String cut(String s, int columns, String ellipsis) {
        if (width(s) <= columns) {
            return s;
        }
        int room = Math.max(0, columns - width(ellipsis));
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (used + width(cp) > room) {
                break;
            }
            kept.appendCodePoint(cp);
            used += width(cp);
            i += Character.charCount(cp);
        }
        return kept + ellipsis;
    }

    /**
     * Prose for a terminal {@code columns} wide: each line of {@code text} broken at spaces so no row is wider (but a
     * word longer than a row, such as a URL, is kept whole), the continuation indented like the line it continues. The one
     * wrapping helper for what the wizard and the commands print on a terminal; the terminal's own wrap breaks
     * mid-word and leaves the redraw of a question a row short.
     */
    public static List<String> wrap(String text, int columns) {
        List<String> rows = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            wrapLine(line, Math.max(10, columns), rows);
        }
        return rows;
    }

    private static void wrapLine(String line, int columns, List<String> rows) {
        if (width(line) <= columns) {
            rows.add(line);
            return;
        }
        int indentLength = 0;
        while (indentLength < line.length() && line.charAt(indentLength) == ' ') {
            indentLength++;
        }
        String indent = " ".repeat(Math.min(indentLength, columns / 2));
        StringBuilder row = new StringBuilder(line.substring(0, indentLength));
        boolean rowHasWord = false;
        for (String word : line.substring(indentLength).split(" ", -1)) {
            if (word.isEmpty()) {
                row.append(' '); // keeps runs of spaces (columns of a table) as they were
                continue;
            }
            int needed = width(row.toString()) + (rowHasWord ? 1 : 0) + width(word);
            if (rowHasWord && needed > columns) {
                rows.add(row.toString().stripTrailing());
                row = new StringBuilder(indent);
                rowHasWord = false;
            }
            if (rowHasWord) {
                row.append(' ');
            }
            // a word wider than the row (a URL, a long ID) stays whole on its row: the terminal shows it wrapped,
            // and copying it still gives one word
            row.append(word);
            rowHasWord = true;
        }
        rows.add(row.toString().stripTrailing());
    }

    /** Whether a terminal may act on this character (line feed and tab are controls too; callers decide on those). */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }

    /** The visible spelling of a control character. */
    public static String escaped(char c) {
        return String.format("\\u%04x", (int) c);
    }

    private static String escape(String s, boolean lineFeeds) {
        if (s == null) {
            return null;
        }
        int first = firstToEscape(s, lineFeeds);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(mustEscape(c, lineFeeds) ? escaped(c) : String.valueOf(c));
        }
        return sb.toString();
    }

    private static int firstToEscape(String s, boolean lineFeeds) {
        for (int i = 0; i < s.length(); i++) {
            if (mustEscape(s.charAt(i), lineFeeds)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean mustEscape(char c, boolean lineFeeds) {
        if (c == '\t' || (c == '\n' && !lineFeeds)) {
            return false;
        }
        return isControl(c);
    }
}
