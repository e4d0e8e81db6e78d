package dev.bedrocksetup.awsconfig;

/**
 * Something wrong in a shared file, at a 1-based line (0: the whole file). BLOCKING: some AWS tool cannot read the
 * file at all (the AWS CLI or an SDK fails on it), so we must not edit it. WARNING: the tools read it but disagree,
 * or one of them silently drops something. Messages never quote values (they may be secrets).
 */
public record ConfigProblem(int line, Severity severity, String message) {
    public enum Severity { BLOCKING, WARNING }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }

    /** "config line 7: ..." */
    public String describe(String fileLabel) {
        return fileLabel + (line > 0 ? " line " + line : "") + ": " + message;
    }
}
