package dev.bedrocksetup.standin;

import java.util.Optional;

/**
 * Turns the model identifier of a runtime call (inference-profile ID, profile or application-profile ARN, or a bare
 * foundation-model ID) into the foundation model it reaches, refusing what Bedrock refuses with Bedrock's words.
 */
final class ModelResolver {
    /** What an identifier resolved to: the foundation model and the ARN IAM evaluates. */
    record Resolved(String modelId, String resourceArn) {}

    private ModelResolver() {}

    static Resolved resolve(Scenario scenario, String identifier, Caller caller) {
        String region = caller.region();
        String account = caller.accountId();
        if (identifier.startsWith("arn:")) {
            return resolveArn(scenario, identifier, caller);
        }
        if (InferenceProfileCatalog.hasGeographyPrefix(identifier)) {
            InferenceProfile p = InferenceProfileCatalog.systemProfile(region, account, identifier)
                    .orElseThrow(ModelResolver::invalidIdentifier);
            return new Resolved(p.modelId(), p.arn());
        }
        if (InferenceProfileCatalog.model(identifier).isPresent()) {
            // Bedrock writes "isn\u2019t" with a typographic apostrophe; matchers must accept it (and "isn't").
            throw AwsError.validation("Invocation of model ID " + identifier + " with on-demand throughput isn\u2019t"
                    + " supported. Retry your request with the ID or ARN of an inference profile that contains this"
                    + " model.");
        }
        Optional<InferenceProfile> app = scenario.applicationProfiles(account, region).stream()
                .filter(p -> p.id().equals(identifier)).findFirst();
        return app.map(p -> new Resolved(p.modelId(), p.arn())).orElseThrow(ModelResolver::invalidIdentifier);
    }

    private static Resolved resolveArn(Scenario scenario, String arn, Caller caller) {
        // arn:aws:bedrock:REGION:ACCOUNT:inference-profile/ID (or application-inference-profile/, foundation-model/)
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("bedrock") || !parts[3].equals(caller.region())) {
            throw invalidIdentifier();
        }
        String resource = parts[5];
        int slash = resource.indexOf('/');
        if (slash < 0) {
            throw invalidIdentifier();
        }
        String kind = resource.substring(0, slash);
        String id = resource.substring(slash + 1);
        switch (kind) {
            case "inference-profile":
                if (!parts[4].equals(caller.accountId())) {
                    throw invalidIdentifier();
                }
                return resolve(scenario, id, caller);
            case "application-inference-profile":
                return scenario.applicationProfiles(caller.accountId(), caller.region()).stream()
                        .filter(p -> p.id().equals(id)).findFirst()
                        .map(p -> new Resolved(p.modelId(), p.arn())).orElseThrow(ModelResolver::invalidIdentifier);
            case "foundation-model":
                return resolve(scenario, id, caller);
            default:
                throw invalidIdentifier();
        }
    }

    private static AwsError invalidIdentifier() {
        return AwsError.validation("The provided model identifier is invalid.");
    }

    /** The ARN IAM would evaluate for an identifier, without judging it; used in AccessDenied messages. */
    static String arnOf(String identifier, Caller caller) {
        if (identifier.startsWith("arn:")) {
            return identifier;
        }
        if (InferenceProfileCatalog.hasGeographyPrefix(identifier)) {
            return "arn:aws:bedrock:" + caller.region() + ":" + caller.accountId() + ":inference-profile/" + identifier;
        }
        if (identifier.startsWith("anthropic.")) {
            return InferenceProfileCatalog.foundationModelArn(caller.region(), identifier);
        }
        return "arn:aws:bedrock:" + caller.region() + ":" + caller.accountId() + ":application-inference-profile/"
                + identifier;
    }
}
