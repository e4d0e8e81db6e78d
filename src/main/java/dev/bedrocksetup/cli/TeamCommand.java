package dev.bedrocksetup.cli;

import picocli.CommandLine.Command;

@Command(name = "team", mixinStandardHelpOptions = true, subcommands = TeamProfilesCommand.class,
        description = {"Team set-ups: cost attribution with tagged application inference profiles.", "",
            "bedrock-setup team profiles --tag team=NAME creates them and points Claude Code at them."})
final class TeamCommand extends BaseCommand {
    @Override
    public Integer call() {
        throw dev.bedrocksetup.core.BedrockSetupException.usage("team needs a subcommand",
                "run: bedrock-setup team profiles --tag team=NAME");
    }
}
