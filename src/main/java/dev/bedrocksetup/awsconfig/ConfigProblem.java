package dev.bedrocksetup.awsconfig;

/**
 * Something wrong in a shared file, at a 1-based line (0: the whole file). BLOCKING: some AWS tool cannot read the
 * file at all (the AWS CLI or an SDK fails on it). AMBIGUOUS: the tools read the file's structure differently (which
 * lines belong to which section), so no edit can be placed safely. Both stop us from editing. WARNING: the tools read
 * it but disagree on a detail, or one of them silently drops something. Messages never quote values (secrets).
 */
public record ConfigProblem(int line, Severity severity, String message) {
    public enum Severity { BLOCKING, AMBIGUOUS, WARNING }

    /** Whether this problem stops an edit of the file. */
    public boolean blocking() {
        return severity != Severity.WARNING;
    }

    /** "config line 7: ..." */
    public String describe(String fileLabel) {
        return fileLabel + (line > 0 ? " line " + line : "") + ": " + message;
    }
}
