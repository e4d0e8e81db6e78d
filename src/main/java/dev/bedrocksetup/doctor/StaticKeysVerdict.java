package dev.bedrocksetup.doctor;

/**
 * Static keys beside an SSO profile: Claude Code signs with them before SSO. Keys AWS refuses make it fail (agreement
 * matrix: "stale static keys shadow the SSO profile"), so aws.static-shadow fails, and offline, where nothing can tell,
 * it fails too. When AWS accepts them (aws.identity passed, signed with these keys), Claude Code answers as their IAM
 * user: a warning, since the identity is not the one the user set up.
 */
final class StaticKeysVerdict {
    private StaticKeysVerdict() {}

    static void apply(Finding[] findings) {
        boolean accepted = false;
        for (Finding f : findings) {
            accepted |= f != null && f.id.equals("aws.identity") && f.status == Status.OK;
        }
        for (int i = 0; accepted && i < findings.length; i++) {
            Finding f = findings[i];
            if (f != null && f.id.equals("aws.static-shadow") && f.status == Status.FAIL) {
                findings[i] = new Finding(f.id, f.group, Status.WARN, f.title, f.detail + " (a warning: AWS accepts "
                        + "them, so Claude Code answers, as the wrong identity)", f.fix, f.safeFix);
            }
        }
    }
}
