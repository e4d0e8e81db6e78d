package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.BedrockSetupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.", "",
            "bash: source <(bedrock-setup completion bash)",
            "zsh:  source <(bedrock-setup completion zsh)   (in ~/.zshrc, after compinit)",
            "fish: bedrock-setup completion fish > ~/.config/fish/completions/bedrock-setup.fish",
            "",
            "--profile, --region and --model complete real values: the profiles of your AWS config files, the",
            "Bedrock regions, and the model IDs of the last catalogue read (by init or models)."})
final class CompletionCommand extends BaseCommand {
    @Parameters(paramLabel = "SHELL", arity = "0..1", completionCandidates = CompletionValues.Shells.class,
            description = "bash, zsh or fish")
    String shell;

    /** What the scripts call at TAB time for the values that change (profiles, model IDs); one a line. */
    @Option(names = "--values", hidden = true, paramLabel = "KIND")
    String values;

    @Override
    public Integer call() {
        if (values != null) {
            CompletionValues.now(ctx().env, values).forEach(ctx().out::println);
            ctx().out.flush();
            return 0;
        }
        if (shell == null) {
            throw BedrockSetupException.usage("completion needs a shell", "use bash, zsh or fish");
        }
        switch (shell) {
            case "bash":
                ctx().out.print(ShellCompletion.bash(BedrockSetup.commandLine(ctx())));
                break;
            case "zsh":
                ctx().out.print(ShellCompletion.zsh(BedrockSetup.commandLine(ctx())));
                break;
            case "fish":
                ctx().out.print(FishCompletion.script(BedrockSetup.commandLine(ctx())));
                break;
            default:
                throw BedrockSetupException.usage("unknown shell '" + shell + "'", "use bash, zsh or fish");
        }
        ctx().out.flush();
        return 0;
    }
}
