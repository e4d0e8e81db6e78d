package dev.bedrocksetup.wizard;

import dev.bedrocksetup.claude.SettingsPlacement;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import java.util.ArrayList;
import java.util.List;

/**
 * Which settings file: the summary takes the personal file in force, else the user file; Customize asks. A scope a
 * setting may not go into (an API key in a project file) is refused, and asked.
 */
final class ScopeStep implements Wizard.Step {
    static final String QUESTION = "Which settings file?";

    @Override
    public void run(WizardState s) {
        String given = s.given("scope", QUESTION);
        if (given != null) {
            s.scope = SettingsScope.fromLabel(given);
            if (s.scope == null) {
                throw BedrockSetupException.usage("--scope " + TerminalText.quote(given) + " is not a settings scope",
                        "use user, project, local or managed");
            }
            BedrockSetupException refused = SettingsPlacement.refusal(s.scope, s.wanted());
            if (refused != null) {
                throw refused;
            }
            return;
        }
        List<String> values = new ArrayList<>();
        for (SettingsScope scope : SettingsScope.values()) {
            values.add(scope.label());
        }
        boolean asking = s.customizing;
        while (true) {
            List<String> labels = List.of("user     ~/.claude/settings.json  (recommended)",
                    "project  .claude/settings.json  (shared; applies after workspace trust)",
                    "local    .claude/settings.local.json  (this project, only you)",
                    "managed  machine-wide managed settings  (beats everything; needs admin rights)");
            String now = s.scope == null ? null : s.scope.label();
            String pick = asking ? s.select(QUESTION, labels, values, "scope", now, 0)
                    : s.option(QUESTION, labels, values, "scope", now, 0);
            s.scope = SettingsScope.fromLabel(pick);
            BedrockSetupException refused = SettingsPlacement.refusal(s.scope, s.wanted());
            if (refused == null) {
                return;
            }
            s.ask.say("! " + refused.getMessage() + " (" + refused.fix().replace("--scope ", "") + ")");
            asking = true;
        }
    }
}
