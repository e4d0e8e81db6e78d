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
     * model that answers; the failures one line per cause, naming every model it stopped (a host that does not
     * resolve stops them all alike), with the fix once (an IAM denial also points at the exact policy).
     */
    public static java.util.List<String> describe(java.util.List<AccessFinding> results, String okMark,
            String failMark) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (AccessFinding f : results) {
            if (f.ok()) {
                lines.add(okMark + " " + f.subject() + " answers");
            }
        }
        for (java.util.List<AccessFinding> same : byCause(results)) {
            AccessFinding f = same.get(0);
            lines.add(failMark + " " + subjects(same) + ": " + f.explanation());
            if (f.fix() != null) {
                lines.add("    fix: " + f.fix() + (f.kind() == AccessClass.IAM_DENIED
                        ? " (the exact policy: bedrock-setup policy)" : ""));
            }
        }
        return lines;
    }

    /** The failures, those with the same explanation and fix together, in the order they first appear. */
    public static java.util.List<java.util.List<AccessFinding>> byCause(java.util.List<AccessFinding> results) {
        java.util.Map<java.util.List<String>, java.util.List<AccessFinding>> groups = new java.util.LinkedHashMap<>();
        for (AccessFinding f : results) {
            if (!f.ok()) {
                groups.computeIfAbsent(java.util.Arrays.asList(f.explanation(), f.fix()),
                        k -> new java.util.ArrayList<>()).add(f);
            }
        }
        return new java.util.ArrayList<>(groups.values());
    }

    /** "us.anthropic.a, us.anthropic.b": the subjects of findings with one cause. */
    public static String subjects(java.util.List<AccessFinding> same) {
        return String.join(", ", same.stream().map(AccessFinding::subject).toList());
    }

    static AccessFinding ok(String subject, String explanation) {
        return new AccessFinding(subject, AccessClass.OK, explanation, null, null);
    }
}
