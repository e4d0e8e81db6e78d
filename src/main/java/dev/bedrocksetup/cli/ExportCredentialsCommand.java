package dev.bedrocksetup.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-credentials", mixinStandardHelpOptions = true,
        description = "Print credentials in the shape Claude Code's awsCredentialExport expects.")
final class ExportCredentialsCommand extends BaseCommand {
    @Option(names = "--profile", paramLabel = "P", required = true, description = "The AWS profile.")
    String profile;

    @Override
    public Integer call() {
        throw notBuilt("'bedrock-setup export-credentials'", 5);
    }
}
