package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.ChangeApplier;
import dev.bedrocksetup.sso.Browser;
import dev.bedrocksetup.wizard.Prompter;
import dev.bedrocksetup.core.Progress;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.time.Duration;

/** What every command gets: the environment, the streams, and how to talk to the user. */
public final class CliContext {
    final Environment env;
    final InputStream in;
    final PrintWriter out;
    final PrintWriter err;
    final boolean interactive;
    Style style;
    boolean verbose;
    /**
     * stderr without the escaping filter, on a terminal only (else null): for {@link ProgressLine}'s carriage
     * returns, with the tool's own words.
     */
    PrintWriter terminalErr;

    CliContext(Environment env, InputStream in, PrintWriter out, PrintWriter err, boolean interactive) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.style = Style.plain();
    }

    /** The same streams and terminal in another environment (the demo's throw-away home). */
    CliContext withEnv(Environment other) {
        CliContext c = new CliContext(other, in, out, err, interactive);
        c.style = style;
        c.verbose = verbose;
        c.terminalErr = terminalErr;
        return c;
    }

    /**
     * A wait shown on stderr while it lasts ({@link Progress}): only when stderr is a terminal that moves its cursor,
     * so nothing of it reaches a pipe, a file or a dumb terminal. Written to the process's stderr directly: the
     * filtered stream escapes the carriage return it turns with.
     */
    Progress waiting(String what) {
        if (!interactive || "dumb".equals(env.nonBlank("TERM")) || !TerminalStreams.stderrIsTerminal()) {
            return Progress.none();
        }
        return Progress.start(new PrintWriter(new OutputStreamWriter(System.err, style.isUnicode()
                ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII), true), style, what);
    }

    /**
     * How wide a table on stdout may be: $COLUMNS when set (the user's word), else the terminal's width; unlimited
     * for a pipe or a file, whose readers parse a layout that must not change with the window.
     */
    int outputColumns() {
        String columns = env.nonBlank("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}") && Integer.parseInt(columns) > 0) {
            return Integer.parseInt(columns);
        }
        int terminal = interactive ? TerminalStreams.stdoutColumns() : 0;
        return terminal > 0 ? terminal : Integer.MAX_VALUE;
    }

    public Environment env() {
        return env;
    }

    /** Test seam: a fault (an IOException, or the process killed) at a step of every write a command makes. */
    static AtomicFileWriter.StepListener writeSteps = (step, temp, target) -> { };

    /** Test seam: the wizard's answers come from a script instead of the terminal when set. */
    static Prompter prompterSeam;

    /** Test seam: who plays the browser for a login when set. */
    static Browser browserSeam;

    /** The scripted prompter tests installed, or null: the wizard draws on the terminal. */
    Prompter scriptedPrompter() {
        return prompterSeam;
    }

    /** The browser a login opens: the system's, unless a test plays it. */
    Browser browser() {
        return browserSeam != null ? browserSeam : Browser.system(env);
    }

    ChangeApplier applier() {
        return new ChangeApplier(env.stateDirectory(), new AtomicFileWriter(writeSteps), env.clock(),
                ChangeApplier.DEFAULT_LOCK_WAIT).onNotice(s -> err.println(style.warn("note: ") + s));
    }

    /**
     * How settings written by us call bedrock-setup: the path of the launcher the user runs, when it told us. The
     * checkout's script passes {@code -Dbedrock-setup.command}; the runtime image's launcher sets
     * {@code BEDROCK_SETUP_COMMAND} to itself unless the installer's link already set it to the path that survives
     * an upgrade (npm's link, Homebrew's opt/bin).
     */
    String selfCommand() {
        String launcher = System.getProperty("bedrock-setup.command");
        if (launcher == null || launcher.isBlank()) {
            launcher = env.get("BEDROCK_SETUP_COMMAND");
        }
        if (launcher == null || launcher.isBlank()) {
            return "bedrock-setup";
        }
        return launcher.matches("[A-Za-z0-9_./+@:-]+") ? launcher : "'" + launcher.replace("'", "'\\''") + "'";
    }
}
