package dev.bedrocksetup.doctor;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import dev.bedrocksetup.claude.SettingsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Claude Code's installation and its settings files. */
final class SettingsChecks {
    private SettingsChecks() {}

    static final String GROUP_INSTALL = "Claude Code";
    static final String GROUP = "Settings files";
    /** Provider variables that Claude Code needs before the first request. */
    static final List<String> PROVIDER_VARIABLES = List.of("CLAUDE_CODE_USE_BEDROCK", "AWS_REGION", "AWS_PROFILE",
            "AWS_BEARER_TOKEN_BEDROCK");

    static List<Check> all() {
        return List.of(
            new Check("claude.installed", GROUP_INSTALL, "Claude Code is installed",
                    "`claude` not found", false, SettingsChecks::installed),
            new Check("settings.outside-project", GROUP, "Project settings stay inside the project",
                    "a cloned project's .claude/settings.json is a link to a file elsewhere (~/.docker/config.json)",
                    false, SettingsChecks::outsideProject),
            new Check("settings.syntax", GROUP, "Settings files are strict JSON",
                    "Bedrock silently off: Claude Code skips a file with a comment or trailing comma", false,
                    SettingsChecks::syntax),
            new Check("settings.env-types", GROUP, "env values are strings",
                    "a number in env crashed Claude Code 2.1.94 (2.1.330 reads it as its text)", false,
                    SettingsChecks::envTypes),
            new Check("settings.wrong-file", GROUP, "No settings in ~/.claude.json",
                    "awsAuthRefresh ignored", false, SettingsChecks::wrongFile),
            new Check("settings.bedrock-enabled", GROUP, "CLAUDE_CODE_USE_BEDROCK is on",
                    "Claude Code asks to log in to Anthropic instead of using Bedrock", false,
                    SettingsChecks::bedrockEnabled),
            new Check("settings.bedrock-shadowed", GROUP, "No file switches Bedrock off",
                    "settings.local.json with CLAUDE_CODE_USE_BEDROCK \"0\" silently beats the user file", false,
                    SettingsChecks::bedrockShadowed),
            new Check("settings.workspace-trust", GROUP, "Provider settings apply before workspace trust",
                    "login prompt on the first run in a project", false, SettingsChecks::workspaceTrust));
    }

    static Finding installed(Check c, DoctorInputs in) {
        ClaudeInstallation claude = in.claude();
        if (claude == null) {
            return c.warn("`claude` is not on PATH, so what Claude Code will do cannot be confirmed",
                    "npm install -g @anthropic-ai/claude-code");
        }
        if (claude.version == null) {
            return c.warn(claude.executable + " did not report its version", claude.executable + " --version");
        }
        return c.ok("Claude Code " + claude.version + " at " + claude.executable);
    }

    static Finding outsideProject(Check c, DoctorInputs in) {
        List<String> links = new ArrayList<>();
        for (SettingsSnapshot.FileState f : in.settings.files()) {
            if (f.outside != null) {
                links.add(f.path + " leads to " + f.outside);
            }
        }
        if (links.isEmpty()) {
            return c.ok("project and local settings are files inside the project");
        }
        return c.warn(String.join("; ", links) + ", outside the project: bedrock-setup neither reads nor writes it, "
                + "and Claude Code would read it as this project's settings",
                "if the project is not yours to trust, remove the link; else replace it with a file of its own");
    }

    static Finding syntax(Check c, DoctorInputs in) {
        List<String> problems = new ArrayList<>();
        for (SettingsSnapshot.FileState f : in.settings.files()) {
            if (f.exists && f.problem != null) {
                problems.add(f.problem);
            }
        }
        if (problems.isEmpty()) {
            return c.ok("every settings file that exists is valid JSON");
        }
        return c.fail("Claude Code skips these files entirely (no error in -p mode): " + String.join("; ", problems),
                "correct the file at that line (JSON allows no comments and no trailing commas)");
    }

