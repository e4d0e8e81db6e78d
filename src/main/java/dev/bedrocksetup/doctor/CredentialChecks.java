package dev.bedrocksetup.doctor;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where Claude Code's AWS credentials come from, checked without calling AWS. */
final class CredentialChecks {
    private CredentialChecks() {}

    static final String GROUP = "Credentials";

    static List<Check> all() {
        return List.of(
            new Check("credentials.source", GROUP, "A credential source is configured",
                    "\"Could not load credentials from any providers\"", false, CredentialChecks::source),
            new Check("credentials.profile-and-keys", GROUP, "Not both AWS_PROFILE and access keys",
                    "the SDKs pick different identities", false, CredentialChecks::profileAndKeys),
            new Check("credentials.api-key", GROUP, "The Bedrock API key is usable",
                    "403 with an API key: empty, expired or for another region", false, CredentialChecks::apiKey),
            new Check("credentials.foreign-token", GROUP, "No Anthropic token is configured beside Bedrock",
                    "\"Invalid API Key format: Must start with pre-defined prefix\" (older Claude Code, gateways)",
                    false, CredentialChecks::foreignToken),
            new Check("credentials.auth-refresh", GROUP, "awsAuthRefresh can run",
                    "expired credentials are never refreshed", false, CredentialChecks::authRefresh),
            new Check("credentials.export-command", GROUP, "awsCredentialExport can run",
                    "\"Could not load credentials\" at session start", false, CredentialChecks::exportCommand));
    }

    static Finding source(Check c, DoctorInputs in) {
        EffectiveConfiguration e = in.effective;
        if (e.isTruthy("CLAUDE_CODE_SKIP_BEDROCK_AUTH")) {
            // Claude Code then resolves no credentials and sends its Bedrock calls unsigned: AWS answers 403
            // "Missing Authentication Token" (2.1.330, 2.1.332; decision 0016); only a gateway can sign them
            EffectiveConfiguration.Source skip = e.entry("CLAUDE_CODE_SKIP_BEDROCK_AUTH").winner();
            String gateway = in.online().environment().nonBlank(BedrockEndpoints.BASE_URL);
            if (gateway == null) {
                return c.fail("CLAUDE_CODE_SKIP_BEDROCK_AUTH is on (from " + skip.origin + "): Claude Code sends its "
                        + "Bedrock calls unsigned, and without ANTHROPIC_BEDROCK_BASE_URL they go to AWS, which refuses "
                        + "them (403 Missing Authentication Token)", "remove CLAUDE_CODE_SKIP_BEDROCK_AUTH from "
                        + SettingsChecks.where(skip) + ", or set ANTHROPIC_BEDROCK_BASE_URL to your gateway, which signs "
                        + "the calls");
            }
            return c.ok("none: CLAUDE_CODE_SKIP_BEDROCK_AUTH (from " + skip.origin + ") sends the calls unsigned to the "
                    + "gateway " + gateway + " (ANTHROPIC_BEDROCK_BASE_URL), which must sign them (the online model "
                    + "check sends one)");
        }
        if (e.isSet("AWS_BEARER_TOKEN_BEDROCK")) {
            return c.ok("Bedrock API key (AWS_BEARER_TOKEN_BEDROCK, from "
                    + e.entry("AWS_BEARER_TOKEN_BEDROCK").winner().origin + ")");
        }
        if (e.isSet("awsCredentialExport")) {
            return c.ok("awsCredentialExport command");
        }
        if (e.isSet("AWS_PROFILE")) {
            return c.ok("profile " + e.value("AWS_PROFILE") + " (from " + e.entry("AWS_PROFILE").winner().origin + ")");
        }
        if (e.isSet("AWS_ACCESS_KEY_ID")) {
            return c.ok("access keys in the environment");
        }
        if (AwsProfileChecks.profileExists(in, "default")) {
            return c.ok("the [default] profile");
        }
        return c.fail("no AWS_PROFILE, no access keys, no API key, no awsCredentialExport and no [default] profile",
                "bedrock-setup init");
    }

    static Finding profileAndKeys(Check c, DoctorInputs in) {
        if (in.effective.isSet("AWS_PROFILE") && in.effective.isSet("AWS_ACCESS_KEY_ID")) {
            EffectiveConfiguration.Source keys = in.effective.entry("AWS_ACCESS_KEY_ID").winner();
            // a warning: Claude Code (2.1.330, 2.1.332) uses the profile today, and its SDK warns that a future
            // version may prefer the keys; the AWS CLI already does (decision 0016)
            return c.warn("AWS_PROFILE=" + in.effective.value("AWS_PROFILE") + " and AWS_ACCESS_KEY_ID (from "
                    + keys.origin + ") are both set: Claude Code uses the profile, the AWS CLI the keys, and a future "
                    + "Claude Code may switch to the keys",
                    keys.file == null ? "unset AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN in your shell"
                            : "remove AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from " + keys.file);
        }
        return c.ok("one credential source");
    }

