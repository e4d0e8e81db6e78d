package dev.bedrocksetup.bedrock;

import java.util.List;

/**
 * The inference-profile prefix Claude Code puts on its built-in Bedrock models, derived as Claude Code 2.1.330 and
 * 2.1.332 do (decision 0031): a region in GovCloud always gives {@code us-gov}; else a valid
 * ANTHROPIC_BEDROCK_REGION_PREFIX wins; else the region's own geography ({@code us-*} → us, {@code eu-*} → eu,
 * {@code ap-*} → apac, anything else, and no region, → global). Claude Code sends a pinned model ID as written: the
 * prefix applies only to the models it picks itself.
 */
public final class RegionPrefix {
    private RegionPrefix() {}

    /** The variable that picks a prefix other than the region's own. */
    public static final String OVERRIDE = "ANTHROPIC_BEDROCK_REGION_PREFIX";
    /** The values Claude Code accepts for {@link #OVERRIDE} (case matters; surrounding blanks are trimmed). */
    public static final List<String> OVERRIDE_VALUES = List.of("us", "eu", "apac", "jp", "au", "global");

    /** The prefix Claude Code derives from the region alone. */
    public static String derived(String region) {
        String r = region == null ? "" : region;
        if (r.startsWith("us-gov-")) {
            return "us-gov";
        }
        if (r.startsWith("us-")) {
            return "us";
        }
        if (r.startsWith("eu-")) {
            return "eu";
        }
        if (r.startsWith("ap-")) {
            return "apac";
        }
        return "global";
    }

    public static boolean isGovCloud(String region) {
        return region != null && region.startsWith("us-gov-");
    }

    /** Claude Code's reading of an ANTHROPIC_BEDROCK_REGION_PREFIX value: the trimmed value if valid, else null. */
    public static String override(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.trim();
        return OVERRIDE_VALUES.contains(v) ? v : null;
    }

    /** The prefix Claude Code uses: GovCloud first, then a valid override, then the region's own. */
    public static String effective(String region, String overrideRaw) {
        if (isGovCloud(region)) {
            return "us-gov";
        }
        String o = override(overrideRaw);
        return o != null ? o : derived(region);
    }
}
