package dev.bedrocksetup.sso;

import dev.bedrocksetup.core.Secrets;
import java.time.Duration;
import java.time.Instant;

/** An IAM Identity Center token as the AWS CLI caches it. Secrets never appear in toString. */
public final class SsoToken {
    /**
     * A token with this much time left, or less, is renewed before use (and not reused at login). The widest refresh
     * window of the tools that share the cache: the AWS CLI renews inside 15 minutes, the JavaScript SDK (Claude Code)
     * and the Java SDK inside 5. A token we leave alone is then one none of them is about to renew either, and a token
     * we hand over after a login lasts Claude Code more than a few requests.
     */
    public static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);

    public final String startUrl;
    public final String region;
    public final String accessToken;
    public final Instant expiresAt;
    public final String clientId;
    public final String clientSecret;
    public final Instant registrationExpiresAt;
    public final String refreshToken;

    public SsoToken(String startUrl, String region, String accessToken, Instant expiresAt, String clientId,
            String clientSecret, Instant registrationExpiresAt, String refreshToken) {
        this.startUrl = startUrl;
        this.region = region;
        this.accessToken = accessToken;
        this.expiresAt = expiresAt;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.registrationExpiresAt = registrationExpiresAt;
        this.refreshToken = refreshToken;
    }

    public boolean isExpired(Instant now) {
        return expiresAt == null || !expiresAt.isAfter(now);
    }

    /** Whether it is inside {@link #REFRESH_WINDOW} (or has no expiry): the one freshness rule for SSO tokens. */
    public boolean needsRefresh(Instant now) {
        return expiresAt == null || !expiresAt.isAfter(now.plus(REFRESH_WINDOW));
    }

    /** Whether the SDKs (and we) can renew it without a browser. */
    public boolean canRefresh(Instant now) {
        return refreshToken != null && clientId != null && clientSecret != null
                && (registrationExpiresAt == null || registrationExpiresAt.isAfter(now));
    }

    @Override
    public String toString() {
        return "SsoToken{startUrl=" + startUrl + ", region=" + region + ", accessToken=" + Secrets.mask(accessToken)
                + ", expiresAt=" + expiresAt + ", refreshable=" + (refreshToken != null) + "}";
    }
}