    static Finding apiKey(Check c, DoctorInputs in) {
        EffectiveConfiguration.Entry e = in.effective.entry("AWS_BEARER_TOKEN_BEDROCK");
        if (e.winner() == null) {
            return c.skipped("no Bedrock API key configured");
        }
        if (e.winner().text().isBlank()) {
            // an empty key is no key: Claude Code (2.1.330, 2.1.332) signs with the credential chain (decision 0016)
            return c.warn("AWS_BEARER_TOKEN_BEDROCK is set but empty (from " + e.winner().origin
                    + "): Claude Code ignores it and signs its calls with AWS credentials",
                    "remove AWS_BEARER_TOKEN_BEDROCK from " + SettingsChecks.where(e.winner())
                            + ", or set the key: bedrock-setup init --auth bedrock-api-key");
        }
        return c.ok("set (" + e.display(e.winner()) + "); a short-term key lasts at most 12 h and works only in its "
                + "region");
    }

    static Finding foreignToken(Check c, DoctorInputs in) {
        for (String n : List.of("ANTHROPIC_AUTH_TOKEN", "apiKeyHelper")) {
            EffectiveConfiguration.Entry e = in.effective.entry(n);
            if (e.winner() != null && in.effective.isTruthy("CLAUDE_CODE_USE_BEDROCK")) {
                // a warning: on Bedrock, Claude Code 2.1.330 and 2.1.332 send neither and their signed calls answer
                // (decision 0016); the catalogue's "Invalid API Key format" came from versions that sent it
                return c.warn(n + " (from " + e.winner().origin + ") is set beside Bedrock: today's Claude Code "
                        + "ignores it there, older versions sent it to Bedrock, which rejects it",
                        "remove " + n + " from " + SettingsChecks.where(e.winner()));
            }
        }
        return c.ok("no Anthropic token configured");
    }

    static Finding authRefresh(Check c, DoctorInputs in) {
        String cmd = in.effective.value("awsAuthRefresh");
        if (cmd == null) {
            return c.skipped("no awsAuthRefresh configured");
        }
        String refreshed = dev.bedrocksetup.claude.AuthRefreshCommand.profileNamed(cmd);
        String used = in.effective.value("AWS_PROFILE");
        if (refreshed != null && used != null && !refreshed.equals(used)) {
            return c.warn("awsAuthRefresh logs in profile " + refreshed + ", but Claude Code uses AWS_PROFILE " + used
                    + " (from " + in.effective.entry("AWS_PROFILE").winner().origin + "): an expired login of " + used
                    + " is never renewed", "bedrock-setup init --profile " + used + " (moves awsAuthRefresh along), "
                    + "or change --profile in awsAuthRefresh");
        }
        Finding f = commandRunnable(c, in, cmd, "awsAuthRefresh");
        // Claude Code runs it only when the credentials fail; while the login is valid it answers without it
        // (2.1.330, 2.1.332; decision 0016): a warning about the next expiry, the login checks fail the login itself
        return f.status == Status.FAIL ? c.warn(f.detail + ": when the login expires, Claude Code cannot renew it",
                f.fix) : f;
    }

    static Finding exportCommand(Check c, DoctorInputs in) {
        String cmd = in.effective.value("awsCredentialExport");
        if (cmd == null) {
            return c.skipped("no awsCredentialExport configured");
        }
        return commandRunnable(c, in, cmd, "awsCredentialExport");
    }

    /** The command's program exists (an absolute path, or a name on PATH). */
    static Finding commandRunnable(Check c, DoctorInputs in, String cmd, String key) {
        String program = firstWord(cmd);
        boolean found;
        try {
            found = program.contains("/") ? Files.isExecutable(Path.of(program))
                    : ClaudeInstallation.onPath(in.env, program) != null;
        } catch (java.nio.file.InvalidPathException e) {
            return c.fail(key + " runs `" + program + "`, which no file can be named (" + e.getReason() + ")",
                    "fix the command in " + key + ", or run bedrock-setup init");
        }
        if (!found) {
            String fix = program.equals("aws") ? "install the AWS CLI, or let bedrock-setup log in: "
                    + "bedrock-setup init --auth-refresh login" : "fix the path in " + key + ", or run bedrock-setup init";
            return c.fail(key + " runs `" + program + "`, which is not " + (program.contains("/") ? "there" : "on PATH"),
                    fix);
        }
        return c.ok(key + ": " + cmd);
    }

    static String firstWord(String cmd) {
        String t = cmd.trim();
        if (t.startsWith("'") || t.startsWith("\"")) {
            int end = t.indexOf(t.charAt(0), 1);
            return end > 0 ? t.substring(1, end) : t.substring(1);
        }
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }
}
