package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.ExitCode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The one entry: environment and streams in, exit code out. Tests call it directly. */
public final class BedrockSetup {
    private BedrockSetup() {}

    public static int run(Environment env, InputStream in, OutputStream out, OutputStream err, String... args) {
        boolean interactive = System.console() != null && in == System.in;
        // Java 19+ reports the console's encoding as stderr.encoding; Java 17 on Windows as sun.stderr.encoding
        String consoleEncoding = System.getProperty("stderr.encoding", System.getProperty("sun.stderr.encoding"));
        // the process's own terminal only (tests pass theirs and script the wizard): opened beside the command model
        EarlyTerminal.startFor(args, interactive);
        return runOnTerminal(env, in, out, err, interactive, consoleEncoding, args);
    }

    /** For tests: the terminal is what they say, and its encoding comes from the environment's locale alone. */
    public static int run(Environment env, InputStream in, OutputStream out, OutputStream err, boolean interactive,
            String... args) {
        return runOnTerminal(env, in, out, err, interactive, null, args);
    }

    static int runOnTerminal(Environment env, InputStream in, OutputStream out, OutputStream err, boolean interactive,
            String consoleEncoding, String[] args) {
        boolean noColorFlag = false;
        boolean verbose = false;
        for (String a : args) {
            if ("--no-color".equals(a)) {
                noColorFlag = true;
            }
            if ("--verbose".equals(a)) {
                verbose = true;
            }
            if ("--".equals(a)) {
                break;
            }
        }
        // decided before anything is printed, so that even a usage error is shown in the right style
        Style style = Style.detect(env, interactive, noColorFlag, consoleEncoding);
        // every byte for the terminal passes a filter that shows control characters escaped (TerminalSafeWriter)
        PrintWriter o = new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                style.isColor()), true);
        PrintWriter e = new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8),
                style.isColor()), true);
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // answered without building picocli's model of every command, the bulk of start-up
            // (docs/performance.md); picocli prints the same line for `COMMAND --version`, which a test compares
            for (String line : new RootCommand.Version().getVersion()) {
                o.println(line);
            }
            o.flush();
            return ExitCode.OK;
        }
        CliContext ctx = new CliContext(env, in, o, e, interactive);
        ctx.verbose = verbose;
        ctx.style = style;
        if (interactive) {
            ctx.terminalErr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
        }
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            // picocli's own rendering of the root help, stored at build time (RootHelpTest keeps it identical),
            // printed without building the model of every command
            String stored = RootHelp.stored(style.isColor());
            if (stored != null) {
                o.print(stored);
                o.flush();
                return ExitCode.OK;
            }
        }
        String tooLong = dev.bedrocksetup.core.InputLimits.firstTooLong(args);
        if (tooLong != null) {
            e.println(style.fail("bedrock-setup: ") + tooLong);
            e.println("  fix: " + dev.bedrocksetup.core.InputLimits.FIX);
            e.flush();
            return ExitCode.USAGE;
        }
        if (args.length == 1 && InitCommand.named(args[0])) {
            // nothing to parse: the wizard starts without building picocli's model of init's 40 options
            try {
                return InitCommand.runBare(ctx);
            } catch (Exception ex) { // what picocli's execution exception handler gets from any other command
                return ErrorReport.handle(ex, ctx);
            } finally {
                o.flush();
                e.flush();
            }
        }
        CommandLine cl = commandLine(ctx, args);
        dev.bedrocksetup.core.Trace.mark("command line model built");
        try {
            return cl.execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The whole command tree. */
    static CommandLine commandLine(CliContext ctx) {
        return configure(new CommandLine(new RootCommand.Tree(ctx)), ctx);
    }

    /** The command tree this command line needs: the bare root and its command, or the whole tree. */
    static CommandLine commandLine(CliContext ctx, String[] args) {
        Class<?> only = args.length == 0 ? null : RootCommand.standalone(args[0]);
        if (only == null) {
            return commandLine(ctx);
        }
        CommandLine cl = new CommandLine(new RootCommand(ctx));
        cl.addSubcommand(only);
        return configure(cl, ctx);
    }

    private static CommandLine configure(CommandLine cl, CliContext ctx) {
        cl.setOut(ctx.out);
        cl.setErr(ctx.err);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(
                ctx.style.isColor() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> ErrorReport.usage(ex, ctx));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> ErrorReport.handle(ex, ctx));
        CommandLine init = cl.getSubcommands().get("init");
        if (init != null) {
            InitHelp.install(init);
        }
        return cl;
    }
}
