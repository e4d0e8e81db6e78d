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
        CancelNotice cancel = null;
        try {
            if (prompter == null) {
                terminal = EarlyTerminal.take();
                Trace.mark("wizard: terminal open");
                cancel = new CancelNotice(terminal, ctx);
                // a terminal that cannot move its cursor gets numbered lists and typed lines instead of drawn lists
                // what the AWS calls after the answers need is prepared while the user reads the first question
                prompter = PlainPrompter.needed(terminal)
                        ? new PlainPrompter(terminal, ctx.style).afterFirstQuestion(Warmup::start)
                        : new TerminalPrompter(terminal, ctx.style).afterFirstQuestion(Warmup::start);
            }
            wizard.apply(prompter).run();
            return 0;
        } catch (Prompter.Cancelled c) {
            if (cancel == null || !cancel.said.getAndSet(true)) {
                sayCancelled(ctx);
            }
            return ExitCode.INTERRUPTED;
        } catch (IOException e) {
            throw BedrockSetupException.local("cannot open the terminal: " + e.getMessage(),
                    "run non-interactively: bedrock-setup init --yes ...", e);
        } finally {
            if (cancel != null) {
                cancel.withdraw();
            }
            if (terminal != null) {
                try {
                    terminal.close();
                } catch (IOException ignored) {
                    // leaving anyway
                }
            }
        }
    }

    private static void sayCancelled(CliContext ctx) {
        ctx.err.println();
        ctx.err.println("Cancelled: nothing was written.");
        ctx.err.flush();
    }

    /**
     * Ctrl-C while the wizard waits on AWS (a listing, a login, the test calls) is a signal, not a key. On a full
     * terminal jline passed it to the JVM's default, which ended the process without a word; on a plain one the JVM
     * ended it through its shutdown hooks, also without a word. Both now say what Ctrl-C at a question says, once, and
     * end with 130, when no change has begun to be written; once one has, they end as before, silently (the journal
     * finishes or rolls the change back at the next run, and says so then).
     */
    private static final class CancelNotice {
        private final CliContext ctx;
        private final java.util.concurrent.atomic.AtomicBoolean said = new java.util.concurrent.atomic.AtomicBoolean();
        private final Thread hook = new Thread(this::say, "wizard-cancelled");

        CancelNotice(Terminal terminal, CliContext ctx) {
            this.ctx = ctx;
            terminal.handle(Terminal.Signal.INT, signal -> {
                say();
                System.exit(ExitCode.INTERRUPTED);
            });
            Runtime.getRuntime().addShutdownHook(hook);
        }

        private void say() {
            if (!dev.bedrocksetup.fs.ChangeApplier.writesBegun() && !said.getAndSet(true)) {
                sayCancelled(ctx);
            }
        }

        /** The wizard ended by itself: no notice at the process's exit. */
        void withdraw() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs, or has run
            }
        }
    }
}
