package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.BedrockSetupException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.", "",
            "bash: source <(bedrock-setup completion bash)",
            "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(bedrock-setup completion zsh)",
            "fish: bedrock-setup completion fish > ~/.config/fish/completions/bedrock-setup.fish"})
final class CompletionCommand extends BaseCommand {
    @Parameters(paramLabel = "SHELL", completionCandidates = CompletionValues.Shells.class,
            description = "bash, zsh or fish")
    String shell;

    @Override
    public Integer call() {
        switch (shell) {
            case "bash":
            case "zsh": {
                // picocli's script serves both: zsh runs it through bashcompinit
                CommandLine top = BedrockSetup.commandLine(ctx());
                ctx().out.print(AutoComplete.bash("bedrock-setup", top));
                ctx().out.flush();
                return 0;
            }
            case "fish":
                ctx().out.print(FishCompletion.script(BedrockSetup.commandLine(ctx())));
                ctx().out.flush();
                return 0;
            default:
                throw BedrockSetupException.usage("unknown shell '" + shell + "'", "use bash, zsh or fish");
        }
    }
}
