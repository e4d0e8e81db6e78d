package dev.bedrocksetup.cli;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

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

    /** Starts opening the system terminal when these arguments will run the wizard on one. */
    static void startFor(String[] args, boolean interactive) {
        if (!interactive || args.length == 0 || !(args[0].equals("init") || args[0].equals("setup"))) {
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

    private static Terminal open() throws IOException {
        return TerminalBuilder.builder().system(true).build();
    }
}
