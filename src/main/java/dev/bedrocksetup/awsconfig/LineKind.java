package dev.bedrocksetup.awsconfig;

/**
 * What a physical line is, in the structure that the AWS CLI and the Java SDK agree on for well-formed files.
 * A line starting with a space or tab is a continuation (the Java SDK's rule) unless it is blank or a comment.
 */
public enum LineKind {
    BLANK,
    COMMENT,
    HEADER,
    PROPERTY,
    CONTINUATION
}
