package dev.bedrocksetup.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks secrets before anything is printed or logged. */
public final class Secrets {
    private Secrets() {}

    // AWS access key IDs (long- and short-term), and long opaque tokens that follow a secret-ish name.
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{4})[A-Z0-9]{8,}\\b");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)(\"?(?:secret_?access_?key|aws_secret_access_key|session_?token|aws_session_token|access_?token"
                    + "|refresh_?token|client_?secret|aws_bearer_token_bedrock|api_?key|bearer)\"?\\s*[:=]\\s*\"?)"
                    + "(?!\\S*…\\()([^\"\\s,}]{4,})"); // a value already masked ("ABSK…(40 chars)") stays
    // [scheme://]user:password@host (proxy URLs carry basic-auth credentials this way, and users forget the scheme);
    // the password runs to the last @ of the word, so one containing @ is masked whole; a placeholder in a fix
    // ("http://user:password@host:port") stays readable
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:\\b[a-z][a-z0-9+.-]*://)?[^/\\s:@=\"'(]*:)"
            + "(?!(?:password|\\*\\*\\*\\*)@)([^\\s/\"']+)@");
    // a URL with a query: scheme://... or host.domain[:port]/...; its query values are masked (?token=, ?sig=)
    private static final Pattern URL_WITH_QUERY = Pattern.compile("(?i)(?:\\b[a-z][a-z0-9+.-]*://|\\b[a-z0-9-]+"
            + "(?:\\.[a-z0-9-]+)+(?::\\d+)?/)[^\\s\"'<>?]*\\?[^\\s\"'<>#]+");
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&;][^=&;#]*=)([^&;#]+)");
    // credentials in an HTTP header line, in free text ("Authorization: Bearer ...")
    private static final Pattern HEADER_SECRET = Pattern.compile("(?i)(\\b(?:proxy-)?authorization|\\bx-api-key"
            + "|\\bapi-key|\\bcookie|\\bx-auth-token|\\bx-amz-security-token)(\\s*:\\s*)((?:bearer|basic|token|digest"
            + "|aws4-hmac-sha256)\\s+)?(?!\\S*…\\()([^\\s\"\\\\,]{4,})");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)(?:bearer|basic|token|digest|aws4-hmac-sha256)\\s+");
    // scheme://TOKEN@host: a user name alone, long enough to be a token
    private static final Pattern URL_TOKEN_USER = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)([^\\s/@:\"']{16,})@");
    /** Variables whose values are HTTP header lines ("Name: value"): every header value is masked. */
    public static final java.util.Set<String> HEADER_VARIABLES = java.util.Set.of("ANTHROPIC_CUSTOM_HEADERS");
    // such a variable as a JSON member, in a diff or a file quoted in a message: its escaped string value
    private static final Pattern HEADERS_IN_JSON = Pattern.compile("(\"(?:" + String.join("|", HEADER_VARIABLES)
            + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)\"");
    /** A user name alone in a URL this long is a token (https://TOKEN@host), not a name. */
    private static final int TOKEN_AS_USER = 16;
    private static final Pattern BEDROCK_API_KEY = Pattern.compile("\\b(ABSK|bedrock-api-key-)[A-Za-z0-9+/=%._-]{16,}");

    /** A secret shown as its first four characters and its length, enough to tell two apart. */
    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.isEmpty()) {
            return "(empty)";
        }
        if (secret.length() <= 8) {
            return "****";
        }
        return secret.substring(0, 4) + "…(" + secret.length() + " chars)";
    }

    /**
     * One whole value that may be a URL, masked by its structure: the password of its user information (which runs
     * to the last {@code @} before the host, spaces and {@code @} included), a user name long enough to be a token,
     * and every query value. With or without a scheme. The user name stays ({@code http://alice:****@proxy:8080}),
     * to tell two configurations apart. Anything else stays as it is.
     */
    public static String maskUrl(String value) {
        if (value == null) {
            return null;
        }
        int schemeEnd = value.indexOf("://");
        boolean scheme = schemeEnd > 0 && value.substring(0, schemeEnd).matches("[A-Za-z][A-Za-z0-9+.-]*");
        int start = scheme ? schemeEnd + 3 : 0;
        int end = firstOf(value, "/?#", start);
        String authority = value.substring(start, end);
        int at = authority.lastIndexOf('@');
        String masked = value;
        int firstColon = authority.indexOf(':');
        if (at > 0 && (scheme || !authority.substring(0, at).contains(" ") || firstColon >= 0 && firstColon < at)) {
            String info = authority.substring(0, at);
            int colon = info.indexOf(':');
            String shown = colon >= 0 ? info.substring(0, colon + 1) + (isPlaceholder(info.substring(colon + 1))
                    ? info.substring(colon + 1) : "****")
                    : info.length() >= TOKEN_AS_USER ? mask(info) : info;
            masked = value.substring(0, start) + shown + value.substring(start + at);
        }
        return maskQueries(masked);
    }

    /**
     * A list of HTTP headers ("Name: value" lines, as ANTHROPIC_CUSTOM_HEADERS holds them) with every value masked:
     * which header carries a credential is the sender's choice, so none is shown.
     */
    public static String maskHeaderValues(String headers) {
        if (headers == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : headers.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            int colon = line.indexOf(':');
            String value = colon < 0 ? line : line.substring(colon + 1).strip();
            String name = colon < 0 ? "" : line.substring(0, colon + 1) + " ";
            Matcher scheme = AUTH_SCHEME.matcher(value);
            String kept = scheme.lookingAt() ? scheme.group() : ""; // "Bearer " says what kind, not which
            String secret = value.substring(kept.length());
            boolean masked = secret.equals("****") || secret.matches(".{4}…\\(\\d+ chars\\)"); // masked already
            sb.append(name).append(kept).append(secret.isEmpty() || masked ? secret : mask(secret));
        }
        return sb.toString();
    }

    private static boolean isPlaceholder(String password) {
        return password.equals("password") || password.equals("****");
    }

    private static int firstOf(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String maskQueries(String text) {
        Matcher m = URL_WITH_QUERY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            // a sentence's punctuation right after the URL ("…?sig=X: cannot connect") stays the sentence's
            String url = m.group();
            int end = url.length();
            while (end > 0 && ":,.;)!".indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    QUERY_VALUE.matcher(url.substring(0, end)).replaceAll("$1****") + url.substring(end)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Masks every secret-looking value in a free text (log lines, error messages from AWS). */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = ACCESS_KEY_ID.matcher(text).replaceAll("$1************");
        Matcher m = NAMED_SECRET.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + mask(m.group(2))));
        }
        m.appendTail(sb);
        out = sb.toString();
        out = BEDROCK_API_KEY.matcher(out).replaceAll("$1****");
        out = URL_PASSWORD.matcher(out).replaceAll("$1****@");
        m = URL_TOKEN_USER.matcher(out);
        sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + mask(m.group(2)) + "@"));
        }
        m.appendTail(sb);
        out = sb.toString();
        m = HEADERS_IN_JSON.matcher(out);
        sb = new StringBuilder();
        while (m.find()) {
            String masked = maskHeaderValues(m.group(2).replace("\\n", "\n")).replace("\n", "\\n");
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + masked + "\""));
        }
        m.appendTail(sb);
        out = sb.toString();
        m = HEADER_SECRET.matcher(out);
        sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2)
                    + (m.group(3) == null ? "" : m.group(3)) + mask(m.group(4))));
        }
        m.appendTail(sb);
        return maskQueries(sb.toString());
    }
}
