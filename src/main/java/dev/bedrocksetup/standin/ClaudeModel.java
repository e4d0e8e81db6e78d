package dev.bedrocksetup.standin;

import java.util.List;

/** A Claude foundation model and the geographies that have a cross-region inference profile for it. */
public record ClaudeModel(String modelId, String modelName, List<String> geographies) {
    public ClaudeModel {
        geographies = List.copyOf(geographies);
    }
}
