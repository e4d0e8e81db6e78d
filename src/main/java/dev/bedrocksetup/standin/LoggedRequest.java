package dev.bedrocksetup.standin;

import dev.bedrocksetup.core.Secrets;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the stand-in saw it. {@code region} comes from the SigV4 scope (or the API key), {@code accessKeyId}
 * is null for unsigned and API-key calls (for refused SigV4 calls both are what the request claimed), {@code modelId} is the model identifier of runtime and profile calls as sent.
 * {@code status} is the HTTP status answered. {@code parameters} are the STS request's AssumeRole parameters
 * (RoleArn, RoleSessionName, DurationSeconds, ExternalId, SerialNumber; never an MFA code), or for a runtime call
 * the service tier it asked for ({@code serviceTier}, from the X-Amzn-Bedrock-Service-Tier header), empty otherwise.
 */
public record LoggedRequest(Instant at, Operation operation, String method, String path, String region,
                            String accessKeyId, boolean apiKey, String modelId, int status,
                            Map<String, String> parameters) {
    public LoggedRequest {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
    }

    @Override
    public String toString() {
        return operation.awsName() + " " + method + " " + path + " region=" + region + " key="
                + (accessKeyId == null ? (apiKey ? "api-key" : "-") : Secrets.mask(accessKeyId))
                + (modelId == null ? "" : " model=" + modelId) + (parameters.isEmpty() ? "" : " " + parameters)
                + " -> " + status;
    }
}
