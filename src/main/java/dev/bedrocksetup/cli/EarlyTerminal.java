package dev.bedrocksetup.cli;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The wizard's terminal, opened on a second thread while the main thread builds the command model: before the first
 * question both must be done, they take about as long each (jline loads its native library and asks the system's
 * terminfo; picocli reflects over init's options), and they share nothing (docs/performance.md, decision 0044).
 * Started only for {@code init} (or {@code setup}) on a terminal without {@code --yes} or help; a terminal opened
 * for a command that then stops before its first question (a usage error) is closed by jline's own exit hook.
 */
final class EarlyTerminal {
    private EarlyTerminal() {}

    private static FutureTask<Terminal> opening;

    /**
     * jline's log, silenced: it reports what it falls back from with a stack trace (a terminal type the system's
     * terminfo does not know, as TERM=xterm-kitty over ssh is), above the first question. What the wizard needs to
     * know of the terminal it asks itself (PlainPrompter). Held here: a logger only weakly held forgets its level.
     */
    private static java.util.logging.Logger jlineLog; // set when a terminal opens: every command loads this class

    /** Starts opening the system terminal when these arguments will run the wizard on one. */
    static void startFor(String[] args, boolean interactive) {
        if (!interactive || args.length == 0 || !InitCommand.named(args[0])) {
            return;
        }
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--yes") || a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V")) {
                return;
            }
        }
        FutureTask<Terminal> task = new FutureTask<>(EarlyTerminal::open);
        Thread t = new Thread(task, "terminal");
        t.setDaemon(true);
        t.start();
        opening = task;
    }

    /** The system terminal: the one started early when there is one, else opened now. */
    static Terminal take() throws IOException {
        FutureTask<Terminal> task = opening;
        opening = null;
        if (task == null) {
            return open();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the terminal", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The system terminal through jline's native provider, without the two programs jline would otherwise run at
     * every start (decision 0049): its {@code exec} provider is asked too, which runs {@code test -t 1}, and the
     * terminal type's capabilities come from running {@code infocmp}. For the common types jline carries (xterm,
     * xterm-256color, screen, rxvt...) its own copy is used; the wizard needs no more from them than whether the
     * cursor can move up. Where the native provider cannot open the terminal (no native library for the platform,
     * a temporary directory mounted noexec), jline's own choice among all its providers, as before.
     */
    private static Terminal open() throws IOException {
        jlineLog = java.util.logging.Logger.getLogger("org.jline");
        jlineLog.setLevel(java.util.logging.Level.OFF);
        useBundledCapabilities(System.getenv("TERM"));
        try {
            Terminal t = TerminalBuilder.builder().system(true).exec(false).dumb(false).build();
            dev.bedrocksetup.core.Trace.mark("terminal built");
            return t;
        } catch (IllegalStateException noNativeTerminal) {
            return TerminalBuilder.builder().system(true).build();
        }
    }

    private static void useBundledCapabilities(String type) {
        if (type != null && InfoCmp.getLoadedInfoCmp(type) == null) {
            String bundled = InfoCmp.getDefaultInfoCmp(type);
            if (bundled != null) {
                InfoCmp.setLoadedInfoCmp(type, bundled);
            }
        }
    }
}
