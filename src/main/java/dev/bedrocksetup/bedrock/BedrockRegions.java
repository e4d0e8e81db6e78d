package dev.bedrocksetup.bedrock;

import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * The regions Bedrock runs in (the commercial partition, from the SDK's endpoint metadata, so new regions come with
 * SDK updates), the geography prefix Claude Code derives from each, and the recommended default. Which of them serve
 * Claude is a live question: {@code models --all-regions} asks each one.
 */
public final class BedrockRegions {
    private BedrockRegions() {}

    /**
     * Claude Code's own fallback when no region is set, where new Claude models arrive first, and a source region
     * of both the us. and global. profiles.
     */
    public static final String RECOMMENDED_DEFAULT = "us-east-1";

    /** Every commercial region with a Bedrock endpoint, sorted by name. */
    public static List<String> all() {
        return BedrockClient.serviceMetadata().regions().stream()
                .filter(r -> r.metadata() != null && "aws".equals(r.metadata().partition().id()))
                .map(Region::id).sorted().toList();
    }

    /** The prefix Claude Code derives (us, eu, apac, us-gov, global); jp./au. only through its variable. */
    public static String geographyPrefix(String region) {
        return RegionNames.geographyPrefix(region);
    }
}
