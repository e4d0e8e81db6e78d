package dev.bedrocksetup.sso;

import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OIDC client registrations kept beside the token cache (as the AWS CLI keeps its own), so a login reuses a
 * registration until 15 minutes before it expires instead of registering a new client every time. The file has no
 * accessToken, so `aws sso logout` leaves it, as it leaves the CLI's.
 */
final class ClientRegistrationCache {
    static final Duration MIN_LEFT = Duration.ofMinutes(15);
    /** The flows a registration is made for (part of its file's key). */
    static final String PKCE = "pkce";
    static final String DEVICE = "device";

    /** A registration: id, secret, expiry, and whether it came from this cache (else it is new, not yet kept). */
    static final class Registration {
        final String clientId;
        final String clientSecret;
        final Instant expiresAt;
        final boolean cached;

        Registration(String clientId, String clientSecret, Instant expiresAt, boolean cached) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.expiresAt = expiresAt;
            this.cached = cached;
        }
    }

    private final SsoTokenCache tokens;
    private final AtomicFileWriter writer = new AtomicFileWriter();

    ClientRegistrationCache(SsoTokenCache tokens) {
        this.tokens = tokens;
    }

    /** The key: what the registration was made for (a PKCE registration differs from a device-code one). */
    Path file(SsoSession session, String flow) {
        Map<String, Object> key = new TreeMap<>();
        key.put("region", session.region);
        key.put("scopes", session.scopes);
        key.put("session_name", session.name == null ? "" : session.name);
        key.put("startUrl", session.startUrl);
        key.put("tool", "bedrock-setup");
        key.put("flow", flow);
        return tokens.directory().resolve(TextFile.sha1Hex(JsonText.write(key)) + ".json");
    }

    Registration read(SsoSession session, String flow, Instant now) {
        try {
            String text = TextFile.readOrNull(file(session, flow));
            if (text == null) {
                return null;
            }
            Map<?, ?> m = (Map<?, ?>) JsonDocument.parseLenient(text).root().toValue();
            Instant exp = SsoTokenCache.date((String) m.get("expiresAt"));
            if (!(m.get("clientId") instanceof String) || !(m.get("clientSecret") instanceof String) || exp == null
                    || exp.isBefore(now.plus(MIN_LEFT))) {
                return null;
            }
            return new Registration((String) m.get("clientId"), (String) m.get("clientSecret"), exp, true);
        } catch (RuntimeException | dev.bedrocksetup.json.JsonSyntaxException e) {
            return null; // unreadable: register anew
        }
    }

    void write(SsoSession session, String flow, Registration r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("clientId", r.clientId);
        m.put("clientSecret", r.clientSecret);
        m.put("expiresAt", SsoTokenCache.format(r.expiresAt));
        m.put("scopes", List.copyOf(session.scopes));
        tokens.refuseSharedDirectory("the client registration");
        writer.write(file(session, flow), JsonText.write(m).getBytes(StandardCharsets.UTF_8), "rw-------", "rwx------");
    }
}
