package dev.bedrocksetup.wizard;

import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.OneMillionContext;

/**
 * The 1M-token context window: offered under Customize when Claude Code's table says the primary model takes the
 * {@code [1m]} tag (a natively 1M model needs no tag; a 200K-only one gets nothing from it).
 */
final class OneMillionStep implements Wizard.Step {
    @Override
    public void run(WizardState s) {
        if (s.request.given("model").answered() || s.model == null || ModelIds.ALIASES.contains(s.model)
                || OneMillionContext.of(s.model) != OneMillionContext.Kind.TAKES_TAG) {
            s.oneMillion = false; // a --model value carries its own tag
            return;
        }
        boolean inForce = (s.model + "[1m]").equalsIgnoreCase(String.valueOf(s.request.currentText("model")));
        s.oneMillion = s.optionConfirm("Use the 1M-token context window of " + s.model + " (the [1m] variant)?",
                s.customizing ? s.oneMillion || inForce : inForce);
    }
}
