package dev.bedrocksetup.bedrock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * The regions Bedrock runs in (the commercial partition, from the SDK's endpoint metadata, so new regions come with
 * SDK updates), the geography prefix Claude Code derives from each, and the recommended region. Which of them serve
 * Claude is a live question: {@code models --all-regions} and the wizard ask each one, and recommend from the answers
 * ({@link #recommended}), so both recommend the same region.
 */
public final class BedrockRegions {
    private BedrockRegions() {}

    /**
     * Claude Code's own fallback when no region is set: the recommendation when no catalogue could be read, and the
     * choice among regions that offer equally many profiles.
     */
    public static final String RECOMMENDED_DEFAULT = "us-east-1";

    /**
     * The region to recommend, from data: of the catalogues read live, the region with the most active Claude
     * profiles of its own geography (the us. profiles of a us- region, the eu. profiles of an eu- region; global.
     * ones are everywhere and decide nothing). A tie goes to Claude Code's own fallback region, then by name; no
     * live catalogue at all: that fallback.
     */
    public static String recommended(List<Catalogue> catalogues) {
        String best = null;
        long most = -1;
        for (Catalogue c : catalogues) {
            if (c == null || c.isFallback()) {
                continue;
            }
            String geo = geographyPrefix(c.region());
            long n = c.profiles().stream().filter(p -> p.isActive() && geo.equals(p.prefix())).count();
            boolean better = n > most || n == most && (c.region().equals(RECOMMENDED_DEFAULT)
                    || !best.equals(RECOMMENDED_DEFAULT) && c.region().compareTo(best) < 0);
            if (n > 0 && better) {
                best = c.region();
                most = n;
            }
        }
        return best != null ? best : RECOMMENDED_DEFAULT;
    }

    /**
     * The regions in the order a list offers them: the recommended one, then the regions whose live catalogue has
     * Claude profiles, then every other region with a Bedrock endpoint (each group by name).
     */
    public static List<String> ordered(Collection<Catalogue> live) {
        String recommended = recommended(new ArrayList<>(live));
        Set<String> withClaude = new TreeSet<>();
        for (Catalogue c : live) {
            if (c != null && !c.isFallback() && !c.profiles().isEmpty()) {
                withClaude.add(c.region());
            }
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(recommended);
        out.addAll(withClaude);
        out.addAll(all());
        return new ArrayList<>(out);
    }

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
