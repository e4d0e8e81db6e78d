package dev.bedrocksetup.core;

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
