package dev.bedrocksetup.doctor;

import dev.bedrocksetup.bedrock.OneMillionContext;
import dev.bedrocksetup.bedrock.RegionPrefix;
import dev.bedrocksetup.claude.ClaudeCodeValues;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claude Code's newer Bedrock settings, judged as Claude Code 2.1.330 and 2.1.332 read them (decision 0031): which
 * provider wins when several are on, which model a session starts on, pins beside a region-prefix override, the
 * service tier, prompt caching, and the credential knobs.
 */
final class SurfaceChecks {
    private SurfaceChecks() {}

    static final String GROUP_COST = "Service tier and caching";

    /**
     * The provider switches in the order Claude Code tries them (its provider function: the first one on wins), with
     * the name it shows for each.
     */
    static final Map<String, String> PROVIDERS = dev.bedrocksetup.claude.OtherProviders.IN_ORDER;

    static final List<String> SERVICE_TIERS = dev.bedrocksetup.claude.BedrockSettings.SERVICE_TIERS;
    static final List<String> CACHING = List.of("DISABLE_PROMPT_CACHING", "FORCE_PROMPT_CACHING_5M",
            "ENABLE_PROMPT_CACHING_1H", "ENABLE_PROMPT_CACHING_1H_BEDROCK");
    static final List<String> CREDENTIAL_SWITCHES = List.of("CLAUDE_CODE_SKIP_AWS_CRED_CACHE",
            "CLAUDE_CODE_DISABLE_AUTH_REFRESH_LOCK", "CLAUDE_CODE_SUBPROCESS_ENV_SCRUB");
    static final String CHAIN_TIMEOUT = "CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS";
    /** Claude Code's wait for the AWS credential chain when the variable gives none. */
    static final long CHAIN_TIMEOUT_DEFAULT_MS = 60_000;
    private static final Pattern GEO_PREFIXED = Pattern.compile("^(us|eu|apac|jp|au)\\.(anthropic\\..+)$");

    static List<Check> all() {
        return List.of(
            new Check("settings.provider", SettingsChecks.GROUP, "Claude Code picks Bedrock among the providers on",
                    "requests go to Vertex AI, Foundry or Mantle although Bedrock is set up", false,
                    SurfaceChecks::provider),
            new Check("models.main-model", ModelChecks.GROUP, "Which model a session starts on",
                    "ANTHROPIC_DEFAULT_MODEL has no effect", false, SurfaceChecks::mainModel),
            new Check("models.prefix-pins", ModelChecks.GROUP, "Pins follow the region-prefix override",
                    "ANTHROPIC_BEDROCK_REGION_PREFIX set, yet some calls stay in another geography", false,
                    SurfaceChecks::prefixPins),
            new Check("models.one-million", ModelChecks.GROUP, "The [1m] tag is on models that take it",
                    "no 1M context although the model says [1m]", false, SurfaceChecks::oneMillion),
            new Check("cost.service-tier", GROUP_COST, "ANTHROPIC_BEDROCK_SERVICE_TIER is a Bedrock service tier",
                    "Bedrock refuses the tier, or calls run on a tier not meant", false, SurfaceChecks::serviceTier),
            new Check("cost.prompt-caching", GROUP_COST, "Prompt-caching settings agree",
                    "a caching setting has no effect", false, SurfaceChecks::promptCaching),
            new Check("credentials.knobs", CredentialChecks.GROUP, "Credential settings are values Claude Code reads",
                    "credential resolution gives up after milliseconds, or a setting is silently ignored", false,
                    SurfaceChecks::credentialKnobs));
    }

    // ---- providers

