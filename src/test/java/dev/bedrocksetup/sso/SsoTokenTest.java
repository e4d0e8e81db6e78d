package dev.bedrocksetup.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one freshness rule for SSO tokens, at its boundary. */
class SsoTokenTest {
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    static SsoToken expiringAt(Instant expiresAt) {
        return new SsoToken("https://example.awsapps.com/start", "us-east-1", "token", expiresAt, "client", "secret",
                NOW.plus(Duration.ofDays(90)), "refresh");
    }

    @Test
    void theWindowIsTheAwsClisFifteenMinutes() {
        assertEquals(Duration.ofMinutes(15), SsoToken.REFRESH_WINDOW);
    }

    @Test
    void aTokenWithMoreThanTheWindowLeftIsFresh() {
        assertFalse(expiringAt(NOW.plus(Duration.ofMinutes(15)).plusSeconds(1)).needsRefresh(NOW));
        assertFalse(expiringAt(NOW.plus(Duration.ofHours(8))).needsRefresh(NOW));
    }

    @Test
    void aTokenWithTheWindowOrLessLeftNeedsRefresh() {
        assertTrue(expiringAt(NOW.plus(Duration.ofMinutes(15))).needsRefresh(NOW), "exactly the window left");
        assertTrue(expiringAt(NOW.plus(Duration.ofMinutes(5))).needsRefresh(NOW));
        assertTrue(expiringAt(NOW.minusSeconds(1)).needsRefresh(NOW), "expired");
        assertTrue(expiringAt(null).needsRefresh(NOW), "no expiry known");
    }
}
