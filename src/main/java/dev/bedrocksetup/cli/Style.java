package dev.bedrocksetup.cli;

/** Colour and symbols for stderr, or plain text when colour is off (NO_COLOR, --no-color, not a terminal). */
public final class Style {
    private final boolean color;

    private Style(boolean color) {
        this.color = color;
    }

    public static Style plain() {
        return new Style(false);
    }

    public static Style colored() {
        return new Style(true);
    }

    public boolean isColor() {
        return color;
    }

    private String wrap(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
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
}
