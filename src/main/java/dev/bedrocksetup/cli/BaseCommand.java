package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.BedrockSetupException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * A subcommand: parses options, calls one service, renders the result. Subcommands inherit the version provider
 * (picocli reads @Command up the class hierarchy), so 'init --version' and the man pages show the version.
 */
@Command(versionProvider = RootCommand.Version.class)
abstract class BaseCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    CliContext ctx() {
        return root.ctx;
    }

    /** For commands a later issue builds: say so plainly and exit 2, never pretend to work. */
    static BedrockSetupException notBuilt(String what, int issue) {
        return BedrockSetupException.usage(what + " is not built yet (issue #" + issue + "); nothing was done",
                "see 'bedrock-setup --help'; 'bedrock-setup doctor' covers most of it today");
    }
}
