package dev.bedrocksetup.doctor;

import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.bedrock.RegionPrefix;
import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Region and model identifiers, checked offline against the shapes Bedrock accepts. */
final class ModelChecks {
    private ModelChecks() {}

    static final String GROUP_REGION = "Region";
    static final String GROUP = "Models";
    /** Every place a model ID can be given. */
    static final List<String> MODEL_NAMES = List.of("ANTHROPIC_MODEL", "ANTHROPIC_DEFAULT_OPUS_MODEL",
            "ANTHROPIC_DEFAULT_SONNET_MODEL", "ANTHROPIC_DEFAULT_HAIKU_MODEL", "ANTHROPIC_DEFAULT_FABLE_MODEL",
            "ANTHROPIC_SMALL_FAST_MODEL", "ANTHROPIC_DEFAULT_MODEL", "model");
    /** Where Claude Code also takes an alias, or "default"/"inherit" for its own default. */
    static final List<String> ALIAS_NAMES = List.of("ANTHROPIC_MODEL", "ANTHROPIC_DEFAULT_MODEL", "model");
    /** The aliases Claude Code 2.1.330 resolves itself (its alias list, plus its default). */
    static final java.util.Set<String> CLAUDE_CODE_ALIASES = java.util.Set.of("sonnet", "opus", "haiku", "fable",
            "best", "sonnet[1m]", "opus[1m]", "fable[1m]", "opusplan", "default", "inherit");
    /** The 1M-context tag Claude Code reads off a model ID and does not send (e2e/ClaudeCodeBedrockSurfaceTest). */
    static final Pattern ONE_MILLION_TAG = dev.bedrocksetup.bedrock.OneMillionContext.TAG;
    static final List<String> PINS = List.of("ANTHROPIC_MODEL", "ANTHROPIC_DEFAULT_OPUS_MODEL",
            "ANTHROPIC_DEFAULT_SONNET_MODEL", "ANTHROPIC_DEFAULT_HAIKU_MODEL");
    private static final Pattern PREFIXED = Pattern.compile("^([a-z]{2,6}(?:-gov)?)\\.(anthropic\\..+)$");
    static final String REGION_FROM_PROFILE_SINCE = "2.1.172";

    static List<Check> all() {
        return List.of(
            new Check("region.set", GROUP_REGION, "The Bedrock region is set",
                    "403 or wrong region (Claude Code up to 2.1.171 ignores the profile's region)", false,
                    ModelChecks::regionSet),
            new Check("region.valid", GROUP_REGION, "The region is an AWS region name",
                    "could not resolve the Bedrock endpoint", false, ModelChecks::regionValid),
            new Check("region.small-fast-region", GROUP_REGION, "ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION is a region",
                    "Haiku-class calls fail", false, ModelChecks::smallFastRegion),
            new Check("models.bare-id", GROUP, "Models are inference profiles",
                    "\"on-demand throughput isn't supported\"", false, ModelChecks::bareIds),
            new Check("models.prefix-region", GROUP, "Model prefixes fit the region",
                    "\"The provided model identifier is invalid\"", false, ModelChecks::prefixFitsRegion),
            new Check("models.legacy", GROUP, "No legacy Claude 3 models",
                    "\"This Model is marked by provider as Legacy\"", false, ModelChecks::legacy),
            new Check("models.shape", GROUP, "Model IDs are well formed",
                    "\"The provided model identifier is invalid\"", false, ModelChecks::shape),
            new Check("models.deprecated", GROUP, "No deprecated model variables",
                    "the Haiku-class pin is ignored by newer Claude Code", false, ModelChecks::deprecated),
            new Check("models.unpinned", GROUP, "Every tier is pinned",
                    "unexpected Opus billing; 403 on Haiku background calls after a default change", false,
                    ModelChecks::unpinned),
            new Check("models.region-prefix-var", GROUP, "ANTHROPIC_BEDROCK_REGION_PREFIX is valid",
                    "requests go to the wrong geography", false, ModelChecks::regionPrefixVariable));
    }

