package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "bedrock-setup",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = false, // fixed 80 columns: the stored --help text is always picocli's own
        description = {"Sets up Claude Code on Amazon Bedrock, checks it, and undoes it.", ""},
        commandListHeading = "%nCommands:%n",
        // a list picocli knows as exit codes, so the man page gets its EXIT STATUS section too
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok; doctor/verify found nothing wrong", "1:doctor/verify found problems",
            "2:bad usage or input", "3:local file or permission problem", "4:AWS or network error",
            "130:interrupted; nothing was written"},
        footerHeading = "%nGetting started:%n",
        footer = "  bedrock-setup init")
public class RootCommand implements Callable<Integer> {
    final CliContext ctx;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Plain output without colour (also NO_COLOR).")
    boolean noColor;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show details, and stack traces on errors.")
    boolean verbose;

    RootCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The root with every command: for help, completion, man pages and any command line that does not start with a
     * command's name. A command line that does gets the bare root and that one command ({@link
     * BedrockSetup#commandLine(CliContext, String[])}): picocli's model of all ten commands is most of a short
     * command's start-up.
     */
    @Command(subcommands = {
        InitCommand.class,
        VerifyCommand.class,
        DoctorCommand.class,
        ResetCommand.class,
        LoginCommand.class,
        ModelsCommand.class,
        ExportCredentialsCommand.class,
        PolicyCommand.class,
        TeamCommand.class,
        CompletionCommand.class,
        CommandLine.HelpCommand.class
    })
    public static final class Tree extends RootCommand {
        Tree(CliContext ctx) {
            super(ctx);
        }
    }

    /** The commands that can run with the bare root: all but help and completion, which read the whole tree. */
    static Class<?> standalone(String name) {
        for (Class<?> c : Tree.class.getAnnotation(Command.class).subcommands()) {
            if (c == CommandLine.HelpCommand.class || c == CompletionCommand.class) {
                continue;
            }
            Command a = c.getAnnotation(Command.class);
            if (a.name().equals(name) || java.util.Arrays.asList(a.aliases()).contains(name)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public Integer call() {
        // short usage, not the whole --help: the synopsis and the commands' names fit a screen's first lines
        ctx.err.println(ctx.style.fail("bedrock-setup: ") + "missing command");
        ctx.err.print("Usage: " + spec.commandLine().getHelp().synopsis(0));
        ctx.err.println("Commands: " + String.join(", ", spec.subcommands().values().stream()
                .map(CommandLine::getCommandName).distinct().toList()));
        ctx.err.println("  fix: run 'bedrock-setup init' to set up Claude Code on Bedrock, or 'bedrock-setup --help'");
        return ExitCode.USAGE;
    }

    /** The version from the build, "dev" when run from classes without resources. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bedrock-setup " + version()};
        }
    }

    static String version() {
        try (InputStream in = RootCommand.class.getResourceAsStream("/bedrock-setup.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
