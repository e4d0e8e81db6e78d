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
    // a placeholder in a fix ("http://user:password@host:port") stays readable
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:\\b[a-z][a-z0-9+.-]*://)?[^/\\s:@=\"'(]*:)"
            + "(?!(?:password|\\*\\*\\*\\*)@)([^@\\s/\"']+)@");
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
     * A URL with the password of its user information masked ({@code http://alice:****@proxy:8080}); the user name
     * stays, to tell two configurations apart. Proxy URLs carry basic-auth passwords this way.
     */
    public static String maskUrlPassword(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1****@");
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
        return out;
    }
}
