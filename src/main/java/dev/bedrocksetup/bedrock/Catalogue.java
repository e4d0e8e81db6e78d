package dev.bedrocksetup.bedrock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Claude profiles of one region, in display order, and why the list is a fallback (null when it is the live
 * answer of ListInferenceProfiles).
 */
public record Catalogue(String region, List<ClaudeProfile> profiles, String fallbackReason) {
    public Catalogue {
        profiles = List.copyOf(profiles);
    }

    public boolean isFallback() {
        return fallbackReason != null;
    }

    /** The profiles grouped by model ("Opus 4.6" → its profiles), in display order. */
    public Map<String, List<ClaudeProfile>> byModel() {
        Map<String, List<ClaudeProfile>> out = new LinkedHashMap<>();
        for (ClaudeProfile p : profiles) {
            out.computeIfAbsent(p.model().label(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    public Recommendation recommend() {
        return Recommendation.from(this);
    }
}
