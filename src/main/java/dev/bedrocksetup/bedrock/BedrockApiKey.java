package dev.bedrocksetup.bedrock;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Bedrock API key ({@code AWS_BEARER_TOKEN_BEDROCK}) says about itself without asking AWS. Long-term keys
 * ({@code ABSK...}) belong to an IAM user and work in any region until revoked. Short-term keys
 * ({@code bedrock-api-key-} + base64 of a presigned URL) carry their region and lifetime (at most 12 hours) and work
 * only in that region. Never holds more of the key than it needs; {@link #toString} shows no secret.
 */
public record BedrockApiKey(Kind kind, String region, Instant expiresAt) {
    public enum Kind { LONG_TERM, SHORT_TERM, NOT_A_BEDROCK_KEY }

    private static final Pattern SCOPE = Pattern.compile("X-Amz-Credential=[^&]*?/\\d{8}/([a-z0-9-]+)/bedrock/");
    private static final Pattern DATE = Pattern.compile("X-Amz-Date=(\\d{8}T\\d{6}Z)");
    private static final Pattern EXPIRES = Pattern.compile("X-Amz-Expires=(\\d+)");

    public static BedrockApiKey parse(String key) {
        String k = key == null ? "" : key.trim();
        if (k.startsWith("ABSK")) {
            return new BedrockApiKey(Kind.LONG_TERM, null, null);
        }
        if (!k.startsWith("bedrock-api-key-")) {
            return new BedrockApiKey(Kind.NOT_A_BEDROCK_KEY, null, null);
        }
        String url;
        try {
            url = URLDecoder.decode(new String(Base64.getDecoder().decode(k.substring("bedrock-api-key-".length())),
                    StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new BedrockApiKey(Kind.SHORT_TERM, null, null);
        }
        Matcher scope = SCOPE.matcher(url);
        Matcher date = DATE.matcher(url);
        Matcher expires = EXPIRES.matcher(url);
        Instant expiry = null;
        if (date.find() && expires.find()) {
            expiry = LocalDateTime.parse(date.group(1), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                    .toInstant(ZoneOffset.UTC).plusSeconds(Long.parseLong(expires.group(1)));
        }
        return new BedrockApiKey(Kind.SHORT_TERM, scope.find() ? scope.group(1) : null, expiry);
    }

    /** One line on where and until when the key works. */
    public String limits(Instant now) {
        return switch (kind) {
            case LONG_TERM -> "a long-term key of an IAM user: works in every region until it is revoked or expires";
            case NOT_A_BEDROCK_KEY -> "not a Bedrock API key (they start with ABSK or bedrock-api-key-)";
            case SHORT_TERM -> "a short-term key: works only in " + (region == null ? "the region it was made in"
                    : region) + (expiresAt == null ? ", for at most 12 hours"
                    : expiresAt.isAfter(now) ? ", until " + expiresAt : ", and it expired at " + expiresAt);
        };
    }
}
