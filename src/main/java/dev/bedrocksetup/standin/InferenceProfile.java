package dev.bedrocksetup.standin;

import java.util.List;

/**
 * An inference profile as ListInferenceProfiles shows it: system-defined ({@code eu.anthropic...}) or an
 * application profile of one account. {@code modelArns} are the foundation-model ARNs in every region it routes to.
 */
public record InferenceProfile(String id, String arn, String name, String description, String type,
                               String modelId, List<String> modelArns) {
    public InferenceProfile {
        modelArns = List.copyOf(modelArns);
    }

    public static final String SYSTEM_DEFINED = "SYSTEM_DEFINED";
    public static final String APPLICATION = "APPLICATION";
}
