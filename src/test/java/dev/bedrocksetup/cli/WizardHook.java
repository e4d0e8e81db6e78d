package dev.bedrocksetup.cli;

import dev.bedrocksetup.wizard.Prompter;

/** Lets tests outside this package script the wizard's answers. */
public final class WizardHook {
    private WizardHook() {}

    public static void use(Prompter p) {
        CliContext.prompterSeam = p;
    }
}
