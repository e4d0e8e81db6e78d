package dev.bedrocksetup.setup;

import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.OneMillionContext;
import dev.bedrocksetup.bedrock.RegionPrefix;
import dev.bedrocksetup.claude.AuthRefreshCommand;
import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.claude.ClaudeCodeValues;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.claude.SettingsSnapshot;
import dev.bedrocksetup.core.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Claude-Code-on-Bedrock setup in force now, read from Claude Code's effective configuration (settings files in
 * Claude Code's precedence, ~/.claude.json's env block, the shell): which profile, region, models, credential mode,
 * refresh and settings scope, each with the file it comes from. It is the third source of a setup request (flags,
 * then a preset, then this, then defaults), and where every command that takes --profile or --region starts when no
 * flag names them. Reading it never fails: a file Claude Code skips contributes nothing, as it does for Claude Code.
 */
public final class SetupInForce {
    private final EffectiveConfiguration effective;
    private final Environment env;

    private SetupInForce(EffectiveConfiguration effective, Environment env) {
        this.effective = effective;
        this.env = env;
    }

    /** The setup in force for a project directory (null: the current directory). */
    public static SetupInForce read(Environment env, Path projectDir) {
        SettingsSnapshot snapshot = SettingsSnapshot.read(env, new SettingsLocations(env, projectDir));
        return new SetupInForce(EffectiveConfiguration.resolve(snapshot, env), env);
    }

    public static SetupInForce of(EffectiveConfiguration effective, Environment env) {
        return new SetupInForce(effective, env);
    }

    /** True when Claude Code is switched to Bedrock now (CLAUDE_CODE_USE_BEDROCK truthy). */
    public boolean usesBedrock() {
        return effective.isTruthy("CLAUDE_CODE_USE_BEDROCK");
    }

    /**
     * The AWS profile Claude Code uses: AWS_PROFILE, else the profile an awsCredentialExport command of ours names.
     */
    public Answer<String> profile() {
        Answer<String> p = inForce("AWS_PROFILE");
        if (p.answered()) {
            return p;
        }
        Answer<String> export = inForce("awsCredentialExport");
        return Answer.of(AuthRefreshCommand.profileNamed(export.value()), export.source());
    }

    /** The Bedrock region: AWS_REGION, then AWS_DEFAULT_REGION (what Claude Code reads first). */
    public Answer<String> region() {
        return inForce("AWS_REGION").or(inForce("AWS_DEFAULT_REGION"));
    }

    public Answer<String> model() {
        return inForce("ANTHROPIC_MODEL");
    }

    public Answer<String> opusModel() {
        return inForce("ANTHROPIC_DEFAULT_OPUS_MODEL");
    }

    public Answer<String> sonnetModel() {
        return inForce("ANTHROPIC_DEFAULT_SONNET_MODEL");
    }

    /** The fast model: ANTHROPIC_DEFAULT_HAIKU_MODEL, else the deprecated ANTHROPIC_SMALL_FAST_MODEL. */
    public Answer<String> haikuModel() {
        return inForce("ANTHROPIC_DEFAULT_HAIKU_MODEL").or(inForce("ANTHROPIC_SMALL_FAST_MODEL"));
    }

    public Answer<String> fableModel() {
        return inForce("ANTHROPIC_DEFAULT_FABLE_MODEL");
    }

    /** ANTHROPIC_DEFAULT_MODEL, unless it is a value Claude Code ignores there ("haiku", "default" ...). */
    public Answer<String> defaultModel() {
        Answer<String> v = inForce("ANTHROPIC_DEFAULT_MODEL");
        return v.answered() && SurfaceAnswers.IGNORED_DEFAULT_MODELS.contains(v.value()) ? Answer.none() : v;
    }

    /**
     * ANTHROPIC_BEDROCK_REGION_PREFIX when Claude Code takes it; a value it ignores is no answer (left as it is for
     * the doctor to report, rather than refused on a re-run as if a flag had given it). The same for the tier.
     */
    public Answer<String> regionPrefix() {
        Answer<String> v = inForce(RegionPrefix.OVERRIDE);
        return v.answered() && RegionPrefix.override(v.value()) != null ? v : Answer.none();
    }

    public Answer<String> serviceTier() {
        Answer<String> v = inForce("ANTHROPIC_BEDROCK_SERVICE_TIER");
        return v.answered() && BedrockSettings.SERVICE_TIERS.contains(v.value()) ? v : Answer.none();
    }

    /**
     * The caching in force as --prompt-caching spells it, read in Claude Code's order (decision 0031): off when
     * DISABLE_PROMPT_CACHING is on, else 5m when FORCE_PROMPT_CACHING_5M is, else 1h when either 1-hour switch is.
     */
    public Answer<String> promptCaching() {
        String[][] order = {{"DISABLE_PROMPT_CACHING", "off"}, {"FORCE_PROMPT_CACHING_5M", "5m"},
            {"ENABLE_PROMPT_CACHING_1H", "1h"}, {"ENABLE_PROMPT_CACHING_1H_BEDROCK", "1h"}};
        for (String[] switchAndLabel : order) {
            Answer<String> v = inForce(switchAndLabel[0]);
            if (v.answered() && ClaudeCodeValues.isOn(v.value())) {
                return Answer.of(switchAndLabel[1], v.source());
            }
        }
        return Answer.none();
    }

