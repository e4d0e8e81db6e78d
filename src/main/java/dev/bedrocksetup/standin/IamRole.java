package dev.bedrocksetup.standin;

import java.time.Duration;
import java.util.Set;

/**
 * An IAM role that STS AssumeRole hands out sessions for. {@code trustedPrincipals} stands for the trust policy (and
 * the callers' sts:AssumeRole permission): IAM user ARNs, role ARNs (any session of that role), or
 * {@code arn:aws:iam::ACCOUNT:root} (anyone in that account). A non-null {@code externalId} must be sent as
 * ExternalId. {@code roleId} is the role's stable AROA… id.
 */
public record IamRole(String accountId, String roleName, String roleId, Set<String> trustedPrincipals,
                      String externalId, Duration maxSessionDuration) {
    public IamRole {
        trustedPrincipals = Set.copyOf(trustedPrincipals);
    }

    public String arn() {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    /** Whether a caller with this principal ARN may assume the role (trust policy and permission in one). */
    boolean trusts(String callerAccountId, String callerPrincipalArn) {
        return trustedPrincipals.contains(trustKey(callerPrincipalArn))
                || trustedPrincipals.contains("arn:aws:iam::" + callerAccountId + ":root");
    }

    /** What a trust policy names for a caller: the user's ARN, or for a role session the role's ARN. */
    static String trustKey(String principalArn) {
        // arn:aws:sts::A:assumed-role/R/SESSION -> arn:aws:iam::A:role/R
        if (principalArn.startsWith("arn:aws:sts::") && principalArn.contains(":assumed-role/")) {
            String account = principalArn.substring("arn:aws:sts::".length(), principalArn.indexOf(":assumed-role/"));
            String rest = principalArn.substring(principalArn.indexOf(":assumed-role/") + ":assumed-role/".length());
            int slash = rest.indexOf('/');
            return "arn:aws:iam::" + account + ":role/" + (slash < 0 ? rest : rest.substring(0, slash));
        }
        return principalArn;
    }
}
