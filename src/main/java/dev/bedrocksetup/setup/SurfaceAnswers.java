package dev.bedrocksetup.setup;

import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.RegionPrefix;
import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The answers of a setup request for Claude Code's newer Bedrock settings (issue 17, decision 0031): the Fable pin,
 * the default model, the region prefix, the service tier, prompt caching and subprocess scrubbing. Checked here once
 * for a flag and a preset value alike (exit 2, one line with the fix), and put into the settings to write.
 */
public final class SurfaceAnswers {
    private SurfaceAnswers() {}

    /** Values Claude Code ignores in ANTHROPIC_DEFAULT_MODEL (it starts on its own default instead). */
    static final List<String> IGNORED_DEFAULT_MODELS = List.of("default", "inherit", "opusplan", "haiku");

    /**
     * Puts the answered settings into {@code s} (whose region and model pins are set already); {@code warn} receives
     * a line for a choice that works but may not do what is meant.
     */
    public static void apply(SetupRequest request, BedrockSettings s, Consumer<String> warn) {
        apply(key -> request.string(key).value(), request.flag("scrub-subprocess-env"), s, warn);
    }

    /**
     * For the wizard, which asks none of these yet: only what a flag or the preset gave. A setting in force is left
     * as it is (a null field leaves its key alone), so a region chosen in the wizard never meets an old prefix.
     */
    public static void applyGiven(SetupRequest request, BedrockSettings s, Consumer<String> warn) {
        apply(key -> request.given(key).value() instanceof String v ? v : null, Boolean.TRUE.equals(request.given("scrub-subprocess-env").value()), s, warn);
    }

    private static void apply(Function<String, String> text, boolean scrub, BedrockSettings s,
            Consumer<String> warn) {
        String region = s.region;
        String fable = text.apply("fable-model");
        if (fable != null) {
            s.fableModel = ModelIds.require("--fable-model", fable, region, false);
        }
        String dflt = text.apply("default-model");
        if (dflt != null) {
            if (IGNORED_DEFAULT_MODELS.contains(dflt)) {
                throw BedrockSetupException.usage("--default-model " + dflt + " is ignored by Claude Code, which then "
                        + "starts on its own default", "give a model ID or sonnet, opus or fable; or set the main model "
                        + "with --model " + dflt);
            }
            s.defaultModel = ModelIds.require("--default-model", dflt, region, true);
        }
        String prefix = text.apply("region-prefix");
        if (prefix != null) {
            s.regionPrefix = regionPrefix(prefix, region);
            pinsOutside(s, warn);
        }
        String tier = text.apply("service-tier");
        if (tier != null) {
            if (!BedrockSettings.SERVICE_TIERS.contains(tier)) {
                throw BedrockSetupException.usage("--service-tier " + TerminalText.quote(tier) + " is not a Bedrock "
                        + "service tier", "use default, flex or priority");
            }
            s.serviceTier = tier;
        }
        String caching = text.apply("prompt-caching");
        if (caching != null) {
            s.promptCaching = BedrockSettings.PromptCaching.fromLabel(caching);
            if (s.promptCaching == null) {
                throw BedrockSetupException.usage("--prompt-caching " + TerminalText.quote(caching) + " is not a "
                        + "caching mode", "use 1h (cache for an hour), 5m (five minutes) or off");
            }
        }
        if (scrub) {
            s.subprocessEnvScrub = true;
        }
    }

    /**
     * A prefix Claude Code takes, that it does not ignore in this region, and whose profiles the region can call
     * (Claude Code puts it on every model it picks itself; a prefix of another geography fails every such call).
     */
    private static String regionPrefix(String prefix, String region) {
        if (RegionPrefix.override(prefix) == null || !prefix.equals(prefix.trim())) {
            throw BedrockSetupException.usage("--region-prefix " + TerminalText.quote(prefix) + " is not a prefix "
                    + "Claude Code takes", "use one of " + String.join(", ", RegionPrefix.OVERRIDE_VALUES));
        }
        if (RegionPrefix.isGovCloud(region)) {
            throw BedrockSetupException.usage("--region-prefix is ignored by Claude Code in GovCloud (" + region
                    + " always uses us-gov.)", "leave --region-prefix out");
        }
        if (!ModelIds.fitsRegion(prefix, region)) {
            throw BedrockSetupException.usage("--region-prefix " + prefix + " names " + prefix + ". profiles, which "
                    + region + " does not serve", "use --region-prefix " + RegionPrefix.derived(region)
                    + " or global, or leave it out");
        }
        return prefix;
    }

    /** Claude Code sends a pin as written: the prefix moves only the models it picks itself (decision 0031). */
    private static void pinsOutside(BedrockSettings s, Consumer<String> warn) {
        Map<String, String> pins = new java.util.LinkedHashMap<>();
        pins.put("--model", s.model);
        pins.put("--opus-model", s.opusModel);
        pins.put("--sonnet-model", s.sonnetModel);
        pins.put("--haiku-model", s.haikuModel);
        pins.put("--fable-model", s.fableModel);
        pins.put("--default-model", s.defaultModel);
        pins.forEach((flag, id) -> {
            int dot = id == null || id.startsWith("arn:") ? -1 : id.indexOf('.');
            String p = dot > 0 ? id.substring(0, dot) : null;
            if (p != null && !p.equals("anthropic") && !p.equals("global") && !p.equals(s.regionPrefix)) {
                warn.accept(flag + " has the prefix " + p + ". and is sent as written: --region-prefix "
                        + s.regionPrefix + " moves only the models Claude Code picks itself");
            }
        });
    }
}
