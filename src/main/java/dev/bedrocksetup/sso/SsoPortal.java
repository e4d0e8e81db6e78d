package dev.bedrocksetup.sso;

import dev.bedrocksetup.core.BedrockSetupException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sso.model.ListAccountRolesRequest;
import software.amazon.awssdk.services.sso.model.ListAccountRolesResponse;
import software.amazon.awssdk.services.sso.model.ListAccountsRequest;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/** The IAM Identity Center portal: the accounts and roles a login may use, and role credentials. */
public final class SsoPortal {
    private final SsoClient sso;

    public SsoPortal(SsoClient sso) {
        this.sso = sso;
    }

    /** Accounts, sorted by name, email, id (as `aws configure sso` shows them). */
    public List<AccountInfo> accounts(String accessToken) {
        List<AccountInfo> out = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListAccountsResponse r = call(() -> sso.listAccounts(ListAccountsRequest.builder().accessToken(accessToken)
                    .nextToken(token).build()));
            out.addAll(r.accountList());
            next = r.nextToken();
        } while (next != null && !next.isEmpty());
        out.sort(Comparator.comparing((AccountInfo a) -> nz(a.accountName())).thenComparing(a -> nz(a.emailAddress()))
                .thenComparing(a -> nz(a.accountId())));
        return out;
    }

    public List<String> roles(String accessToken, String accountId) {
        List<String> out = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListAccountRolesResponse r = call(() -> sso.listAccountRoles(ListAccountRolesRequest.builder()
                    .accessToken(accessToken).accountId(accountId).nextToken(token).build()));
            for (RoleInfo ri : r.roleList()) {
                out.add(ri.roleName());
            }
            next = r.nextToken();
        } while (next != null && !next.isEmpty());
        out.sort(Comparator.naturalOrder());
        return out;
    }

    public RoleCredentials credentials(String accessToken, String accountId, String roleName) {
        return call(() -> sso.getRoleCredentials(GetRoleCredentialsRequest.builder().accessToken(accessToken)
                .accountId(accountId).roleName(roleName).build())).roleCredentials();
    }

    /**
     * The account to use: the one asked for (exit 2 when the login cannot use it), the only one (announced), or null
     * when there are several and nobody chose.
     */
    public static AccountInfo choose(List<AccountInfo> accounts, String wanted, java.util.function.Consumer<String> say) {
        if (accounts.isEmpty()) {
            throw BedrockSetupException.aws("this IAM Identity Center user has no AWS accounts assigned",
                    "ask your administrator for an account assignment with Bedrock access", null);
        }
        if (wanted != null) {
            for (AccountInfo a : accounts) {
                if (a.accountId().equals(wanted)) {
                    return a;
                }
            }
            throw BedrockSetupException.usage("--account-id " + wanted + " is not one of the accounts this login can use",
                    "use one of: " + String.join(", ", accounts.stream().map(SsoPortal::label).toArray(String[]::new)));
        }
        if (accounts.size() == 1) {
            say.accept("Using the only account available: " + label(accounts.get(0)));
            return accounts.get(0);
        }
        return null;
    }

    /** The role to use: the one asked for, the only one (announced), or null when there are several. */
    public static String chooseRole(List<String> roles, String wanted, String accountId,
            java.util.function.Consumer<String> say) {
        if (roles.isEmpty()) {
            throw BedrockSetupException.aws("no roles are assigned to you in account " + accountId,
                    "ask your administrator for a permission set with Bedrock access", null);
        }
        if (wanted != null) {
            if (roles.contains(wanted)) {
                return wanted;
            }
            throw BedrockSetupException.usage("--role-name " + wanted + " is not a role you have in account " + accountId,
                    "use one of: " + String.join(", ", roles));
        }
        if (roles.size() == 1) {
            say.accept("Using the only role available: " + roles.get(0));
            return roles.get(0);
        }
        return null;
    }

    /** "Name, email (id)". */
    public static String label(AccountInfo a) {
        return nz(a.accountName()) + ", " + nz(a.emailAddress()) + " (" + a.accountId() + ")";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (UnauthorizedException e) {
            throw BedrockSetupException.aws("the IAM Identity Center login is no longer valid",
                    "log in again: bedrock-setup login", e);
        } catch (SsoException e) {
            String said = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
            if (said == null || said.isBlank()) {
                // no AWS error in the answer: whatever answered is not IAM Identity Center (a proxy, a wrong
                // endpoint override, a captive portal)
                throw BedrockSetupException.aws("the IAM Identity Center portal address answered HTTP "
                        + e.statusCode() + " without an AWS error: something else answered there",
                        "check AWS_ENDPOINT_URL_SSO, a proxy (HTTPS_PROXY), and the sso_region of the profile", e);
            }
            throw BedrockSetupException.aws("IAM Identity Center refused the request ("
                    + e.awsErrorDetails().errorCode() + "): " + said, "check the account and role", e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw BedrockSetupException.aws("cannot reach IAM Identity Center: "
                    + dev.bedrocksetup.aws.AwsCallFailure.describe(e),
                    "check your network and proxy (HTTPS_PROXY)", e);
        }
    }
}
