package dev.bedrocksetup.doctor;

/**
 * Static keys beside an SSO profile: Claude Code signs with them before SSO. Working keys make it answer as their IAM
 * user (a warning, aws.static-shadow); keys AWS refuses make it fail, and then the shadowing is the cause to name
 * first (agreement matrix: "stale static keys shadow the SSO profile"). Only the online identity check can tell.
 */
final class StaticKeysVerdict {
    private StaticKeysVerdict() {}

    static void apply(Finding[] findings) {
        boolean refused = false;
        for (Finding f : findings) {
            refused |= f != null && (f.id.equals("aws.identity") || f.id.equals("aws.credentials"))
                    && f.status == Status.FAIL;
        }
        for (int i = 0; refused && i < findings.length; i++) {
            Finding f = findings[i];
            if (f != null && f.id.equals("aws.static-shadow") && f.status == Status.WARN) {
                findings[i] = new Finding(f.id, f.group, Status.FAIL, f.title, f.detail + ", and AWS refuses them",
                        f.fix, f.safeFix);
            }
        }
    }
}
