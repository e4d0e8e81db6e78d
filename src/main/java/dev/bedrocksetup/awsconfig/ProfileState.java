package dev.bedrocksetup.awsconfig;

/** Whether the AWS tools can use a profile: OK, usable with a warning, or broken for at least one tool. */
public enum ProfileState {
    OK,
    WARNING,
    BROKEN
}
