package dev.bedrocksetup.wizard;

import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.setup.SetupRequest;
import java.util.List;

/**
 * For a profile: AWS_PROFILE in settings env, or awsCredentialExport (which keeps it out of tools). With AWS_PROFILE,
 * the offer to scrub AWS credentials from the environment of the tools Claude Code runs
 * (CLAUDE_CODE_SUBPROCESS_ENV_SCRUB). The summary takes the mode in force, else AWS_PROFILE; Customize asks.
 */
final class CredentialsStep implements Wizard.Step {
    static final String QUESTION = "How should Claude Code get its AWS credentials?";
    static final String SCRUB = "Keep AWS credentials out of the tools Claude Code runs (CLAUDE_CODE_SUBPROCESS_ENV_SCRUB)?";

    @Override
    public void run(WizardState s) {
        s.scrub = null;
        // new IAM user keys: AWS_PROFILE is the one mode that works (awsCredentialExport refuses keys without a
        // session token, decision 0016)
        if (s.apiKey != null || s.useAmbient || s.accessKeys != null) {
            s.credentialsMode = BedrockSettings.CredentialsMode.ENV;
            return;
        }
        String given = s.given("credentials", QUESTION);
        String pick = given != null ? given : s.option(QUESTION,
                List.of("AWS_PROFILE in settings env  (simple; Bash tools and MCP servers see it too)",
                        "awsCredentialExport  (Claude Code alone gets the credentials; the profile stays out of tools)"),
                List.of("env", "export"), "credentials", label(s.credentialsMode), 0);
        s.credentialsMode = SetupRequest.credentialsMode(pick);
        if (s.credentialsMode == null) {
            throw BedrockSetupException.usage("--credentials " + TerminalText.quote(pick) + " is not a mode",
                    "use --credentials env or --credentials export");
        }
        if (s.credentialsMode == BedrockSettings.CredentialsMode.ENV && s.given("scrub-subprocess-env", SCRUB) == null) {
            boolean inForce = "true".equals(s.request.currentText("scrub-subprocess-env"));
            if (s.customizing) {
                s.ask.say("  With AWS_PROFILE, the Bash tool, hooks and MCP servers inherit the profile; scrubbing keeps "
                        + "AWS credentials out of the tools Claude Code runs (Claude Code itself still uses them)");
            }
            boolean scrub = s.optionConfirm(SCRUB, inForce);
            s.scrub = scrub == inForce ? null : scrub; // unchanged: the setting in force stays as it is
        }
    }

    private static String label(BedrockSettings.CredentialsMode m) {
        return m == BedrockSettings.CredentialsMode.EXPORT ? "export" : "env";
    }
}
