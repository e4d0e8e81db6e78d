package dev.bedrocksetup.awsconfig;

import java.util.Locale;

/**
 * One physical line: its text without the terminator, and the terminator itself ("\n", "\r\n", or "" for a last line
 * without one). Keeping the terminator per line is what makes rendering byte-exact for mixed line endings.
 */
public record ConfigLine(String text, String ending) {

    public LineKind kind() {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return LineKind.BLANK;
        }
        if (stripped.startsWith("#") || stripped.startsWith(";")) {
            return LineKind.COMMENT;
        }
        if (isIndented()) {
            return LineKind.CONTINUATION;
        }
        if (text.startsWith("[")) {
            return LineKind.HEADER;
        }
        return LineKind.PROPERTY;
    }

    public boolean isIndented() {
        return text.startsWith(" ") || text.startsWith("\t");
    }

    /**
     * The key as the AWS CLI reads it: the text before the first '=' or ':', trimmed and lower-cased (its parser
     * lower-cases keys, so "Region" and "region" are the same key there). Null when the line has no separator.
     */
    public String key() {
        int sep = separatorIndex();
        return sep < 0 ? null : text.substring(0, sep).strip().toLowerCase(Locale.ROOT);
    }

    /** The text after the first separator, trimmed; null without a separator. */
    public String value() {
        int sep = separatorIndex();
        return sep < 0 ? null : text.substring(sep + 1).strip();
    }

    /** Whether the separator the CLI uses on this line is ':' (the Java and JS SDKs only know '='). */
    public boolean usesColon() {
        int sep = separatorIndex();
        return sep >= 0 && text.charAt(sep) == ':';
    }

    int separatorIndex() {
        int eq = text.indexOf('=');
        int colon = text.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** A comment-free description for messages: the key only, never the value (it may be a secret). */
    @Override
    public String toString() {
        LineKind k = kind();
        String key = k == LineKind.PROPERTY ? key() : null;
        return "ConfigLine[" + k + (key != null ? " " + key : "") + "]";
    }
}
