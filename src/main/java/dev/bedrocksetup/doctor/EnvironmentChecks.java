package dev.bedrocksetup.doctor;

import dev.bedrocksetup.claude.EffectiveConfiguration;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.json.JsonDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Token limits, certificates and proxies, and the VS Code extension's settings. */
final class EnvironmentChecks {
    private EnvironmentChecks() {}

    static final String GROUP_TOKENS = "Token settings";
    static final String GROUP_NETWORK = "Network";
    static final String GROUP_IDE = "IDE";

    static List<Check> all() {
        return List.of(
            new Check("tokens.max-output", GROUP_TOKENS, "CLAUDE_CODE_MAX_OUTPUT_TOKENS does not truncate",
                    "truncated answers", false, EnvironmentChecks::maxOutput),
            new Check("tokens.thinking", GROUP_TOKENS, "MAX_THINKING_TOKENS is below the output limit",
                    "\"max_tokens must be greater than thinking.budget_tokens\"", false, EnvironmentChecks::thinking),
            new Check("network.ca-certs", GROUP_NETWORK, "NODE_EXTRA_CA_CERTS reaches Claude Code",
                    "\"Self-signed certificate detected\" behind a TLS-inspecting proxy", false,
                    EnvironmentChecks::caCerts),
            new Check("ide.vscode", GROUP_IDE, "VS Code extension settings",
                    "VS Code stuck on the Anthropic login", false, EnvironmentChecks::vscode));
    }

    static Integer number(String v) {
        try {
            return v == null ? null : Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    static Finding maxOutput(Check c, DoctorInputs in) {
        Integer n = number(in.effective.value("CLAUDE_CODE_MAX_OUTPUT_TOKENS"));
        if (n == null) {
            return c.ok("not set (Claude Code's default)");
        }
        String origin = in.effective.entry("CLAUDE_CODE_MAX_OUTPUT_TOKENS").winner().origin;
        if (n == Integer.MIN_VALUE || n <= 0) {
            // Claude Code ignores a value that is not a positive number and uses the model's default limit
            // (agreement matrix: "max output tokens not a number" answers), so this is a leftover, not a stop.
            return c.warn("CLAUDE_CODE_MAX_OUTPUT_TOKENS is not a positive number (from " + origin + "): Claude Code "
                    + "ignores it and uses the model's default limit", "remove it, or set a number such as \"32000\"");
        }
        if (n <= 4096) {
            return c.warn("CLAUDE_CODE_MAX_OUTPUT_TOKENS is " + n + " (from " + origin + "): current models' answers "
                    + "get cut off", "remove it, or raise it to 32000 or more");
        }
        return c.ok(n.toString());
    }

    static Finding thinking(Check c, DoctorInputs in) {
        Integer t = number(in.effective.value("MAX_THINKING_TOKENS"));
        Integer o = number(in.effective.value("CLAUDE_CODE_MAX_OUTPUT_TOKENS"));
        if (t == null) {
            return c.ok("not set");
        }
        if (t == Integer.MIN_VALUE || t < 0) {
            return c.fail("MAX_THINKING_TOKENS is not a number", "remove it, or set a number such as \"8000\"");
        }
        if (o != null && o != Integer.MIN_VALUE && t >= o) {
            return c.fail("MAX_THINKING_TOKENS " + t + " is not below CLAUDE_CODE_MAX_OUTPUT_TOKENS " + o
                    + ": every request with thinking is rejected", "lower MAX_THINKING_TOKENS below " + o);
        }
        return c.ok(t.toString());
    }

    static Finding caCerts(Check c, DoctorInputs in) {
        EffectiveConfiguration.Entry e = in.effective.entry("NODE_EXTRA_CA_CERTS");
        if (e.winner() == null) {
            return c.ok("not set");
        }
        String file = e.winner().text();
        if (!Files.isReadable(in.env.home().resolve(file))) {
            // Node prints a warning and starts without the extra certificates (agreement matrix: "NODE_EXTRA_CA_CERTS
            // names a missing file" answers); it only matters behind a TLS-inspecting proxy.
            return c.warn("NODE_EXTRA_CA_CERTS names " + file + ", which cannot be read: Node warns and carries on "
                    + "without it, so behind a TLS-inspecting proxy Claude Code fails with \"self-signed certificate\"",
                    "point it at your organisation's CA bundle (a PEM file), or remove it");
        }
        boolean fromShell = false;
        for (EffectiveConfiguration.Source s : e.sources) {
            if (s.file == null) {
                fromShell = true;
            }
        }
        if (!fromShell) {
            return c.warn("NODE_EXTRA_CA_CERTS is set only in " + e.winner().origin
                    + ": Node reads it at start-up, before settings apply", "export NODE_EXTRA_CA_CERTS=" + file
                    + " in your shell profile before starting Claude Code");
        }
        return c.ok(file);
    }

    static Path vscodeSettings(DoctorInputs in) {
        return dev.bedrocksetup.claude.VsCodeSettings.path(in.env);
    }

    static Finding vscode(Check c, DoctorInputs in) {
        Path p = vscodeSettings(in);
        String text;
        try {
            text = TextFile.readOrNull(p);
        } catch (RuntimeException e) {
            return c.warn(p + " cannot be read", "check its permissions");
        }
        if (text == null || text.isBlank()) {
            return c.skipped("no VS Code user settings");
        }
        Map<?, ?> root;
        try {
            Object v = JsonDocument.parseLenient(text).root().toValue();
            if (!(v instanceof Map)) {
                return c.warn(p + " is not a JSON object", "fix the file in VS Code");
            }
            root = (Map<?, ?>) v;
        } catch (Exception e) {
            return c.warn(p + " cannot be parsed: " + e.getMessage(), "fix the file in VS Code");
        }
        Object vars = root.get("claudeCode.environmentVariables");
        if (vars == null && !root.containsKey("claudeCode.disableLoginPrompt")) {
            return c.skipped("the Claude Code extension is not configured in VS Code");
        }
        if (vars != null && !(vars instanceof List)) {
            return c.fail("claudeCode.environmentVariables must be an ARRAY of {\"name\": ..., \"value\": ...}, not an "
                    + "object", "\"claudeCode.environmentVariables\": [{\"name\": \"CLAUDE_CODE_USE_BEDROCK\", "
                    + "\"value\": \"1\"}]");
        }
        if (vars != null) {
            for (Object o : (List<?>) vars) {
                if (!(o instanceof Map) || !(((Map<?, ?>) o).get("name") instanceof String)
                        || !(((Map<?, ?>) o).get("value") instanceof String)) {
                    return c.fail("an entry of claudeCode.environmentVariables is not {\"name\": string, \"value\": "
                            + "string}", "write each variable as {\"name\": \"AWS_REGION\", \"value\": \"us-west-2\"}");
                }
            }
        }
        if (!Boolean.TRUE.equals(root.get("claudeCode.disableLoginPrompt"))) {
            return c.warn("claudeCode.disableLoginPrompt is not true: the extension may ask for an Anthropic login",
                    "add \"claudeCode.disableLoginPrompt\": true to " + p);
        }
        return c.ok("VS Code extension settings are well formed");
    }
}