    static Finding envTypes(Check c, DoctorInputs in) {
        List<String> bad = new ArrayList<>();
        // a number is read as its text by the Claude Code versions checked (2.1.330, 2.1.332; decision 0016): a
        // warning, as older versions crashed on it; anything else is not a value Claude Code can use
        boolean onlyNumbers = true;
        String example = null;
        SafeFix safe = null;
        for (SettingsSnapshot.FileState f : in.settings.files()) {
            Object env = f.root.get("env");
            if (env != null && !(env instanceof Map)) {
                bad.add(f.path + ": \"env\" is not an object");
                continue;
            }
            if (env instanceof Map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) env).entrySet()) {
                    if (!(e.getValue() instanceof String)) {
                        bad.add(f.path + ": env." + e.getKey());
                        onlyNumbers &= e.getValue() instanceof java.math.BigDecimal;
                        // every scalar of one file is quoted in the same round (objects and arrays need a person)
                        if ((safe == null || safe.scope == f.scope) && !(e.getValue() instanceof Map)
                                && !(e.getValue() instanceof List)) {
                            String text = dev.bedrocksetup.json.JsonText.write(e.getValue());
                            SafeFix one = SafeFix.setEnv(f.scope, (String) e.getKey(), text,
                                    "quote env." + e.getKey() + " in " + f.path);
                            safe = safe == null ? one : safe.and(one);
                        }
                        if (example == null) {
                            example = "\"" + e.getKey() + "\": \"" + dev.bedrocksetup.json.JsonText.write(e.getValue())
                                    .replace("\"", "") + "\"";
                        }
                    }
                }
            }
        }
        if (bad.isEmpty()) {
            return c.ok("all env values are JSON strings");
        }
        String fix = example == null ? "make env an object of strings" : "quote the value, e.g. " + example;
        if (onlyNumbers) {
            return c.warn("env values should be JSON strings; numbers: " + String.join(", ", bad) + " (Claude Code "
                    + "2.1.330 reads a number as its text; older versions crashed on it)", fix).withSafeFix(safe);
        }
        return c.fail("env values must be JSON strings; not strings: " + String.join(", ", bad), fix)
                .withSafeFix(safe);
    }

    static Finding wrongFile(Check c, DoctorInputs in) {
        SettingsSnapshot.FileState g = in.settings.globalConfig();
        List<String> misplaced = new ArrayList<>();
        for (String k : List.of("awsAuthRefresh", "awsCredentialExport", "env")) {
            if (g.root.containsKey(k)) {
                misplaced.add(k);
            }
        }
        if (misplaced.isEmpty()) {
            return c.ok("~/.claude.json holds no settings keys");
        }
        java.util.Map<List<String>, String> copy = new java.util.LinkedHashMap<>();
        for (String k : misplaced) {
            if (!k.equals("env") && !in.settings.file(dev.bedrocksetup.claude.SettingsScope.USER).root.containsKey(k)
                    && g.root.get(k) instanceof String) {
                copy.put(List.of(k), dev.bedrocksetup.json.JsonText.quote((String) g.root.get(k)));
            }
        }
        String move = "move " + String.join(", ", misplaced) + " into "
                + in.locations.userConfigDir().resolve("settings.json");
        SafeFix fix = copy.isEmpty() ? null : new SafeFix(dev.bedrocksetup.claude.SettingsScope.USER, copy,
                "copy " + String.join(", ", copy.keySet().stream().map(l -> l.get(0)).toArray(String[]::new))
                        + " into user settings");
        if (misplaced.equals(List.of("env"))) {
            // Claude Code 2.1.330 still applies this legacy env block (below every settings file, above the shell;
            // agreement matrix: "env written to ~/.claude.json instead of settings" answers)
            return c.warn(g.path + " has env: Claude Code still applies it (a legacy place, below every settings "
                    + "file), but it is state, not settings, and a later version may stop reading it", move);
        }
        return c.fail(g.path + " has " + String.join(", ", misplaced)
                + ", which Claude Code ignores there (it is state, not settings)", move)
                .withSafeFix(fix);
    }

    static Finding bedrockEnabled(Check c, DoctorInputs in) {
        EffectiveConfiguration.Entry e = in.effective.entry("CLAUDE_CODE_USE_BEDROCK");
        if (e.winner() == null) {
            return c.fail("CLAUDE_CODE_USE_BEDROCK is not set anywhere: Claude Code will not use Bedrock",
                    "bedrock-setup init");
        }
        if (!in.effective.isTruthy("CLAUDE_CODE_USE_BEDROCK")) {
            return c.fail("CLAUDE_CODE_USE_BEDROCK is \"" + e.winner().text() + "\" (from " + e.winner().origin
                    + "): Claude Code will not use Bedrock", "set it to \"1\" in " + where(e.winner()));
        }
        return c.ok("on (from " + e.winner().origin + ")");
    }

    static Finding bedrockShadowed(Check c, DoctorInputs in) {
        EffectiveConfiguration.Entry e = in.effective.entry("CLAUDE_CODE_USE_BEDROCK");
        if (e.winner() != null && !in.effective.isTruthy("CLAUDE_CODE_USE_BEDROCK")) {
            for (EffectiveConfiguration.Source s : e.shadowed()) {
                if (dev.bedrocksetup.claude.ClaudeCodeValues.isOn(s.text())) {
                    return c.fail(e.winner().origin + " sets CLAUDE_CODE_USE_BEDROCK to \"" + e.winner().text()
                            + "\" and beats " + s.origin + ", which turns it on",
                            "remove CLAUDE_CODE_USE_BEDROCK from " + where(e.winner()));
                }
            }
        }
        return c.ok("no higher-precedence setting turns Bedrock off");
    }

    static Finding workspaceTrust(Check c, DoctorInputs in) {
        List<String> onlyProject = new ArrayList<>();
        for (String v : PROVIDER_VARIABLES) {
            EffectiveConfiguration.Entry e = in.effective.entry(v);
            if (e.winner() == null) {
                continue;
            }
            boolean elsewhere = false;
            for (EffectiveConfiguration.Source s : e.sources) {
                if (!s.origin.startsWith("project") && !s.origin.startsWith("local")) {
                    elsewhere = true;
                }
            }
            if (!elsewhere) {
                onlyProject.add(v);
            }
        }
        if (onlyProject.isEmpty()) {
            return c.ok("provider settings come from user or managed settings or the shell");
        }
        return c.warn(String.join(", ", onlyProject) + " only in project/local settings, which apply after you "
                + "accept workspace trust: the first run asks for an Anthropic login",
                "bedrock-setup init --scope user (or move them into ~/.claude/settings.json)");
    }

    static String where(EffectiveConfiguration.Source s) {
        return s.file == null ? "your shell environment" : s.file.toString();
    }
}
