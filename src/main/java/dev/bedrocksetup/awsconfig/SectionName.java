package dev.bedrocksetup.awsconfig;

import java.util.regex.Pattern;

/**
 * A section header as readers interpret it: its type and name, the raw text between the brackets, and whether the
 * header is written exactly in the form every reader accepts ({@code [profile NAME]}, {@code [default]},
 * {@code [sso-session NAME]}, {@code [services NAME]}; {@code [NAME]} in the credentials file).
 */
public record SectionName(SectionType type, String name, String inner, boolean canonical) {

    /** Parses a header line's text; null when it is not a well-formed header (no closing bracket, nothing inside). */
    static SectionName parse(String lineText, AwsFileKind file) {
        String stripped = lineText.strip();
        int close = stripped.lastIndexOf(']');
        if (!stripped.startsWith("[") || close < 2) {
            return null;
        }
        String inner = stripped.substring(1, close);
        String t = inner.strip();
        SectionType type;
        String name;
        if (file == AwsFileKind.CREDENTIALS) {
            type = SectionType.PROFILE;
            name = unquote(t);
        } else if (t.equals("default")) {
            type = SectionType.PROFILE;
            name = "default";
        } else if (hasPrefix(t, "profile")) {
            type = SectionType.PROFILE;
            name = unquote(t.substring("profile".length()).strip());
        } else if (hasPrefix(t, "sso-session")) {
            type = SectionType.SSO_SESSION;
            name = unquote(t.substring("sso-session".length()).strip());
        } else if (hasPrefix(t, "services")) {
            type = SectionType.SERVICES;
            name = unquote(t.substring("services".length()).strip());
        } else {
            type = SectionType.OTHER;
            name = t;
        }
        SectionName probe = new SectionName(type, name, inner, false);
        return new SectionName(type, name, inner, lineText.equals(probe.canonicalHeader(file)));
    }

    /** The header every reader accepts for this section. */
    public String canonicalHeader(AwsFileKind file) {
        return header(type, name, file);
    }

    /** The header we write for a section of {@code type} named {@code name}. */
    public static String header(SectionType type, String name, AwsFileKind file) {
        if (file == AwsFileKind.CREDENTIALS) {
            return "[" + name + "]";
        }
        switch (type) {
            case PROFILE:
                return name.equals("default") ? "[default]" : "[profile " + name + "]";
            case SSO_SESSION:
                return "[sso-session " + name + "]";
            case SERVICES:
                return "[services " + name + "]";
            default:
                return "[" + name + "]";
        }
    }

    private static final Pattern PORTABLE_NAME = Pattern.compile("[A-Za-z0-9_\\-/.%@:+]+");

    /**
     * Whether this header is in the one form that the AWS CLI, the Java SDK and the JavaScript SDK are all known to
     * read as the same section: no padding inside the brackets, exactly one space after the type, no quotes, and a
     * name the Java SDK accepts. (A comment or whitespace after the closing bracket is fine for all three.)
     */
    public boolean isPortable(AwsFileKind file) {
        if (type == SectionType.OTHER || !inner.equals(inner.strip()) || !PORTABLE_NAME.matcher(name).matches()) {
            return false;
        }
        if (file == AwsFileKind.CREDENTIALS || (type == SectionType.PROFILE && inner.equals("default"))) {
            return inner.equals(name);
        }
        String prefix = type == SectionType.PROFILE ? "profile" : type == SectionType.SSO_SESSION ? "sso-session"
                : "services";
        return inner.equals(prefix + " " + name);
    }

    /** Same section for the readers (type and name), whatever the spelling of the header. */
    public boolean sameAs(SectionType otherType, String otherName) {
        return type == otherType && name.equals(otherName);
    }

    private static boolean hasPrefix(String t, String prefix) {
        return t.startsWith(prefix) && t.length() > prefix.length()
                && Character.isWhitespace(t.charAt(prefix.length()));
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
