package dev.bedrocksetup.aws;

import java.time.Duration;

/**
 * Deadlines and retries shared by every SDK client. {@code callTimeout} bounds a whole call including retries and,
 * for streams, the whole stream: no call can hang. Retries are few and backed off, so a throttled or failing
 * endpoint is not hammered.
 */
public record ClientSettings(Duration connectTimeout, Duration attemptTimeout, Duration callTimeout, int maxAttempts) {
    public ClientSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static ClientSettings defaults() {
        return new ClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60), 3);
    }

    public ClientSettings withMaxAttempts(int attempts) {
        return new ClientSettings(connectTimeout, attemptTimeout, callTimeout, attempts);
    }

    public ClientSettings withCallTimeout(Duration timeout) {
        return new ClientSettings(connectTimeout, attemptTimeout, timeout, maxAttempts);
    }

    public ClientSettings withAttemptTimeout(Duration timeout) {
        return new ClientSettings(connectTimeout, timeout, callTimeout, maxAttempts);
    }
}
