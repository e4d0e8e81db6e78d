package dev.bedrocksetup.bedrock;

/**
 * The outcome of one check: what was checked (a model ID or an operation), its class, a one-line explanation, the
 * fix (null when OK), and AWS's own message (null when OK), secrets already masked.
 */
public record AccessFinding(String subject, AccessClass kind, String explanation, String fix, String awsMessage) {
    public boolean ok() {
        return kind == AccessClass.OK;
    }

    /**
     * How a probe's results read wherever models are tested before writing (init --yes, the wizard): one line per
     * model, and under a failure its fix (an IAM denial also points at the exact policy).
     */
    public static java.util.List<String> describe(java.util.List<AccessFinding> results, String okMark,
            String failMark) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (AccessFinding f : results) {
            if (f.ok()) {
                lines.add(okMark + " " + f.subject() + " answers");
                continue;
            }
            lines.add(failMark + " " + f.subject() + ": " + f.explanation());
            if (f.fix() != null) {
                lines.add("    fix: " + f.fix() + (f.kind() == AccessClass.IAM_DENIED
                        ? " (the exact policy: bedrock-setup policy)" : ""));
            }
        }
        return lines;
    }

    static AccessFinding ok(String subject, String explanation) {
        return new AccessFinding(subject, AccessClass.OK, explanation, null, null);
    }
}
