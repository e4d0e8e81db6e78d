package dev.bedrocksetup.bedrock;

import java.util.List;

/**
 * A Claude inference profile usable from a region: its ID (what ANTHROPIC_MODEL takes), ARN, type
 * ({@code SYSTEM_DEFINED} or {@code APPLICATION}), status, the geography prefix ({@code global}, {@code eu}, ...; null
 * for application profiles), the model it runs and the foundation-model IDs behind it.
 */
public record ClaudeProfile(String id, String arn, String name, String type, String status, String prefix,
                            ClaudeModelName model, List<String> modelIds) {
    public static final String SYSTEM_DEFINED = "SYSTEM_DEFINED";
    public static final String APPLICATION = "APPLICATION";

    public ClaudeProfile {
        modelIds = List.copyOf(modelIds);
    }

    public boolean isActive() {
        return status == null || status.equals("ACTIVE") || status.equals("UNKNOWN");
    }

    /** The foundation-model ID of an ARN: arn:aws:bedrock:REGION::foundation-model/ID. */
    static String modelIdOf(String modelArn) {
        int slash = modelArn.lastIndexOf("foundation-model/");
        return slash < 0 ? modelArn : modelArn.substring(slash + "foundation-model/".length());
    }
}
