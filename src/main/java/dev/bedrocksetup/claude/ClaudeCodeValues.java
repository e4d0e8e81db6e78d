package dev.bedrocksetup.claude;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Claude Code (2.1.330, 2.1.332) reads the text of a switch or a number from its environment, so the doctor
 * judges a value as Claude Code will (decision 0031).
 */
public final class ClaudeCodeValues {
    private ClaudeCodeValues() {}

    /** Spellings that switch a variable on, and off; case and surrounding blanks do not matter. */
    public static final List<String> ON = List.of("1", "true", "yes", "on");
    public static final List<String> OFF = List.of("0", "false", "no", "off");

    /** On, off, or null when Claude Code reads the text as neither (for an on/off switch: off). */
    public static Boolean onOff(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return ON.contains(t) ? Boolean.TRUE : OFF.contains(t) ? Boolean.FALSE : null;
    }

    public static boolean isOn(String text) {
        return Boolean.TRUE.equals(onOff(text));
    }

    private static final Pattern EXPONENT = Pattern.compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][+-]?\\d+$");
    private static final Pattern GROUPED = Pattern.compile("^[+-]?\\d{1,3}([_,\\u00A0\\u202F ])\\d{3}(?:\\1\\d{3})*$");
    private static final Pattern LEADING_INTEGER = Pattern.compile("^[+-]?\\d+");

    /**
     * The number Claude Code reads from a numeric variable, or null when it reads none (then it uses its default):
     * an exponent form ("1e4"), a grouped form ("60,000", "60_000"), else the digits the text starts with, as
     * JavaScript's parseInt does ("30s" is 30).
     */
    public static Long number(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.length() <= 32 && EXPONENT.matcher(t).matches()) {
            double d = Double.parseDouble(t);
            return d == Math.rint(d) && !Double.isInfinite(d) ? (long) d : null;
        }
        if (t.length() <= 32 && GROUPED.matcher(t).matches()) {
            return Long.parseLong(t.replaceAll("[_,\\u00A0\\u202F ]", ""));
        }
        java.util.regex.Matcher m = LEADING_INTEGER.matcher(t);
        if (!m.find()) {
            return null;
        }
        try {
            return Long.parseLong(m.group());
        } catch (NumberFormatException e) {
            return null; // more digits than a long holds: far beyond any limit Claude Code accepts
        }
    }

    /** True when Claude Code reads the whole text as the number (no trailing letters it silently drops). */
    public static boolean isExactNumber(String text) {
        if (text == null) {
            return false;
        }
        String t = text.trim();
        return t.matches("[+-]?\\d+") || t.length() <= 32 && (EXPONENT.matcher(t).matches()
                || GROUPED.matcher(t).matches());
    }
}
