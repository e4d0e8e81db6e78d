package dev.bedrocksetup.cli;

import dev.bedrocksetup.aws.AwsCallFailure;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.core.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine;

/**
 * The one place where an error becomes an exit code and a message: one line saying what went wrong, one saying
 * what to do. The stack trace only with --verbose. Secrets are masked in both.
 */
final class ErrorReport {
    private ErrorReport() {}

    /** The longest run of non-blank characters a message shows whole (a path or URL fits). */
    static final int LONGEST_RUN = 300;

    static int handle(Throwable ex, CliContext ctx) {
        PrintWriter err = ctx.err;
        BedrockSetupException known = find(ex);
        int code;
        if (known != null) {
            err.println(ctx.style.fail("bedrock-setup: ") + line(known.getMessage()));
            if (known.fix() != null) {
                err.println("  fix: " + line(known.fix()));
            }
            code = known.exitCode();
        } else if (AwsCallFailure.find(ex) != null) {
            // an AWS call a command did not expect to fail (a deadline, a refused connection): still exit 4
            BedrockSetupException aws = AwsCallFailure.of("an AWS call failed", AwsCallFailure.find(ex));
            err.println(ctx.style.fail("bedrock-setup: ") + line(aws.getMessage()));
            err.println("  fix: " + line(aws.fix()));
            code = aws.exitCode();
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println(ctx.style.fail("bedrock-setup: ") + line(String.valueOf(ex.getMessage())));
            code = ExitCode.LOCAL;
        } else {
            err.println(ctx.style.fail("bedrock-setup: unexpected error: ") + ex.getClass().getSimpleName() + ": "
                    + line(String.valueOf(ex.getMessage())));
            err.println("  fix: run again with --verbose for details, and report it if it repeats");
            code = ExitCode.LOCAL;
        }
        if (ctx.verbose) {
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            err.print(Secrets.redact(sw.toString()));
        }
        err.flush();
        return code;
    }

    /**
     * A command line picocli could not parse: one line, naming the option or command a typo probably meant ("unknown
     * option '--regoin': did you mean --region?"), and the fix. Exit 2.
     */
    static int usage(CommandLine.ParameterException ex, CliContext ctx) {
        String help = "'" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'";
        List<String> meant = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions() : List.of();
        if (!meant.isEmpty()) {
            String typed = ((CommandLine.UnmatchedArgumentException) ex).getUnmatched().get(0);
            String likely = String.join(" or ", meant.subList(0, Math.min(3, meant.size())));
            ctx.err.println(ctx.style.fail("bedrock-setup: ") + line("unknown " + (typed.startsWith("-") ? "option"
                    : "command") + " '" + typed + "': did you mean " + likely + "?"));
            ctx.err.println("  fix: use " + line(meant.get(0)) + " (" + help + " lists them all)");
        } else {
            ctx.err.println(ctx.style.fail("bedrock-setup: ") + line(unknownOptions(ex)));
            ctx.err.println("  fix: see " + help);
        }
        ctx.err.flush();
        return ExitCode.USAGE;
    }

    /**
     * picocli's message, except for unknown options: those are named without the words after them, which may be
     * their values (a secret given to an option that does not exist must not be printed back).
     */
    private static String unknownOptions(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> options = u.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .map(a -> "'" + (a.contains("=") ? a.substring(0, a.indexOf('=')) : a) + "'").toList();
            if (!options.isEmpty()) {
                // worded as the suggestion's "unknown option '--x': did you mean …" is
                return "unknown option" + (options.size() == 1 ? " " : "s ") + String.join(", ", options);
            }
        }
        return ex.getMessage();
    }

    /**
     * A message as one line: a pasted blob inside it cut to its start (before secrets are looked for, which keeps
     * that scan short), secrets masked, control characters and line breaks escaped.
     */
    static String line(String message) {
        return TerminalText.oneLine(Secrets.redact(TerminalText.shortenRuns(message, LONGEST_RUN)));
    }

    private static BedrockSetupException find(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BedrockSetupException) {
                return (BedrockSetupException) t;
            }
        }
        return null;
    }
}
