package dev.bedrocksetup.bedrock;

/**
 * The outcome of one check: what was checked (a model ID or an operation), its class, a one-line explanation, the
 * fix (null when OK), and AWS's own message (null when OK), secrets already masked.
 */
public record AccessFinding(String subject, AccessClass kind, String explanation, String fix, String awsMessage) {
    public boolean ok() {
        return kind == AccessClass.OK;
    }

    static AccessFinding ok(String subject, String explanation) {
        return new AccessFinding(subject, AccessClass.OK, explanation, null, null);
    }
}
