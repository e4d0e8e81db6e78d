package dev.bedrocksetup.standin;

import dev.bedrocksetup.core.Secrets;

import java.time.Instant;

/**
 * AWS credentials the stand-in handed out, and the identity they stand for. A null session token means long-term
 * (AKIA) keys; a null expiration means they never expire.
 */
public record IssuedCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                                String accountId, String principalArn, String userId) {

    public boolean expiredAt(Instant now) {
        return expiration != null && !now.isBefore(expiration);
    }

    @Override
    public String toString() {
        return "IssuedCredentials[" + Secrets.mask(accessKeyId) + ", " + principalArn + ", expires " + expiration + "]";
    }
}