    static Finding provider(Check c, DoctorInputs in) {
        List<String> on = new ArrayList<>();
        for (String v : PROVIDERS.keySet()) {
            if (ClaudeCodeValues.isOn(in.effective.value(v))) {
                on.add(v);
            }
        }
        String order = "Claude Code takes the first one on of " + String.join(", ", PROVIDERS.keySet());
        if (on.isEmpty()) {
            return c.skipped("no provider is switched on (settings.bedrock-enabled says what to do)");
        }
        String winner = on.get(0);
        if (!winner.equals("CLAUDE_CODE_USE_BEDROCK")) {
            return c.fail("Claude Code uses " + PROVIDERS.get(winner) + " (" + winner + " from "
                    + ModelChecks.originOf(in, winner) + "), not Amazon Bedrock: " + order,
                    "remove " + winner + " from " + where(in, winner) + ", and turn CLAUDE_CODE_USE_BEDROCK on");
        }
        List<String> others = on.subList(1, on.size());
        String chosen = "Amazon Bedrock (CLAUDE_CODE_USE_BEDROCK from " + ModelChecks.originOf(in, winner) + ")";
        if (others.isEmpty()) {
            return c.ok(chosen);
        }
        if (others.contains("CLAUDE_CODE_USE_MANTLE")) {
            String mantleUrl = in.effective.value("ANTHROPIC_BEDROCK_MANTLE_BASE_URL");
            return c.warn(chosen + ", together with Mantle (CLAUDE_CODE_USE_MANTLE from "
                    + ModelChecks.originOf(in, "CLAUDE_CODE_USE_MANTLE") + "): a model ID Bedrock does not serve "
                    + "(anthropic.<model> without a version suffix, or a model only Mantle has) goes to Mantle at "
                    + (mantleUrl == null ? "its default endpoint" : "ANTHROPIC_BEDROCK_MANTLE_BASE_URL")
                    + ", signed with the same AWS credentials" + also(in, others, "CLAUDE_CODE_USE_MANTLE"),
                    "if you do not use Mantle, remove CLAUDE_CODE_USE_MANTLE from "
                            + where(in, "CLAUDE_CODE_USE_MANTLE"));
        }
        return c.warn(chosen + "; also on, and unused while Bedrock is on: " + describe(in, others) + " (" + order
                + ")", "remove " + String.join(", ", others) + " from " + where(in, others.get(0))
                + " so a later change does not switch providers unnoticed");
    }

    private static String also(DoctorInputs in, List<String> others, String except) {
        List<String> rest = new ArrayList<>(others);
        rest.remove(except);
        return rest.isEmpty() ? "" : "; also on, and unused: " + describe(in, rest);
    }