    static Finding regionSet(Check c, DoctorInputs in) {
        String region = in.region();
        if (region != null) {
            return c.ok(region + " (from " + originOf(in, in.effective.isSet("AWS_REGION") ? "AWS_REGION"
                    : "AWS_DEFAULT_REGION") + ")");
        }
        String v = in.claudeVersion();
        if (v != null && ClaudeInstallation.compare(v, REGION_FROM_PROFILE_SINCE) < 0) {
            String profileRegion = AwsProfileChecks.profile(in, AwsProfileChecks.profileName(in))
                    .flatMap(p -> p.property("region")).orElse(null);
            return c.fail("AWS_REGION is not set, and Claude Code " + v + " does not read the profile's region",
                    "bedrock-setup init (writes AWS_REGION into env), or add \"AWS_REGION\": \"us-west-2\" to env")
                    .withSafeFix(profileRegion != null && RegionNames.isValid(profileRegion) ? SafeFix.setEnv(
                            dev.bedrocksetup.claude.SettingsScope.USER, "AWS_REGION", profileRegion,
                            "set AWS_REGION to the profile's region " + profileRegion + " in user settings") : null);
        }
        String profileRegion = AwsProfileChecks.profile(in, AwsProfileChecks.profileName(in))
                .flatMap(p -> p.property("region")).orElse(null);
        SafeFix safe = profileRegion != null && RegionNames.isValid(profileRegion) ? SafeFix.setEnv(
                dev.bedrocksetup.claude.SettingsScope.USER, "AWS_REGION", profileRegion,
                "set AWS_REGION to the profile's region " + profileRegion + " in user settings") : null;
        return c.warn("AWS_REGION is not set: Claude Code falls back to the profile's region, then us-east-1, and "
                + "awsAuthRefresh's credential check may fail", "add \"AWS_REGION\": \""
                + (profileRegion != null ? profileRegion : "<region>") + "\" to env in "
                + in.locations.userConfigDir().resolve("settings.json")).withSafeFix(safe);
    }

    static Finding regionValid(Check c, DoctorInputs in) {
        String region = in.region();
        if (region == null) {
            return c.skipped("no region set");
        }
        if (!RegionNames.isValid(region)) {
            return c.fail("\"" + region + "\" is not an AWS region name", "use a region such as us-west-2");
        }
        return c.ok(region + " is a region name");
    }

    static Finding smallFastRegion(Check c, DoctorInputs in) {
        String v = in.effective.value("ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION");
        if (v == null) {
            return c.ok("not set");
        }
        if (!RegionNames.isValid(v)) {
            // Claude Code still answers with a model ID here (agreement matrix: "ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION
            // holds a model ID"); only the small/fast (Haiku) background calls are at risk.
            return c.warn("ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION is \"" + v + "\"; it takes a REGION, not a model: "
                    + "Claude Code still answers, but its small/fast background calls may go to a region that does "
                    + "not exist", "set it to a region such as us-east-1, or remove it");
        }
        return c.ok(v);
    }

    /** Every (name, value) where a model is given, effective values only. */
    static List<String[]> modelValues(DoctorInputs in) {
        List<String[]> out = new ArrayList<>();
        for (String n : MODEL_NAMES) {
            String v = in.effective.value(n);
            if (v != null && !v.isEmpty()) {
                out.add(new String[] {n, v});
            }
        }
        return out;
    }

    static Finding bareIds(Check c, DoctorInputs in) {
        String prefix = RegionNames.isValid(in.effectiveRegion()) ? suggestedPrefix(in) : "global";
        for (String[] nv : modelValues(in)) {
            if (nv[1].startsWith("anthropic.")) {
                return c.fail(nv[0] + " is the foundation-model ID " + nv[1]
                        + ": Bedrock runs Claude on demand only through an inference profile",
                        "set " + nv[0] + " to " + prefix + "." + nv[1] + " (or global." + nv[1] + ")")
                        .withSafeFix(fixModel(in, nv[0], prefix + "." + nv[1]));
            }
        }
        return c.ok("no bare foundation-model IDs");
    }

    static Finding prefixFitsRegion(Check c, DoctorInputs in) {
        String region = in.effectiveRegion();
        if (!RegionNames.isValid(region)) {
            return c.skipped("no valid region to compare with");
        }
        for (String[] nv : modelValues(in)) {
            Matcher m = PREFIXED.matcher(nv[1]);
            if (m.matches() && ModelIds.PREFIXES.contains(m.group(1)) && !ModelIds.fitsRegion(m.group(1), region)) {
                String want = suggestedPrefix(in);
                return c.fail(nv[0] + " is " + nv[1] + ", a " + m.group(1) + ". profile, but the region is " + region,
                        "set " + nv[0] + " to " + want + "." + m.group(2) + " (or global." + m.group(2) + ")")
                        .withSafeFix(fixModel(in, nv[0], want + "." + m.group(2)));
            }
        }
        return c.ok("every model prefix fits " + region);
    }

