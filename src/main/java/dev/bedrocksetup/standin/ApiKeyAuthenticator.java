package dev.bedrocksetup.standin;

/** Accepts Bedrock API keys ({@code Authorization: Bearer ABSK...}) on bedrock-runtime, as Bedrock does. */
final class ApiKeyAuthenticator {
    private ApiKeyAuthenticator() {}

    static Caller authenticate(Scenario scenario, String token) {
        // Long-term keys start with ABSK, short-term ones with bedrock-api-key-; anything else is refused as such.
        if (!token.startsWith("ABSK") && !token.startsWith("bedrock-api-key-")) {
            throw new AwsError(403, "AccessDeniedException",
                    "Invalid API Key format: Must start with pre-defined prefix");
        }
        ApiKey key = scenario.apiKey(token).orElseThrow(() -> new AwsError(403, "UnrecognizedClientException",
                "The security token included in the request is invalid."));
        if (!scenario.now().isBefore(key.expiration())) {
            throw new AwsError(403, "ExpiredTokenException", "The security token included in the request is expired");
        }
        // A bearer request names no region; the key's own region is the only one it can be used in.
        return new Caller(key.accountId(), key.principalArn(), key.principalArn(), key.region(), null);
    }
}
