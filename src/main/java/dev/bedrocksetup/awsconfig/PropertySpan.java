package dev.bedrocksetup.awsconfig;

/**
 * A property's lines: the key line and its continuation (or sub-property) lines, {@code [start, end)}.
 * Blank and comment lines between continuation lines belong to the span; trailing ones do not.
 */
public record PropertySpan(String key, int start, int end) {
    public boolean hasContinuation() {
        return end - start > 1;
    }
}