    static Finding legacy(Check c, DoctorInputs in) {
        for (String[] nv : modelValues(in)) {
            if (ModelIds.isLegacy(nv[1])) {
                return c.fail(nv[0] + " pins " + nv[1] + ", a Claude 3 model Bedrock marks Legacy",
                        "pin a current model: bedrock-setup init (or bedrock-setup models to list them)");
            }
        }
        return c.ok("no Claude 3 pins");
    }

    static Finding shape(Check c, DoctorInputs in) {
        String region = RegionNames.isValid(in.effectiveRegion()) ? in.effectiveRegion() : "us-east-1";
        for (String[] nv : modelValues(in)) {
            if (nv[1].startsWith("anthropic.")) {
                continue; // models.bare-id says it better
            }
            if (ALIAS_NAMES.contains(nv[0]) && CLAUDE_CODE_ALIASES.contains(nv[1].trim().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            String id = ONE_MILLION_TAG.matcher(nv[1]).replaceFirst("");
            try {
                ModelIds.require(nv[0], id, "global".equals(prefixOf(id)) ? "us-east-1" : regionFor(id, region),
                        ALIAS_NAMES.contains(nv[0]));
            } catch (dev.bedrocksetup.core.BedrockSetupException e) {
                if (e.getMessage().contains("does not serve")) {
                    continue; // models.prefix-region says it better
                }
                return c.warn(e.getMessage(), e.fix());
            }
        }
        return c.ok("model IDs have a known shape");
    }

    private static String prefixOf(String id) {
        Matcher m = PREFIXED.matcher(id);
        return m.matches() ? m.group(1) : "";
    }

    /** A region that serves the ID's own prefix, so shape is checked apart from region fit. */
    private static String regionFor(String id, String fallback) {
        switch (prefixOf(id)) {
            case "us": return "us-east-1";
            case "eu": return "eu-west-1";
            case "apac": return "ap-southeast-1";
            case "jp": return "ap-northeast-1";
            case "au": return "ap-southeast-2";
            case "us-gov": return "us-gov-west-1";
            case "ca": return "ca-central-1";
            default: return fallback;
        }
    }

    static Finding deprecated(Check c, DoctorInputs in) {
        EffectiveConfiguration.Entry e = in.effective.entry("ANTHROPIC_SMALL_FAST_MODEL");
        if (e.winner() == null) {
            return c.ok("no deprecated variables");
        }
        SafeFix safe = null;
        if (e.winner().scope != null && e.winner().isString()) {
            java.util.Map<List<String>, String> m = new java.util.LinkedHashMap<>();
            m.put(List.of("env", "ANTHROPIC_SMALL_FAST_MODEL"), null);
            if (!in.effective.isSet("ANTHROPIC_DEFAULT_HAIKU_MODEL")) {
                m.put(List.of("env", "ANTHROPIC_DEFAULT_HAIKU_MODEL"),
                        dev.bedrocksetup.json.JsonText.quote(e.winner().text()));
            }
            safe = new SafeFix(e.winner().scope, m, "rename ANTHROPIC_SMALL_FAST_MODEL to ANTHROPIC_DEFAULT_HAIKU_MODEL "
                    + "in " + e.winner().file);
        }
        return c.warn("ANTHROPIC_SMALL_FAST_MODEL (from " + e.winner().origin + ") is deprecated",
                "rename it to ANTHROPIC_DEFAULT_HAIKU_MODEL (bedrock-setup init migrates it)").withSafeFix(safe);
    }

    static Finding unpinned(Check c, DoctorInputs in) {
        List<String> missing = new ArrayList<>();
        for (String p : PINS) {
            // the main model is pinned by settings model or a concrete ANTHROPIC_DEFAULT_MODEL too (models.main-model)
            if (!in.effective.isSet(p) && !(p.equals("ANTHROPIC_MODEL") && (in.effective.isSet("model")
                    || isConcreteModel(in.effective.value("ANTHROPIC_DEFAULT_MODEL"))))) {
                missing.add(p);
            }
        }
        String fable = fableOnOffer(in);
        if (fable != null) {
            missing.add("ANTHROPIC_DEFAULT_FABLE_MODEL");
        }
        if (missing.isEmpty()) {
            return c.ok("primary model and every tier pinned");
        }
        return c.warn("not pinned: " + String.join(", ", missing)
                + " — Claude Code's defaults change between versions"
                + (fable != null ? " (" + in.effectiveRegion() + " offers the Fable tier: " + fable + ")" : ""),
                "bedrock-setup init --yes ... --opus-model ID --sonnet-model ID --haiku-model ID"
                + (fable != null ? " --fable-model " + fable : "") + " (list IDs with: bedrock-setup models)");
    }

    /**
     * The Fable tier (issue 17) counts as a tier to pin only where the region offers it: online, the newest Fable
     * profile of the region's live catalogue when ANTHROPIC_DEFAULT_FABLE_MODEL is unset; else null (offline the
     * catalogue is unknown, so the check asks for the three tiers only).
     */
    static String fableOnOffer(DoctorInputs in) {
        if (in.effective.isSet("ANTHROPIC_DEFAULT_FABLE_MODEL")) {
            return null;
        }
        dev.bedrocksetup.bedrock.Catalogue catalogue = in.regionCatalogue();
        if (catalogue == null) {
            return null;
        }
        List<dev.bedrocksetup.bedrock.ClaudeProfile> fables = catalogue.profiles().stream()
                .filter(p -> p.model() != null && "fable".equals(p.model().family())).toList();
        // the newest, in the prefix Claude Code uses for its own models when the region has it
        String prefix = suggestedPrefix(in);
        return fables.stream().filter(p -> p.id().startsWith(prefix + ".")).findFirst()
                .or(() -> fables.stream().findFirst()).map(dev.bedrocksetup.bedrock.ClaudeProfile::id).orElse(null);
    }

    /** A model ID rather than an alias or "default"/"inherit" (which leave the choice to Claude Code). */
    static boolean isConcreteModel(String v) {
        return v != null && !v.isBlank() && !CLAUDE_CODE_ALIASES.contains(v.trim().toLowerCase(java.util.Locale.ROOT));
    }

    static Finding regionPrefixVariable(Check c, DoctorInputs in) {
        String v = in.effective.value("ANTHROPIC_BEDROCK_REGION_PREFIX");
        if (v == null) {
            return c.ok("not set");
        }
        if (RegionPrefix.override(v) == null) {
            // Claude Code ignores a value that is not a geography and derives the prefix from the region
            // (agreement matrix: "ANTHROPIC_BEDROCK_REGION_PREFIX is not a geography" answers).
            return c.warn("ANTHROPIC_BEDROCK_REGION_PREFIX is \"" + v + "\": Claude Code ignores it and derives the "
                    + "prefix from the region", "use one of us, eu, apac, jp, au, global, or remove it");
        }
        if (RegionPrefix.isGovCloud(in.effectiveRegion())) {
            // Claude Code returns us-gov for a GovCloud region before it reads the variable (decision 0031)
            return c.warn("ANTHROPIC_BEDROCK_REGION_PREFIX is \"" + v + "\", but the region is "
                    + in.effectiveRegion() + ": in GovCloud Claude Code ignores it and uses us-gov.",
                    "remove ANTHROPIC_BEDROCK_REGION_PREFIX from " + SettingsChecks.where(
                            in.effective.entry("ANTHROPIC_BEDROCK_REGION_PREFIX").winner()));
        }
        String ver = in.claudeVersion();
        if (ver != null && ClaudeInstallation.compare(ver, "2.1.224") < 0) {
            return c.warn("Claude Code " + ver + " ignores ANTHROPIC_BEDROCK_REGION_PREFIX (read from 2.1.224)",
                    "npm install -g @anthropic-ai/claude-code@latest");
        }
        return c.ok(v.trim() + ": Claude Code's own models use " + v.trim() + ". profiles");
    }

    /**
     * The prefix to suggest for a fix: the one Claude Code uses for its own models (region and override), when a
     * profile of it can be called from the region; else the region's own.
     */
    static String suggestedPrefix(DoctorInputs in) {
        String region = in.effectiveRegion();
        String p = RegionPrefix.effective(region, in.effective.value(RegionPrefix.OVERRIDE));
        return ModelIds.fitsRegion(p, region) ? p : RegionPrefix.derived(region);
    }

    /** Re-pin a model where it is set (a settings file; the shell is the user's to change). */
    static SafeFix fixModel(DoctorInputs in, String name, String value) {
        EffectiveConfiguration.Source s = in.effective.entry(name).winner();
        if (s == null || s.scope == null) {
            return null;
        }
        if (name.equals("model")) {
            java.util.Map<List<String>, String> m = new java.util.LinkedHashMap<>();
            m.put(List.of("model"), dev.bedrocksetup.json.JsonText.quote(value));
            return new SafeFix(s.scope, m, "set model to " + value + " in " + s.file);
        }
        return SafeFix.setEnv(s.scope, name, value, "set " + name + " to " + value + " in " + s.file);
    }

    static String originOf(DoctorInputs in, String name) {
        EffectiveConfiguration.Source s = in.effective.entry(name).winner();
        return s == null ? "nowhere" : s.origin;
    }
}
