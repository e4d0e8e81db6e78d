package dev.bedrocksetup.standin;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks an AWS Signature Version 4 header signature the way AWS does: rebuilds the canonical request from what
 * arrived, derives the signing key from the secret the stand-in issued, and compares. Failures carry a {@link Failure}
 * kind; the server words them in the protocol of the service (JSON services and STS use different codes).
 */
final class SigV4Verifier {
    /** Why a signature was refused. */
    enum Failure { MISSING, UNKNOWN_KEY, BAD_SIGNATURE, EXPIRED_TOKEN, SIGNATURE_EXPIRED, INVALID_TOKEN, WRONG_SERVICE }

    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Failure failure;

        Rejected(Failure failure, String detail) {
            super(detail, null, false, false);
            this.failure = failure;
        }
    }

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final Function<String, Optional<IssuedCredentials>> credentials;

    SigV4Verifier(Function<String, Optional<IssuedCredentials>> credentials) {
        this.credentials = credentials;
    }

    /** Verifies the request for {@code signingName}; returns the caller or throws {@link Rejected}. */
    Caller verify(StandInRequest req, String signingName, Instant now) {
        String auth = req.header("authorization");
        if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
            throw new Rejected(Failure.MISSING, "no SigV4 Authorization header");
        }
        Map<String, String> parts = parseAuthorization(auth.substring("AWS4-HMAC-SHA256 ".length()));
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw new Rejected(Failure.MISSING, "incomplete Authorization header");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw new Rejected(Failure.BAD_SIGNATURE, "malformed credential scope");
        }
        String accessKeyId = scope[0];
        String date = scope[1];
        String region = scope[2];
        String service = scope[3];
        IssuedCredentials issued = credentials.apply(accessKeyId)
                .orElseThrow(() -> new Rejected(Failure.UNKNOWN_KEY, "unknown access key"));
        if (!service.equals(signingName)) {
            throw new Rejected(Failure.WRONG_SERVICE, "Credential should be scoped to correct service: '"
                    + signingName + "'. ");
        }
        String token = req.header("x-amz-security-token");
        if (issued.sessionToken() != null && !issued.sessionToken().equals(token)) {
            throw new Rejected(Failure.INVALID_TOKEN, "session token does not belong to the key");
        }
        String amzDate = req.header("x-amz-date");
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new Rejected(Failure.BAD_SIGNATURE, "missing or malformed X-Amz-Date");
        }
        if (!amzDate.startsWith(date)) {
            throw new Rejected(Failure.BAD_SIGNATURE, "scope date does not match X-Amz-Date");
        }
        String canonical = canonicalRequest(req, signedHeaders);
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + date + "/" + region + "/" + service
                + "/aws4_request\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + issued.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new Rejected(Failure.BAD_SIGNATURE, "signature mismatch");
        }
        // AWS checks the clock after the signature: a correctly signed but stale request is "Signature expired".
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new Rejected(Failure.SIGNATURE_EXPIRED, "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (issued.expiredAt(now)) {
            throw new Rejected(Failure.EXPIRED_TOKEN, "credentials expired at " + issued.expiration());
        }
        return new Caller(issued.accountId(), issued.principalArn(), issued.userId(), region, accessKeyId);
    }

    /** The access key id and region a SigV4 header claims, unverified; nulls when there is none. */
    static String[] claimedScope(StandInRequest req) {
        String auth = req.header("authorization");
        if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
            return new String[] {null, null};
        }
        String credential = parseAuthorization(auth.substring("AWS4-HMAC-SHA256 ".length())).get("Credential");
        String[] scope = credential == null ? new String[0] : credential.split("/");
        return scope.length == 5 ? new String[] {scope[0], scope[2]} : new String[] {null, null};
    }

    private static Map<String, String> parseAuthorization(String rest) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String part : rest.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0) {
                out.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        return out;
    }

    static String canonicalRequest(StandInRequest req, String signedHeaders) {
        StringBuilder sb = new StringBuilder();
        sb.append(req.method()).append('\n');
        // The SDKs sign the path as sent, encoded once more (every service but S3); '/' stays.
        sb.append(uriEncode(req.rawPath(), false)).append('\n');
        sb.append(canonicalQuery(req.queryParameters())).append('\n');
        for (String name : signedHeaders.split(";")) {
            List<String> values = req.headers().get(name);
            String value = values == null ? "" : String.join(",", values.stream().map(SigV4Verifier::trimAll).toList());
            sb.append(name).append(':').append(value).append('\n');
        }
        sb.append('\n').append(signedHeaders).append('\n');
        String declared = req.header("x-amz-content-sha256");
        sb.append(declared != null ? declared : hex(sha256(req.body())));
        return sb.toString();
    }

    private static String trimAll(String v) {
        return v.trim().replaceAll(" +", " ");
    }

    private static String canonicalQuery(Map<String, List<String>> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, values) -> {
            for (String v : values) {
                pairs.add(uriEncode(name, true) + "=" + uriEncode(v, true));
            }
        });
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else %XX in upper case. */
    static String uriEncode(String s, boolean encodeSlash) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
