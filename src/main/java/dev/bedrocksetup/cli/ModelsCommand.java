package dev.bedrocksetup.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the Claude inference profiles a region offers.")
final class ModelsCommand extends BaseCommand {
    @Option(names = "--region", paramLabel = "R", description = "The Bedrock region.")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "The AWS profile to use.")
    String profile;

    @Option(names = "--all-regions", description = "Query every Bedrock region at once.")
    boolean allRegions;

    @Option(names = "--json", description = "Print JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        throw notBuilt("'bedrock-setup models'", 5);
    }
}
