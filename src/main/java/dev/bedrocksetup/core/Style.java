package dev.bedrocksetup.core;

import java.util.Locale;

/**
 * Colour and symbols for stderr: the one table of the symbols the tool prints (✔ ✘ ⚠ → · ❯ …) and their ASCII
 * fallbacks. Colour only on a terminal that shows it, and never with NO_COLOR, --no-color or
 * TERM=dumb. Symbols (✔ ✘ ⚠ →) only where the terminal decodes UTF-8; elsewhere ASCII words ("ok", "x", "!",
 * "->") so a legacy Windows console or a POSIX "C" locale shows no mojibake. In core, not cli: the doctor's report
 * renders with it too.
 */
public final class Style {
    private final boolean color;
    private final boolean unicode;

    protected Style(boolean color, boolean unicode) {
        this.color = color;
        this.unicode = unicode;
    }

    public static Style plain() {
        return new Style(false, true);
    }

    public static Style colored() {
        return new Style(true, true);
    }

    /** No colour and ASCII symbols: safe anywhere. */
    public static Style ascii() {
        return new Style(false, false);
    }

    /**
     * The style for this process's stderr.
     *
     * @param terminal whether the streams are an interactive terminal (no colour in pipes and files)
     * @param noColorFlag whether --no-color was given
     * @param consoleEncoding the console's encoding as the JVM reports it (stderr.encoding, or sun.stderr.encoding
     *     on Windows), or null when it reports none
     */
    public static Style detect(Environment env, boolean terminal, boolean noColorFlag, String consoleEncoding) {
        return new Style(colorWanted(env, terminal, noColorFlag), decodesUtf8(env, consoleEncoding));
    }

    static boolean colorWanted(Environment env, boolean terminal, boolean noColorFlag) {
        String noColor = env.get("NO_COLOR");
        // no-color.org: any non-empty value turns colour off
        if (!terminal || noColorFlag || (noColor != null && !noColor.isEmpty())) {
            return false;
        }
        String term = env.nonBlank("TERM");
        if ("dumb".equals(term)) {
            return false;
        }
        if (env.os() == Environment.Os.WINDOWS) {
            // the classic console prints escape codes literally unless the program enables VT mode, which the
            // JVM does not; these hosts interpret them
            return env.nonBlank("WT_SESSION") != null || "ON".equalsIgnoreCase(env.nonBlank("ConEmuANSI"))
                    || env.nonBlank("ANSICON") != null || "vscode".equals(env.nonBlank("TERM_PROGRAM"))
                    || term != null;
        }
        return true;
    }

    static boolean decodesUtf8(Environment env, String consoleEncoding) {
        if (consoleEncoding != null && !consoleEncoding.isBlank()) {
            return isUtf8(consoleEncoding);
        }
        if (env.os() == Environment.Os.WINDOWS) {
            // without a console encoding from the JVM: Windows Terminal and VS Code decode UTF-8, the classic
            // console uses an OEM code page such as 437 or 850
            return env.nonBlank("WT_SESSION") != null || "vscode".equals(env.nonBlank("TERM_PROGRAM"));
        }
        // POSIX: the first of LC_ALL, LC_CTYPE, LANG that is set decides the character set. The JVM's
        // file.encoding is no guide: from Java 18 it is UTF-8 whatever the terminal.
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String locale = env.nonBlank(name);
            if (locale != null) {
                return isUtf8(locale);
            }
        }
        // no locale at all: the "C" locale on Linux is ASCII; macOS terminals are UTF-8 by default
        return env.os() == Environment.Os.MACOS;
    }

    private static boolean isUtf8(String encodingOrLocale) {
        String s = encodingOrLocale.toLowerCase(Locale.ROOT);
        return s.contains("utf-8") || s.contains("utf8") || s.equals("cp65001");
    }

    public boolean isColor() {
        return color;
    }

    public boolean isUnicode() {
        return unicode;
    }

    private String wrap(String code, String s) {
        // the text is escaped before it is painted: a value's own escape sequences are shown, never acted on (the
        // terminal filter lets colour codes through when colour is on, and cannot tell a value's from ours)
        return color ? "\u001b[" + code + "m" + TerminalText.escape(s) + "\u001b[0m" : s;
    }

    public String ok(String s) {
        return wrap("32", s);
    }

    public String warn(String s) {
        return wrap("33", s);
    }

    public String fail(String s) {
        return wrap("31", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    /** Cyan: a diff's hunk headers. */
    public String cyan(String s) {
        return wrap("36", s);
    }

    /**
     * A unified diff painted line by line where colour is on (added green, removed red, hunk headers cyan, file
     * headers bold); every line escaped first, since a diff shows file content verbatim.
     */
    public String diff(String unifiedDiff) {
        if (!color || unifiedDiff == null) {
            return unifiedDiff;
        }
        StringBuilder sb = new StringBuilder(unifiedDiff.length() + 64);
        for (String line : unifiedDiff.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (line.isEmpty()) {
                continue;
            }
            sb.append(line.startsWith("+++ ") || line.startsWith("--- ") ? bold(line)
                    : line.startsWith("+") ? ok(line) : line.startsWith("-") ? fail(line)
                    : line.startsWith("@@") ? cyan(line) : TerminalText.escape(line));
        }
        return sb.toString();
    }

    /** "✔" or "ok", in the success colour. */
    public String check() {
        return ok(unicode ? "✔" : "ok");
    }

    /** "✘" or "x", in the failure colour. */
    public String cross() {
        return fail(unicode ? "✘" : "x");
    }

    /** "⚠" or "!", in the warning colour. */
    public String caution() {
        return warn(unicode ? "⚠" : "!");
    }

    /** "→" or "->", between a value before and after a change. */
    public String arrow() {
        return unicode ? "→" : "->";
    }

    /** "·" or "-", between the parts of a list item ("dev  · SSO · 111122223333"). */
    public String dot() {
        return unicode ? "·" : "-";
    }

    /** "❯" or ">", the cursor in a list. */
    public String pointer() {
        return unicode ? "❯" : ">";
    }

    /** "…" or "...", where text was cut. */
    public String ellipsis() {
        return unicode ? "…" : "...";
    }

    /** "↑" or "^", before the count of list items above the ones shown. */
    public String moreAbove() {
        return unicode ? "↑" : "^";
    }

    /** "↓" or "v", before the count of list items below the ones shown. */
    public String moreBelow() {
        return unicode ? "↓" : "v";
    }

    /** The {@code tick}-th frame of the spinner shown while waiting: a braille dot circling, or | / - \\. */
    public String spinner(long tick) {
        String frames = unicode ? "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏" : "|/-\\";
        return String.valueOf(frames.charAt((int) (tick % frames.length())));
    }

    /** The same symbols without colour: for text that is escaped before printing, where colour codes cannot pass. */
    public Style withoutColor() {
        return new Style(false, unicode);
    }
}