    public Answer<Boolean> scrubSubprocessEnv() {
        return switchedOn("CLAUDE_CODE_SUBPROCESS_ENV_SCRUB");
    }

    /** A switch of Claude Code's that is on now (a value it reads as on), as the flag that writes it. */
    public Answer<Boolean> switchedOn(String name) {
        Answer<String> v = inForce(name);
        return v.answered() && ClaudeCodeValues.isOn(v.value()) ? Answer.of(Boolean.TRUE, v.source()) : Answer.none();
    }

    /**
     * CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS when it is digits Claude Code takes; another value is left for the
     * doctor to report (credentials.knobs), not refused on a re-run as if a flag had given it.
     */
    public Answer<Integer> awsChainTimeoutMs() {
        Answer<String> v = inForce("CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS");
        if (!v.answered() || !v.value().matches("[0-9]{1,9}") || Integer.parseInt(v.value()) < 1) {
            return Answer.none();
        }
        return Answer.of(Integer.parseInt(v.value()), v.source());
    }

    /**
     * The models pinned now, primary first, without repeats, as Claude Code sends them (without the [1m] tag, which
     * it strips and turns into a request for the 1M window). A default model that is an alias ("sonnet") names
     * one of the others, so it adds nothing.
     */
    public List<String> models() {
        List<String> out = new ArrayList<>();
        Answer<String> dflt = defaultModel();
        for (Answer<String> a : List.of(model(), opusModel(), sonnetModel(), haikuModel(), fableModel(),
                dflt.answered() && ModelIds.ALIASES.contains(dflt.value()) ? Answer.<String>none() : dflt)) {
            String sent = a.answered() ? OneMillionContext.withoutTag(a.value()) : null;
            if (sent != null && !out.contains(sent)) {
                out.add(sent);
            }
        }
        return out;
    }

    /** True when a Bedrock API key is configured (its value is never handed out here). */
    public boolean hasApiKey() {
        return effective.isSet("AWS_BEARER_TOKEN_BEDROCK");
    }

    /** EXPORT when awsCredentialExport is set, ENV when AWS_PROFILE is; not answered otherwise. */
    public Answer<BedrockSettings.CredentialsMode> credentials() {
        Answer<String> export = inForce("awsCredentialExport");
        if (export.answered()) {
            return Answer.of(BedrockSettings.CredentialsMode.EXPORT, export.source());
        }
        Answer<String> p = inForce("AWS_PROFILE");
        return Answer.of(p.answered() ? BedrockSettings.CredentialsMode.ENV : null, p.source());
    }

    /** The awsAuthRefresh in force, as one of the modes init writes: login (ours), aws-cli, or none when absent. */
    public Answer<BedrockSettings.AuthRefresh> authRefresh() {
        Answer<String> r = inForce("awsAuthRefresh");
        if (!r.answered()) {
            return Answer.none();
        }
        String c = r.value().trim();
        BedrockSettings.AuthRefresh mode = c.startsWith("aws sso login") ? BedrockSettings.AuthRefresh.AWS_CLI
                : c.contains("bedrock-setup") && c.contains(" login") ? BedrockSettings.AuthRefresh.LOGIN : null;
        return Answer.of(mode, r.source());
    }

    /** The settings scope that switches Claude Code to Bedrock now (where CLAUDE_CODE_USE_BEDROCK wins). */
    public Answer<SettingsScope> scope() {
        EffectiveConfiguration.Source w = effective.entry("CLAUDE_CODE_USE_BEDROCK").winner();
        return w == null || w.scope == null ? Answer.none() : Answer.of(w.scope, shown(w));
    }

    /**
     * One line saying where a command's profile and region come from, for stderr: "using profile k and region
     * eu-west-1 from ~/.claude/settings.json". Null when neither comes from the setup in force.
     */
    public static String usingLine(Answer<String> profile, Answer<String> region) {
        boolean p = fromSetup(profile);
        boolean r = fromSetup(region);
        if (p && r) {
            return profile.source().equals(region.source())
                    ? "using profile " + profile.value() + " and region " + region.value() + " from " + region.source()
                    : "using profile " + profile.value() + " from " + profile.source() + " and region "
                            + region.value() + " from " + region.source();
        }
        if (p || r) {
            Answer<String> a = p ? profile : region;
            return "using " + (p ? "profile " : "region ") + a.value() + " from " + a.source();
        }
        return null;
    }

    /** Answered, and not by a flag. */
    private static boolean fromSetup(Answer<String> a) {
        return a != null && a.answered() && a.source() != null && !a.source().startsWith("--");
    }

    /**
     * The winning value of a variable or settings key as text, with the file it comes from; a value that is not a
     * string, or is blank, answers nothing (as Claude Code reads it: not set).
     */
    private Answer<String> inForce(String name) {
        EffectiveConfiguration.Source w = effective.entry(name).winner();
        if (w == null) {
            return Answer.none();
        }
        String v = w.isString() ? (String) w.value : null;
        return Answer.of(v == null || v.isBlank() ? null : v.trim(), shown(w));
    }

    /** A source as the user knows it: a file path with ~ for the home, or "the shell environment". */
    private String shown(EffectiveConfiguration.Source s) {
        if (s.file == null) {
            return "the shell environment";
        }
        Path home = env.home();
        Path f = s.file;
        return home != null && f.startsWith(home) ? "~/" + home.relativize(f) : f.toString();
    }
}
