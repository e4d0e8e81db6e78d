package dev.bedrocksetup.sso;

import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ~/.aws/sso/cache in the AWS CLI's format, so the AWS CLI, the Java SDK and the JavaScript SDK (Claude Code) all
 * read what we write: file sha1(session name).json (sha1(start URL) for legacy profiles), 0600 in a 0700 directory,
 * dates as yyyy-MM-ddTHH:mm:ssZ, and always clientId, clientSecret and refreshToken (the SDKs fail inside their
 * refresh window without them). Reading is tolerant of what other tools write (pretty JSON, fractional seconds).
 */
public final class SsoTokenCache {
    private static final DateTimeFormatter CLI_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final AtomicFileWriter writer;

    public SsoTokenCache(Path home, AtomicFileWriter writer) {
        this.dir = home.resolve(".aws").resolve("sso").resolve("cache");
        this.writer = writer;
    }

    public Path directory() {
        return dir;
    }

    /** The cache file for an sso-session name (or, for legacy profiles, the start URL). */
    public Path fileFor(String sessionNameOrStartUrl) {
        return dir.resolve(TextFile.sha1Hex(sessionNameOrStartUrl) + ".json");
    }

    /** The cached token, or null when absent or unreadable. */
    public SsoToken read(String key) {
        String text;
        try {
            text = TextFile.readOrNull(fileFor(key));
        } catch (RuntimeException e) {
            return null;
        }
        return text == null ? null : parse(text);
    }

    /** A cache file's text as a token, or null when it is not one (not JSON, not an object, a date unreadable). */
    public static SsoToken parse(String text) {
        try {
            Object v = JsonDocument.parseLenient(text).root().toValue();
            if (!(v instanceof Map)) {
                return null;
            }
            Map<?, ?> m = (Map<?, ?>) v;
            return new SsoToken(str(m, "startUrl"), str(m, "region"), str(m, "accessToken"),
                    date(str(m, "expiresAt")), str(m, "clientId"), str(m, "clientSecret"),
                    date(str(m, "registrationExpiresAt")), str(m, "refreshToken"));
        } catch (Exception e) {
            return null;
        }
    }

    public void write(String key, SsoToken token) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startUrl", token.startUrl);
        m.put("region", token.region);
        m.put("accessToken", token.accessToken);
        m.put("expiresAt", CLI_DATE.format(token.expiresAt));
        m.put("clientId", token.clientId);
        m.put("clientSecret", token.clientSecret);
        if (token.registrationExpiresAt != null) {
            m.put("registrationExpiresAt", CLI_DATE.format(token.registrationExpiresAt));
        }
        if (token.refreshToken != null) {
            m.put("refreshToken", token.refreshToken);
        }
        refuseSharedDirectory("the login token");
        writer.write(fileFor(key), JsonText.write(m).getBytes(StandardCharsets.UTF_8), "rw-------", "rwx------");
    }

    /** Refuses (exit 3) to write {@code what} when ~/.aws, ~/.aws/sso or the cache is writable by every user. */
    void refuseSharedDirectory(String what) {
        dev.bedrocksetup.core.WorldWritable.refuseSecretIn(dir, dir.getParent().getParent(), what);
    }

    /**
     * Deletes what a login of {@code session} left here: its token and its client registrations (with their
     * secrets). Returns the files deleted.
     */
    public java.util.List<Path> forget(SsoSession session) {
        java.util.List<Path> gone = new java.util.ArrayList<>();
        ClientRegistrationCache registrations = new ClientRegistrationCache(this);
        for (Path p : new Path[] {fileFor(session.cacheKey()), registrations.file(session, ClientRegistrationCache.PKCE),
            registrations.file(session, ClientRegistrationCache.DEVICE)}) {
            if (java.nio.file.Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                writer.delete(p);
                gone.add(p);
            }
        }
        return gone;
    }

    private static String str(Map<?, ?> m, String k) {
        Object o = m.get(k);
        return o instanceof String ? (String) o : null;
    }

    /** ISO dates as the CLI, botocore and other tools write them; "UTC" suffixes and fractions tolerated. */
    static Instant date(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.endsWith("UTC")) {
            t = t.substring(0, t.length() - 3).trim() + "Z";
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e2) {
                return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
        }
    }

    static String format(Instant i) {
        return CLI_DATE.format(i);
    }
}
