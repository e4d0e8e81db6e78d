package dev.bedrocksetup.wizard;

import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.setup.SetupRequest;
import java.util.List;

/**
 * For an SSO profile: what Claude Code runs when the login has expired (awsAuthRefresh). The summary takes the one in
 * force, else bedrock-setup login; Customize asks.
 */
final class RefreshStep implements Wizard.Step {
    static final String QUESTION = "When the SSO login expires, Claude Code runs (awsAuthRefresh)";
    private static final List<String> VALUES = List.of("login", "aws-cli", "none");

    @Override
    public void run(WizardState s) {
        if (!s.sso) {
            s.refresh = null;
            return;
        }
        String given = s.given("auth-refresh", QUESTION);
        String pick = given != null ? given : s.option(QUESTION, List.of(
                "bedrock-setup login  (recommended: no AWS CLI needed)", "aws sso login  (needs the AWS CLI)", "none"),
                VALUES, "auth-refresh", s.refresh == null ? null : VALUES.get(s.refresh.ordinal()), 0);
        s.refresh = SetupRequest.authRefresh(pick);
        if (s.refresh == null) {
            throw BedrockSetupException.usage("--auth-refresh " + TerminalText.quote(pick) + " is not a mode",
                    "use login, aws-cli or none");
        }
    }
}