    private static String describe(DoctorInputs in, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(n + " (from " + ModelChecks.originOf(in, n) + ")");
        }
        return String.join(", ", out);
    }

    private static String where(DoctorInputs in, String name) {
        EffectiveConfiguration.Source s = in.effective.entry(name).winner();
        return s == null ? "your settings" : SettingsChecks.where(s);
    }

    // ---- the main model

    static Finding mainModel(Check c, DoctorInputs in) {
        String defaultModel = in.effective.value("ANTHROPIC_DEFAULT_MODEL");
        String byFlag = " (claude --model and /model beat it for their session)";
        String winner = in.effective.isSet("ANTHROPIC_MODEL") ? "ANTHROPIC_MODEL"
                : in.effective.isSet("model") ? "model" : null;
        if (winner != null) {
            String what = (winner.equals("model") ? "settings model " : "ANTHROPIC_MODEL ") + in.effective.value(winner)
                    + " (from " + ModelChecks.originOf(in, winner) + ")" + byFlag;
            List<String> unused = new ArrayList<>();
            if (winner.equals("ANTHROPIC_MODEL") && in.effective.isSet("model")) {
                unused.add("settings model (from " + ModelChecks.originOf(in, "model") + ")");
            }
            if (defaultModel != null && !defaultModel.isBlank()) {
                unused.add("ANTHROPIC_DEFAULT_MODEL (from " + ModelChecks.originOf(in, "ANTHROPIC_DEFAULT_MODEL")
                        + ")");
            }
            return c.ok(what + (unused.isEmpty() ? "" : "; not used while it is set: " + String.join(", ", unused)));
        }
        if (defaultModel == null || defaultModel.isBlank()) {
            return c.ok("Claude Code's own default (none of ANTHROPIC_MODEL, settings model, ANTHROPIC_DEFAULT_MODEL "
                    + "is set)");
        }
        String d = defaultModel.trim().toLowerCase(Locale.ROOT);
        if (d.equals("default") || d.equals("inherit")) {
            return c.ok("Claude Code's own default (ANTHROPIC_DEFAULT_MODEL is \"" + defaultModel + "\")");
        }
        if (d.equals("opusplan") || d.equals("haiku")) {
            return c.warn("ANTHROPIC_DEFAULT_MODEL is \"" + defaultModel + "\", which Claude Code ignores there: "
                    + "sessions start on its own default", "name a model or another alias (sonnet, opus), or set "
                    + "ANTHROPIC_MODEL to " + defaultModel);
        }
        return c.ok("ANTHROPIC_DEFAULT_MODEL " + defaultModel + " (from "
                + ModelChecks.originOf(in, "ANTHROPIC_DEFAULT_MODEL") + "): neither ANTHROPIC_MODEL nor settings "
                + "model is set" + byFlag);
    }

    // ---- pins beside the prefix override

    static Finding prefixPins(Check c, DoctorInputs in) {
        String raw = in.effective.value(RegionPrefix.OVERRIDE);
        String region = in.effectiveRegion();
        String override = RegionPrefix.override(raw);
        if (override == null || RegionPrefix.isGovCloud(region)) {
            return c.ok("no region-prefix override in effect: Claude Code's own models use "
                    + RegionPrefix.effective(region, raw) + ".");
        }
        List<String> apart = new ArrayList<>();
        String first = null;
        String firstModel = null;
        for (String[] nv : ModelChecks.modelValues(in)) {
            Matcher m = GEO_PREFIXED.matcher(nv[1]);
            if (m.matches() && !m.group(1).equals(override)) {
                apart.add(nv[0] + " (" + m.group(1) + ".)");
                if (first == null) {
                    first = nv[0];
                    firstModel = m.group(2);
                }
            }
        }
        if (apart.isEmpty()) {
            return c.ok("ANTHROPIC_BEDROCK_REGION_PREFIX=" + override + ": Claude Code's own models use " + override
                    + ". and no pin names another geography");
        }
        return c.warn("ANTHROPIC_BEDROCK_REGION_PREFIX=" + override + " moves only the models Claude Code picks "
                + "itself; pins are sent as written: " + String.join(", ", apart),
                "if the account has " + override + ". profiles (bedrock-setup models --region " + region + "), set "
                        + first + " to " + override + "." + firstModel);
    }

    // ---- the 1M tag

    static Finding oneMillion(Check c, DoctorInputs in) {
        List<String> taking = new ArrayList<>();
        for (String[] nv : ModelChecks.modelValues(in)) {
            Matcher tag = ModelChecks.ONE_MILLION_TAG.matcher(nv[1]);
            if (!tag.find() || ModelChecks.CLAUDE_CODE_ALIASES.contains(nv[1].toLowerCase(Locale.ROOT))) {
                continue;
            }
            String id = tag.replaceFirst("");
            OneMillionContext.Kind kind = OneMillionContext.of(id);
            if (kind == OneMillionContext.Kind.NO_1M) {
                return c.warn(nv[0] + " is " + nv[1] + ": " + OneMillionContext.modelName(id) + " has a 200K window "
                        + "and no larger one, so the [1m] tag gives no 1M context",
                        "set " + nv[0] + " to " + id + ", or pin a model with a 1M window");
            }
            if (kind == OneMillionContext.Kind.NATIVE_ONLY) {
                return c.warn(nv[0] + " is " + nv[1] + ": " + OneMillionContext.modelName(id) + " has a 1M window "
                        + "already, and Claude Code does not list [1m] among its spellings",
                        "set " + nv[0] + " to " + id);
            }
            if (kind == OneMillionContext.Kind.TAKES_TAG) {
                taking.add(nv[0]);
            }
        }
        return c.ok(taking.isEmpty() ? "no [1m] tag on a pinned model" : "1M context asked for by "
                + String.join(", ", taking));
    }

    // ---- service tier and caching

    static Finding serviceTier(Check c, DoctorInputs in) {
        String v = in.effective.value("ANTHROPIC_BEDROCK_SERVICE_TIER");
        if (v == null || v.isEmpty()) {
            return c.ok("not set: on-demand (Bedrock's default tier)");
        }
        if (SERVICE_TIERS.contains(v)) {
            return c.ok(v + " (sent as the X-Amzn-Bedrock-Service-Tier header with every model call, from "
                    + ModelChecks.originOf(in, "ANTHROPIC_BEDROCK_SERVICE_TIER") + ")");
        }
        String near = v.trim().toLowerCase(Locale.ROOT);
        return c.warn("ANTHROPIC_BEDROCK_SERVICE_TIER is \"" + v + "\" (from "
                + ModelChecks.originOf(in, "ANTHROPIC_BEDROCK_SERVICE_TIER") + "): Claude Code sends it unchecked "
                + "as the X-Amzn-Bedrock-Service-Tier header, and Bedrock's tiers are default, flex and priority",
                SERVICE_TIERS.contains(near) ? "write it as \"" + near + "\""
                        : "set it to default, flex or priority, or remove it (reserved capacity is used by pinning "
                                + "a provisioned-throughput ARN as the model instead)");
    }

    static Finding promptCaching(Check c, DoctorInputs in) {
        List<String> unreadable = new ArrayList<>();
        for (String n : CACHING) {
            String v = in.effective.value(n);
            if (v != null && !v.isBlank() && ClaudeCodeValues.onOff(v) == null) {
                unreadable.add(n + "=\"" + v + "\"");
            }
        }
        if (!unreadable.isEmpty()) {
            return c.warn("Claude Code reads these as off: " + String.join(", ", unreadable),
                    "use 1 (or true, yes, on) to switch one on; remove it to leave it off");
        }
        boolean disabled = on(in, "DISABLE_PROMPT_CACHING");
        boolean force5m = on(in, "FORCE_PROMPT_CACHING_5M");
        boolean oneHour = on(in, "ENABLE_PROMPT_CACHING_1H");
        boolean oneHourBedrock = on(in, "ENABLE_PROMPT_CACHING_1H_BEDROCK");
        List<String> ttl = new ArrayList<>();
        if (force5m) {
            ttl.add("FORCE_PROMPT_CACHING_5M");
        }
        if (oneHour) {
            ttl.add("ENABLE_PROMPT_CACHING_1H");
        }
        if (oneHourBedrock) {
            ttl.add("ENABLE_PROMPT_CACHING_1H_BEDROCK");
        }
        if (disabled && !ttl.isEmpty()) {
            return c.warn("DISABLE_PROMPT_CACHING (from " + ModelChecks.originOf(in, "DISABLE_PROMPT_CACHING")
                    + ") turns caching off, so " + String.join(", ", ttl) + " has no effect",
                    "remove DISABLE_PROMPT_CACHING to cache, or remove " + String.join(", ", ttl));
        }
        if (force5m && (oneHour || oneHourBedrock)) {
            String lost = oneHour ? "ENABLE_PROMPT_CACHING_1H" : "ENABLE_PROMPT_CACHING_1H_BEDROCK";
            return c.warn("FORCE_PROMPT_CACHING_5M (from " + ModelChecks.originOf(in, "FORCE_PROMPT_CACHING_5M")
                    + ") wins: the cache lives 5 minutes and " + lost + " has no effect",
                    "remove FORCE_PROMPT_CACHING_5M for the 1-hour cache, or remove " + lost);
        }
        if (disabled) {
            return c.ok("caching off (DISABLE_PROMPT_CACHING): every turn pays for the whole prompt");
        }
        if (force5m) {
            return c.ok("5-minute cache (FORCE_PROMPT_CACHING_5M)");
        }
        if (oneHour || oneHourBedrock) {
            return c.ok("1-hour cache (" + (oneHour ? "ENABLE_PROMPT_CACHING_1H" : "ENABLE_PROMPT_CACHING_1H_BEDROCK, "
                    + "the older Bedrock-only spelling of ENABLE_PROMPT_CACHING_1H") + ")");
        }
        return c.ok("Claude Code's default caching");
    }

    private static boolean on(DoctorInputs in, String name) {
        return ClaudeCodeValues.isOn(in.effective.value(name));
    }

    // ---- credential knobs

    static Finding credentialKnobs(Check c, DoctorInputs in) {
        String t = in.effective.value(CHAIN_TIMEOUT);
        if (t != null && !t.isBlank()) {
            Long n = ClaudeCodeValues.number(t);
            if (n == null || n < 1 || n > Integer.MAX_VALUE) {
                return c.warn(CHAIN_TIMEOUT + " is \"" + t + "\", not a number of milliseconds Claude Code accepts: "
                        + "it ignores it and waits " + CHAIN_TIMEOUT_DEFAULT_MS / 1000 + " s",
                        "set it to a whole number of milliseconds, e.g. 30000, or remove it");
            }
            if (!ClaudeCodeValues.isExactNumber(t)) {
                return c.warn(CHAIN_TIMEOUT + " is \"" + t + "\", which Claude Code reads as " + n + " ms: the "
                        + "AWS credential chain " + (n < 1000 ? "times out almost at once" : "gets " + n + " ms"),
                        "write milliseconds as digits only, e.g. " + CHAIN_TIMEOUT + "=30000");
            }
            if (n < 1000) {
                return c.warn(CHAIN_TIMEOUT + " is " + n + " ms: an SSO, assume-role or process credential chain "
                        + "rarely resolves that fast, and Claude Code then fails the call",
                        "give it seconds, e.g. 30000, or remove it (default " + CHAIN_TIMEOUT_DEFAULT_MS + ")");
            }
        }
        List<String> unreadable = new ArrayList<>();
        for (String n : CREDENTIAL_SWITCHES) {
            String v = in.effective.value(n);
            if (v != null && !v.isBlank() && ClaudeCodeValues.onOff(v) == null) {
                unreadable.add(n + "=\"" + v + "\"");
            }
        }
        if (!unreadable.isEmpty()) {
            return c.warn("Claude Code reads neither on nor off in: " + String.join(", ", unreadable)
                    + " (so each stays at its default)", "use 1 (or true, yes, on) or 0 (or false, no, off)");
        }
        List<String> set = new ArrayList<>();
        for (String n : CREDENTIAL_SWITCHES) {
            if (on(in, n)) {
                set.add(n);
            }
        }
        if (t != null && !t.isBlank()) {
            set.add(CHAIN_TIMEOUT + "=" + ClaudeCodeValues.number(t));
        }
        return c.ok(set.isEmpty() ? "none set: Claude Code's defaults" : String.join(", ", set));
    }
}
