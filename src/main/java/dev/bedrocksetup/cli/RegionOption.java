package dev.bedrocksetup.cli;

import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.setup.Answer;
import picocli.CommandLine.Option;

/**
 * --region, the Bedrock region a command uses; declared once for every command that takes one (picocli @Mixin).
 * When it is not given, a command starts from the setup in force (the AWS_REGION Claude Code is set up with).
 */
final class RegionOption {
    @Option(names = "--region", paramLabel = "R", completionCandidates = CompletionValues.Regions.class,
            description = "The Bedrock region (default: the one Claude Code is set up with, then the profile's).")
    String name;

    /** The region given on the command line, or null. */
    String given() {
        return name;
    }

    /** The flag as an answer of a setup request; exit 2 naming the fix when it is not an AWS region. */
    Answer<String> answer() {
        if (name != null) {
            RegionNames.require("--region", name);
        }
        return Answer.of(name, "--region");
    }
}
