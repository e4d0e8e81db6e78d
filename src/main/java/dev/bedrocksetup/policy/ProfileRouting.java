package dev.bedrocksetup.policy;

import java.util.List;

/**
 * Where an inference profile sends requests: its own ARN and the foundation-model ARNs in every destination region.
 * {@code fromApi} is false when GetInferenceProfile was denied and the geography's documented routing was used.
 */
public final class ProfileRouting {
    public final String id;
    public final String profileArn;
    public final List<String> foundationModelArns;
    public final boolean fromApi;

    public ProfileRouting(String id, String profileArn, List<String> foundationModelArns, boolean fromApi) {
        this.id = id;
        this.profileArn = profileArn;
        this.foundationModelArns = List.copyOf(foundationModelArns);
        this.fromApi = fromApi;
    }
}
