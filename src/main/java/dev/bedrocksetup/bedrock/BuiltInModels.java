package dev.bedrocksetup.bedrock;

import java.util.ArrayList;
import java.util.List;

/**
 * The fallback when ListInferenceProfiles is denied: a few current Claude models, offered with the region's
 * geography prefix and global. Never the source of truth; whoever shows it says it is a fallback. Status is
 * "UNKNOWN" because nothing was asked.
 */
public final class BuiltInModels {
    private BuiltInModels() {}

    static final List<String> MODEL_IDS = List.of(
            "anthropic.claude-opus-5",
            "anthropic.claude-opus-4-6-v1",
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
            "anthropic.claude-haiku-4-5-20251001-v1:0");

    public static List<ClaudeProfile> forRegion(String region) {
        List<ClaudeProfile> out = new ArrayList<>();
        String geo = RegionNames.geographyPrefix(region);
        List<String> prefixes = geo.equals("global") ? List.of("global") : List.of(geo, "global");
        for (String modelId : MODEL_IDS) {
            for (String prefix : prefixes) {
                out.add(new ClaudeProfile(prefix + "." + modelId, null, null, ClaudeProfile.SYSTEM_DEFINED, "UNKNOWN",
                        prefix, ClaudeModelName.parse(modelId), List.of(modelId)));
            }
        }
        out.sort(ModelCatalogue.ORDER);
        return out;
    }
}
