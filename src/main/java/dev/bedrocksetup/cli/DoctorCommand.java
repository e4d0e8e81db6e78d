package dev.bedrocksetup.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Diagnose a Claude-Code-on-Bedrock setup and say how to fix it.")
final class DoctorCommand extends BaseCommand {
    @Option(names = "--json", description = "Print the report as JSON on stdout.")
    boolean json;

    @Option(names = "--offline", description = "Skip every check that needs the network.")
    boolean offline;

    @Option(names = "--fix", description = "Apply the fixes that can be applied safely (shown as a diff first).")
    boolean fix;

    @Option(names = "--project-dir", paramLabel = "DIR", description = "Project whose settings count (default: the current directory).")
    Path projectDir;

    @Override
    public Integer call() {
        throw notBuilt("'bedrock-setup doctor'", 7);
    }
}
