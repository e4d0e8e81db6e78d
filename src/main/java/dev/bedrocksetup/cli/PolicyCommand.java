package dev.bedrocksetup.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Print the least-privilege IAM policy for the chosen models.")
final class PolicyCommand extends BaseCommand {
    @Option(names = "--profile", paramLabel = "P", description = "The AWS profile to use.")
    String profile;

    @Option(names = "--region", paramLabel = "R", description = "The Bedrock region.")
    String region;

    @Option(names = "--model", paramLabel = "ID", description = "A model ID (repeatable; default: the configured ones).")
    List<String> models;

    @Option(names = "--json", description = "Print only the policy document.")
    boolean json;

    @Override
    public Integer call() {
        throw notBuilt("'bedrock-setup policy'", 10);
    }
}
