package dev.bedrocksetup.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Claude catalogue as Bedrock shows it per region: which geography prefixes ({@code us.}, {@code eu.},
 * {@code apac.}, {@code jp.}, {@code au.}, {@code global.}) a source region can use, which models each geography
 * carries, and the destination regions each profile routes to. Figures follow the public Bedrock documentation
 * closely enough for the checks bedrock-setup makes (prefix fits region, profile lists its model ARNs).
 */
public final class InferenceProfileCatalog {
    /** Source regions of each geography; a geography's profiles route to exactly these regions. */
    private static final Map<String, List<String>> GEOGRAPHIES = new LinkedHashMap<>();
    private static final List<String> GLOBAL_ONLY_REGIONS = List.of("ca-central-1", "sa-east-1", "me-central-1");
    private static final Map<String, String> LABELS = Map.of(
            "us", "US", "eu", "EU", "apac", "APAC", "jp", "JP", "au", "AU", "global", "Global");

    static {
        GEOGRAPHIES.put("us", List.of("us-east-1", "us-east-2", "us-west-2"));
        GEOGRAPHIES.put("eu", List.of("eu-central-1", "eu-west-1", "eu-west-3", "eu-north-1", "eu-south-1",
                "eu-south-2"));
        GEOGRAPHIES.put("apac", List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
                "ap-southeast-1", "ap-southeast-2"));
        GEOGRAPHIES.put("jp", List.of("ap-northeast-1", "ap-northeast-3"));
        GEOGRAPHIES.put("au", List.of("ap-southeast-2", "ap-southeast-4"));
    }

    private static final List<ClaudeModel> MODELS = List.of(
            new ClaudeModel("anthropic.claude-opus-5", "Claude Opus 5", List.of("global", "us", "eu", "jp", "au")),
            new ClaudeModel("anthropic.claude-opus-4-6-v1", "Claude Opus 4.6", List.of("global", "us", "eu", "apac")),
            new ClaudeModel("anthropic.claude-sonnet-4-5-20250929-v1:0", "Claude Sonnet 4.5",
                    List.of("global", "us", "eu", "apac", "jp", "au")),
            new ClaudeModel("anthropic.claude-haiku-4-5-20251001-v1:0", "Claude Haiku 4.5",
                    List.of("global", "us", "eu", "apac", "jp", "au")),
            new ClaudeModel("anthropic.claude-sonnet-4-20250514-v1:0", "Claude Sonnet 4",
                    List.of("global", "us", "eu", "apac")),
            // the fourth tier, in one geography only, so the wizard's Fable question is asked where it exists and
            // not elsewhere (issue 17); au. profiles do not count towards any region's recommendation
            new ClaudeModel("anthropic.claude-fable-5", "Claude Fable 5", List.of("au")));

    private InferenceProfileCatalog() {}

    public static List<ClaudeModel> models() {
        return MODELS;
    }

    public static Optional<ClaudeModel> model(String modelId) {
        return MODELS.stream().filter(m -> m.modelId().equals(modelId)).findFirst();
    }

    /** Every region the catalogue knows: the sources of all geographies and the global-only ones. */
    public static Set<String> regions() {
        Set<String> all = new LinkedHashSet<>();
        GEOGRAPHIES.values().forEach(all::addAll);
        all.addAll(GLOBAL_ONLY_REGIONS);
        return all;
    }

    /** The geography prefixes usable from a region, {@code global} last. */
    public static List<String> geographiesOf(String region) {
        List<String> out = new ArrayList<>();
        GEOGRAPHIES.forEach((geo, regions) -> {
            if (regions.contains(region)) {
                out.add(geo);
            }
        });
        if (regions().contains(region)) {
            out.add("global");
        }
        return out;
    }

    static List<String> destinationsOf(String geography) {
        return geography.equals("global") ? List.copyOf(regions()) : GEOGRAPHIES.get(geography);
    }

    /** The system-defined profiles a caller in {@code region} sees, sorted by id. */
    public static List<InferenceProfile> systemProfiles(String region, String accountId) {
        return systemProfiles(region, accountId, MODELS);
    }

    /** The system-defined profiles of these models that a caller in {@code region} sees. */
    static List<InferenceProfile> systemProfiles(String region, String accountId, List<ClaudeModel> models) {
        List<InferenceProfile> out = new ArrayList<>();
        for (String geo : geographiesOf(region)) {
            for (ClaudeModel m : models) {
                if (m.geographies().contains(geo)) {
                    out.add(profile(geo, m, region, accountId));
                }
            }
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    private static InferenceProfile profile(String geo, ClaudeModel m, String region, String accountId) {
        String id = geo + "." + m.modelId();
        List<String> arns = new ArrayList<>();
        for (String dest : destinationsOf(geo)) {
            arns.add(foundationModelArn(dest, m.modelId()));
        }
        if (geo.equals("global")) {
            // Global profiles also name the region-less model ARN, which IAM policies for them must allow.
            arns.add("arn:aws:bedrock:::foundation-model/" + m.modelId());
        }
        String label = LABELS.get(geo);
        return new InferenceProfile(id, "arn:aws:bedrock:" + region + ":" + accountId + ":inference-profile/" + id,
                label + " Anthropic " + m.modelName(),
                "Routes requests to Anthropic " + m.modelName() + " in " + label.toLowerCase(Locale.ROOT)
                        + " regions.", InferenceProfile.SYSTEM_DEFINED, m.modelId(), arns);
    }

    public static String foundationModelArn(String region, String modelId) {
        return "arn:aws:bedrock:" + region + "::foundation-model/" + modelId;
    }

    /** The foundation models a region lists: those a profile available there carries. */
    public static List<ClaudeModel> foundationModels(String region) {
        List<String> geos = geographiesOf(region);
        List<ClaudeModel> out = new ArrayList<>();
        for (ClaudeModel m : MODELS) {
            if (m.geographies().stream().anyMatch(geos::contains)) {
                out.add(m);
            }
        }
        return out;
    }

    /** A system-defined profile by id, as seen from {@code region}; empty when the prefix does not fit the region. */
    public static Optional<InferenceProfile> systemProfile(String region, String accountId, String id) {
        return systemProfiles(region, accountId).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** True when the text starts with a geography prefix, e.g. {@code eu.anthropic...}. */
    static boolean hasGeographyPrefix(String modelIdentifier) {
        int dot = modelIdentifier.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String prefix = modelIdentifier.substring(0, dot);
        return prefix.equals("global") || GEOGRAPHIES.containsKey(prefix);
    }
}
