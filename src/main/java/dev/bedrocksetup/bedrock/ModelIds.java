package dev.bedrocksetup.bedrock;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shapes of model identifiers Claude Code accepts on Bedrock, checked before anything is written. */
public final class ModelIds {
    private ModelIds() {}

    /** Inference-profile prefixes that exist for Claude. */
    public static final Set<String> PREFIXES = Set.of("global", "us", "eu", "apac", "jp", "au", "us-gov", "ca");
    /** Aliases Claude Code resolves itself (valid for ANTHROPIC_MODEL only). */
    public static final Set<String> ALIASES = Set.of("default", "opus", "sonnet", "haiku", "fable", "opusplan",
            "sonnet[1m]", "opus[1m]", "fable[1m]", "best");

    private static final Pattern PROFILE_ID =
            Pattern.compile("^([a-z]{2,6}(?:-gov)?)\\.(anthropic\\.claude-[a-z0-9][a-z0-9.\\-]*(?::[0-9]+)?)$");
    private static final Pattern BARE_ID = Pattern.compile("^anthropic\\.claude-[a-z0-9][a-z0-9.\\-]*(?::[0-9]+)?$");
    private static final Pattern ARN = Pattern.compile("^arn:aws(?:-[a-z]+)*:bedrock:[a-z0-9-]+:[0-9]{12}:"
            + "(?:inference-profile|application-inference-profile|provisioned-model|custom-model-deployment"
            + "|imported-model)/[A-Za-z0-9.:_\\-]+$");
    private static final Pattern FOUNDATION_ARN =
            Pattern.compile("^arn:aws(?:-[a-z]+)*:bedrock:[a-z0-9-]+::foundation-model/.+$");

    /**
     * Checks a model flag for {@code region}. Exit 2 for a bare foundation-model ID (Bedrock serves Claude on
     * demand only through inference profiles), a prefix of another geography, or an unknown shape.
     */
    public static String require(String flag, String id, String region, boolean aliasAllowed) {
        if (id == null || id.isBlank()) {
            throw BedrockSetupException.usage(flag + " is empty", "give an inference profile ID such as "
                    + suggestedPrefix(region) + ".anthropic.claude-sonnet-4-5-20250929-v1:0");
        }
        if (aliasAllowed && ALIASES.contains(id)) {
            return id;
        }
        if (OneMillionContext.hasTag(id)) {
            return requireOneMillion(flag, id, region);
        }
        if (BARE_ID.matcher(id).matches() || FOUNDATION_ARN.matcher(id).matches()) {
            String bare = id.substring(id.indexOf("anthropic."));
            throw BedrockSetupException.usage(flag + " " + TerminalText.quote(id) + " is a foundation-model ID; "
                    + "Bedrock runs Claude on "
                    + "demand only through an inference profile (\"on-demand throughput isn't supported\")",
                    "use " + suggestedPrefix(region) + "." + bare + " or global." + bare
                            + " (list them with: bedrock-setup models --region " + region + ")");
        }
        if (ARN.matcher(id).matches()) {
            String arnRegion = id.split(":")[3];
            if (region != null && !arnRegion.equals(region)) {
                // Bedrock answers an ARN only in its own region; Claude Code calls the one AWS_REGION names
                throw BedrockSetupException.usage(flag + " " + TerminalText.quote(id) + " is an ARN in " + arnRegion
                        + ", but Claude Code calls Bedrock in " + region, "use --region " + arnRegion
                        + ", or the ARN of a profile in " + region);
            }
            return id;
        }
        Matcher m = PROFILE_ID.matcher(id);
        if (!m.matches()) {
            throw BedrockSetupException.usage(flag + " " + TerminalText.quote(id) + " is not a Claude model ID",
                    "use an inference profile ID such as " + suggestedPrefix(region)
                            + ".anthropic.claude-sonnet-4-5-20250929-v1:0, or an inference profile ARN");
        }
        String prefix = m.group(1);
        if (!PREFIXES.contains(prefix)) {
            throw BedrockSetupException.usage(flag + " " + TerminalText.quote(id) + " has the unknown prefix '"
                    + prefix + ".'",
                    "use one of global., us., eu., apac., jp., au., us-gov.");
        }
        if (!fitsRegion(prefix, region)) {
            throw BedrockSetupException.usage(flag + " " + TerminalText.quote(id) + " is a " + prefix
                    + ". profile, which region "
                    + region + " does not serve (\"The provided model identifier is invalid\")",
                    "use " + suggestedPrefix(region) + "." + m.group(2) + " or global." + m.group(2));
        }
        return id;
    }

    /**
     * A model ID with the [1m] tag: Claude Code sends the ID without it and asks for the 1M window, which only some
     * models have (decision 0031); the tag on another model is refused with the ID to use instead.
     */
    private static String requireOneMillion(String flag, String id, String region) {
        String bare = require(flag, OneMillionContext.withoutTag(id), region, false);
        OneMillionContext.Kind kind = OneMillionContext.of(bare);
        if (kind == OneMillionContext.Kind.NO_1M) {
            throw BedrockSetupException.usage(flag + " " + TerminalText.quote(id) + ": "
                    + OneMillionContext.modelName(bare) + " has a 200K window and no larger one, so [1m] gives no "
                    + "1M context", "use " + flag + " " + bare + ", or a model with a 1M window (Sonnet 4.x, Opus 4.6 "
                    + "or later)");
        }
        if (kind == OneMillionContext.Kind.NATIVE_ONLY) {
            throw BedrockSetupException.usage(flag + " " + TerminalText.quote(id) + ": "
                    + OneMillionContext.modelName(bare) + " has a 1M window already, and Claude Code does not take "
                    + "[1m] on it", "use " + flag + " " + bare);
        }
        return id;
    }

    /** Whether a profile with this prefix can be invoked from {@code region}. */
    public static boolean fitsRegion(String prefix, String region) {
        if (prefix.equals("global")) {
            return true;
        }
        String geo = RegionNames.geographyPrefix(region);
        switch (prefix) {
            case "jp":
                return region.startsWith("ap-northeast-");
            case "au":
                return region.startsWith("ap-southeast-");
            case "ca":
                return region.startsWith("ca-");
            default:
                return prefix.equals(geo);
        }
    }

    static String suggestedPrefix(String region) {
        return region == null ? "global" : RegionNames.geographyPrefix(region);
    }

    /** True for IDs of Claude 3.x models, which Bedrock marks Legacy. */
    public static boolean isLegacy(String id) {
        return id != null && id.contains("claude-3-");
    }
}
