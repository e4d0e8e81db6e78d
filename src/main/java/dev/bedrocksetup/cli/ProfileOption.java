package dev.bedrocksetup.cli;

import dev.bedrocksetup.setup.Answer;
import picocli.CommandLine.Option;

/**
 * --profile, the AWS profile a command uses; declared once for every command that takes one (picocli @Mixin). When
 * it is not given, a command starts from the setup in force (the profile Claude Code is set up with).
 */
final class ProfileOption {
    @Option(names = "--profile", paramLabel = "P",
            description = "The AWS profile (default: the one Claude Code is set up with, then AWS_PROFILE, then default).")
    String name;

    /** The profile given on the command line, or null. */
    String given() {
        return name;
    }

    /** The flag as an answer of a setup request: answered only when given, with "--profile" as its source. */
    Answer<String> answer() {
        return Answer.of(name == null || name.isBlank() ? null : name, "--profile");
    }
}
