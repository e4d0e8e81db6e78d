package dev.bedrocksetup.awsconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds what the tools read but read differently, or silently drop: headers the JavaScript SDK (Claude Code) ignores,
 * profile names the Java SDK ignores, inline comments, ':' separators and upper-case keys.
 */
final class ReaderDisagreementCheck {
    // parseIni in the JS SDK: "type name", one whitespace, optional quotes, no spaces in the name
    private static final String JS_NAME = "[\\w\\-@+.%:/]+";
    private static final Pattern JS_PREFIXED = Pattern.compile(
            "^[\\w-]+\\s(?:" + JS_NAME + "|'" + JS_NAME + "'|\"" + JS_NAME + "\")$");
    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s[#;]");
    // parseIni cuts a comment at '#' or ';' at the start or after whitespace, then trims, before looking for "[...]"
    private static final Pattern JS_COMMENT = Pattern.compile("(^|\\s)[;#]");

    private ReaderDisagreementCheck() {}

    static List<ConfigProblem> check(AwsConfigDocument doc, SdkProfileView sdk) {
        List<ConfigProblem> out = new ArrayList<>();
        Map<String, Map<String, String>> javaProfiles = sdk.profiles();
        for (ConfigSection s : doc.sections()) {
            SectionName n = s.name();
            int line = s.lineNumber();
            if (n.type() == SectionType.OTHER) {
                continue;
            }
            String inner = n.inner();
            String fix = n.name().matches("[A-Za-z0-9_.-]+") ? "write it as " + n.canonicalHeader(doc.kind())
                    : "rename it using only letters, digits, '_', '.' and '-'";
            boolean prefixed = doc.kind() == AwsFileKind.CONFIG && !inner.strip().equals("default");
            boolean jsDrops = prefixed && !JS_PREFIXED.matcher(inner).matches();
            boolean javaDrops = n.type() == SectionType.PROFILE && sdk.readable() && !javaProfiles.containsKey(n.name());
            if (jsDrops) {
                out.add(warning(line, "the JavaScript SDK (used by Claude Code) ignores this header; " + fix));
            }
            if (javaDrops) {
                out.add(warning(line, "the AWS SDK for Java ignores profile '" + n.name() + "' (its name has "
                        + "characters outside A-Z a-z 0-9 _ - / . % @ : +, or [profile default] overrides it)"));
            }
            if (!jsDrops && !javaDrops && !n.isPortable(doc.kind())) {
                out.add(warning(line, "this header is not in the form every AWS tool reads the same way; "
                        + fix));
            }
        }
        for (int i = 0; i < doc.lineCount(); i++) {
            ConfigLine l = doc.line(i);
            String jsView = JS_COMMENT.split(l.text(), 2)[0].strip();
            if (l.isIndented() && jsView.startsWith("[") && jsView.endsWith("]")) {
                out.add(new ConfigProblem(i + 1, ConfigProblem.Severity.AMBIGUOUS, "an indented [section] header: "
                        + "Claude Code's JavaScript SDK starts a new section here, the AWS CLI and the Java SDK read it "
                        + "as part of the value above; remove the indentation or the line"));
            }
            if (l.kind() == LineKind.CONTINUATION && continuesAValue(doc, i) && jsView.indexOf('=') > 0) {
                out.add(new ConfigProblem(i + 1, ConfigProblem.Severity.AMBIGUOUS, "an indented 'key = value' under "
                        + "a key that has a value: Claude Code's JavaScript SDK reads a separate key here, the AWS CLI "
                        + "and the Java SDK read it as part of the value above; remove the indentation or the line"));
            }
            if (l.kind() != LineKind.PROPERTY || l.key() == null) {
                continue;
            }
            if (l.usesColon()) {
                out.add(warning(i + 1, "'" + l.key() + "' uses ':' as separator; only the AWS CLI reads that, "
                        + "write '='"));
            }
            if (INLINE_COMMENT.matcher(l.value()).find()) {
                out.add(warning(i + 1, "an inline comment after the value of '" + l.key() + "': the AWS CLI reads "
                        + "it as part of the value, the SDKs do not"));
            }
            String rawKey = l.text().substring(0, l.separatorIndex()).strip();
            if (!rawKey.equals(l.key())) {
                out.add(warning(i + 1, "key '" + rawKey + "' is not lower-case: the AWS CLI lower-cases it, the "
                        + "SDKs do not"));
            }
        }
        return out;
    }

    /**
     * Whether the continuation line {@code i} belongs to a key with a value on its own line (rather than to a
     * sub-property block opened by {@code key =}), looking back over comments, blanks and other continuations.
     */
    private static boolean continuesAValue(AwsConfigDocument doc, int i) {
        for (int j = i - 1; j >= 0; j--) {
            ConfigLine prev = doc.line(j);
            LineKind k = prev.kind();
            if (k == LineKind.PROPERTY) {
                return prev.value() != null && !prev.value().isEmpty();
            }
            if (k == LineKind.HEADER) {
                return false;
            }
        }
        return false;
    }

    private static ConfigProblem warning(int line, String message) {
        return new ConfigProblem(line, ConfigProblem.Severity.WARNING, message);
    }
}
