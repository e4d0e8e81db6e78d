package dev.bedrocksetup.standin;

import dev.bedrocksetup.core.Secrets;

import java.time.Instant;

/** A Bedrock API key (sent as {@code Authorization: Bearer ABSK...}): valid for one account and one region. */
public record ApiKey(String key, String accountId, String region, Instant expiration, String principalArn) {
    @Override
    public String toString() {
        return "ApiKey[" + Secrets.mask(key) + ", " + accountId + ", " + region + ", expires " + expiration + "]";
    }
}
