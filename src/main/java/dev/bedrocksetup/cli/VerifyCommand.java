package dev.bedrocksetup.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Fast pass/fail of the configured setup (exit 0 pass, 1 fail).")
final class VerifyCommand extends BaseCommand {
    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    @Option(names = "--with-claude", description = "Also run the installed Claude Code once (claude -p).")
    boolean withClaude;

    @Option(names = "--project-dir", paramLabel = "DIR", description = "Project whose settings count (default: the current directory).")
    Path projectDir;

    @Override
    public Integer call() {
        throw notBuilt("'bedrock-setup verify'", 7);
    }
}
