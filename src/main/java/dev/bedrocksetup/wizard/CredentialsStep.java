package dev.bedrocksetup.wizard;

import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.setup.SetupRequest;
import java.util.List;

/** For a profile: AWS_PROFILE in settings env, or awsCredentialExport (which keeps it out of tools). */
final class CredentialsStep implements Wizard.Step {
    static final String QUESTION = "How should Claude Code get its AWS credentials?";

    @Override
    public void run(WizardState s) {
        // new IAM user keys: AWS_PROFILE is the one mode that works (awsCredentialExport refuses keys without a
        // session token, decision 0016)
        if (s.apiKey != null || s.useAmbient || s.accessKeys != null) {
            s.credentialsMode = BedrockSettings.CredentialsMode.ENV;
            return;
        }
        String given = s.given("credentials", QUESTION);
        String pick = given != null ? given : s.select(QUESTION,
                List.of("AWS_PROFILE in settings env  (simple; Bash tools and MCP servers see it too)",
                        "awsCredentialExport  (Claude Code alone gets the credentials; the profile stays out of tools)"),
                List.of("env", "export"), "credentials", label(s.credentialsMode), 0);
        s.credentialsMode = SetupRequest.credentialsMode(pick);
        if (s.credentialsMode == null) {
            throw BedrockSetupException.usage("--credentials " + TerminalText.quote(pick) + " is not a mode",
                    "use --credentials env or --credentials export");
        }
    }

    private static String label(BedrockSettings.CredentialsMode m) {
        return m == BedrockSettings.CredentialsMode.EXPORT ? "export" : null;
    }
}
