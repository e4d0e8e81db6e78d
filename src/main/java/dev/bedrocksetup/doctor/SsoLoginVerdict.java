package dev.bedrocksetup.doctor;

/**
 * A login IAM Identity Center refuses: the cached token looks valid by its expiry (sso.token, offline), but the portal
 * answers 401 when the credentials are fetched (signed out in the portal, the session revoked by an administrator, or
 * a token from another portal). One verdict, where the user looks for it: sso.token fails with the login fix, and
 * aws.credentials, which failed for the same cause, points there instead of repeating it.
 */
final class SsoLoginVerdict {
    private SsoLoginVerdict() {}

    static void apply(Finding[] findings, DoctorInputs in) {
        int token = indexOf(findings, "sso.token");
        int credentials = indexOf(findings, "aws.credentials");
        if (token < 0 || credentials < 0 || findings[credentials].status != Status.FAIL
                || (findings[token].status != Status.OK && findings[token].status != Status.WARN)
                || !in.online().loginRejected()) {
            return;
        }
        Finding t = findings[token];
        Finding c = findings[credentials];
        findings[token] = new Finding(t.id, t.group, Status.FAIL, t.title, "IAM Identity Center refuses the cached "
                + "login (signed out, or revoked), although by its expiry it looked valid (" + t.detail
                .replaceFirst("^logged in; ", "") + ")", c.fix);
        findings[credentials] = new Finding(c.id, c.group, Status.SKIPPED, c.title,
                "IAM Identity Center refuses the login (see sso.token)", null);
    }

    private static int indexOf(Finding[] findings, String id) {
        for (int i = 0; i < findings.length; i++) {
            if (findings[i] != null && findings[i].id.equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
