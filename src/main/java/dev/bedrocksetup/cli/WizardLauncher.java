package dev.bedrocksetup.cli;

import dev.bedrocksetup.aws.Warmup;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.core.Trace;
import dev.bedrocksetup.wizard.PlainPrompter;
import dev.bedrocksetup.wizard.Prompter;
import dev.bedrocksetup.wizard.TerminalPrompter;
import dev.bedrocksetup.wizard.Wizard;
import java.io.IOException;
import java.util.function.Function;
import org.jline.terminal.Terminal;

/** Opens the terminal for the wizard (or takes the tests' script), runs it, and turns Ctrl-C into exit 130. */
final class WizardLauncher {
    private WizardLauncher() {}

    static int run(CliContext ctx, Prompter scripted, Function<Prompter, Wizard> wizard) {
        Terminal terminal = null;
        Prompter prompter = scripted;
        try {
            if (prompter == null) {
                terminal = EarlyTerminal.take();
                Trace.mark("wizard: terminal open");
                // a terminal that cannot move its cursor gets numbered lists and typed lines instead of drawn lists
                // what the AWS calls after the answers need is prepared while the user reads the first question
                prompter = PlainPrompter.needed(terminal)
                        ? new PlainPrompter(terminal, ctx.style).afterFirstQuestion(Warmup::start)
                        : new TerminalPrompter(terminal, ctx.style).afterFirstQuestion(Warmup::start);
            }
            wizard.apply(prompter).run();
            return 0;
        } catch (Prompter.Cancelled c) {
            ctx.err.println();
            ctx.err.println("Cancelled: nothing was written.");
            return ExitCode.INTERRUPTED;
        } catch (IOException e) {
            throw BedrockSetupException.local("cannot open the terminal: " + e.getMessage(),
                    "run non-interactively: bedrock-setup init --yes ...", e);
        } finally {
            if (terminal != null) {
                try {
                    terminal.close();
                } catch (IOException ignored) {
                    // leaving anyway
                }
            }
        }
    }
}
