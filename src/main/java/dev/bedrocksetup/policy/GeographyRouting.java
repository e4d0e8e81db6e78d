package dev.bedrocksetup.policy;

import java.util.List;
import java.util.Map;

/**
 * The destination regions of each geography's system-defined Claude inference profiles, as AWS documents them. Used
 * only when GetInferenceProfile is denied (and then the policy says so); the live answer always wins.
 */
final class GeographyRouting {
    private GeographyRouting() {}

    static final Map<String, List<String>> DESTINATIONS = Map.of(
            "us", List.of("us-east-1", "us-east-2", "us-west-2"),
            "us-gov", List.of("us-gov-east-1", "us-gov-west-1"),
            "eu", List.of("eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"),
            "apac", List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
                    "ap-southeast-1", "ap-southeast-2", "ap-southeast-4"),
            "jp", List.of("ap-northeast-1", "ap-northeast-3"),
            "au", List.of("ap-southeast-2", "ap-southeast-4"),
            "ca", List.of("ca-central-1", "ca-west-1"));

    /** Destinations for a prefix; a global profile may route to any commercial region: null means "all". */
    static List<String> destinations(String prefix) {
        return DESTINATIONS.get(prefix);
    }
}
