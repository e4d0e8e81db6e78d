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
import java.util.function.Predicate;

/**
 * The answers of a setup request for Claude Code's newer Bedrock settings (issue 17, decision 0031): the Fable pin,
 * the default model, the region prefix, the service tier, prompt caching, subprocess scrubbing and the credential
 * knobs (skip the credential cache, the chain's timeout, no refresh lock). Checked here once
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
        apply(new Given(key -> request.string(key).value(), request::flag, key -> request.number(key).value()), s,
                warn);
    }

    /**
     * For the wizard, which asks none of these yet: only what a flag or the preset gave. A setting in force is left
     * as it is (a null field leaves its key alone), so a region chosen in the wizard never meets an old prefix.
     */
    public static void applyGiven(SetupRequest request, BedrockSettings s, Consumer<String> warn) {
        apply(new Given(key -> request.given(key).value() instanceof String v ? v : null,
                key -> Boolean.TRUE.equals(request.given(key).value()),
                key -> request.given(key).value() instanceof Integer n ? n : null), s, warn);
    }

    /** How the answers are read: a text, a switch that is on, a number (null: not answered). */
    private record Given(Function<String, String> text, Predicate<String> on, Function<String, Integer> number) {}

    /** CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS below this rarely lets an SSO or assume-role chain resolve. */
    static final int CHAIN_TIMEOUT_FLOOR_MS = 1000;

    private static void apply(Given given, BedrockSettings s, Consumer<String> warn) {
        Function<String, String> text = given.text();
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
        if (given.on().test("scrub-subprocess-env")) {
            s.subprocessEnvScrub = true;
        }
        credentialKnobs(given, s, warn);
    }

    /**
     * The credential knobs of Claude Code's AWS chain (issue 17 item 6). The timeout is refused where Claude Code
     * would ignore it (not a positive whole number of milliseconds it reads) and warned about where it works but
     * likely fails the chain (the doctor's credentials.knobs judges the same values).
     */
    private static void credentialKnobs(Given given, BedrockSettings s, Consumer<String> warn) {
        if (given.on().test("skip-aws-cred-cache")) {
            s.skipAwsCredCache = true;
        }
        if (given.on().test("no-auth-refresh-lock")) {
            s.disableAuthRefreshLock = true;
        }
        Integer timeout = given.number().apply("aws-chain-timeout-ms");
        if (timeout != null) {
            if (timeout < 1) {
                throw BedrockSetupException.usage("--aws-chain-timeout-ms " + timeout + " is not a time Claude Code "
                        + "takes (it would wait its default 60 s)", "give milliseconds, e.g. --aws-chain-timeout-ms "
                        + "30000");
            }
            if (timeout < CHAIN_TIMEOUT_FLOOR_MS) {
                warn.accept("--aws-chain-timeout-ms " + timeout + ": an SSO, assume-role or process credential chain "
                        + "rarely resolves that fast, and Claude Code then fails the call");
            }
            s.awsChainTimeoutMs = timeout;
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
