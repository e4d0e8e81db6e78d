package dev.bedrocksetup.standin;

import dev.bedrocksetup.standin.Json.ArrayNode;
import dev.bedrocksetup.standin.Json.ObjectNode;
import java.util.List;

/**
 * The IAM Identity Center portal API: accounts and roles of the signed-in user, and role credentials. Callers
 * authenticate with the SSO access token in {@code x-amz-sso_bearer_token}; anything else is a 401.
 */
final class SsoPortalService {
    private final Scenario scenario;

    SsoPortalService(Scenario scenario) {
        this.scenario = scenario;
    }

    StandInResponse handle(Operation op, StandInRequest req) {
        if (!scenario.accessTokenValid(req.header("x-amz-sso_bearer_token"))) {
            throw new AwsError(401, "UnauthorizedException", "Session token not found or invalid");
        }
        return switch (op) {
            case LIST_ACCOUNTS -> listAccounts(req);
            case LIST_ACCOUNT_ROLES -> listAccountRoles(req);
            case GET_ROLE_CREDENTIALS -> roleCredentials(req);
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private StandInResponse listAccounts(StandInRequest req) {
        Pages.Page<Account> page = Pages.page(scenario.accounts(), req.param("max_result"), req.param("next_token"),
                20, 100);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("accountList");
        for (Account a : page.items()) {
            list.addObject().put("accountId", a.accountId()).put("accountName", a.accountName())
                    .put("emailAddress", a.emailAddress());
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return StandInResponse.json(200, out);
    }

    private StandInResponse listAccountRoles(StandInRequest req) {
        Account account = entitledAccount(req.param("account_id"));
        List<String> roles = account.roleNames();
        Pages.Page<String> page = Pages.page(roles, req.param("max_result"), req.param("next_token"), 20, 100);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("roleList");
        for (String r : page.items()) {
            list.addObject().put("roleName", r).put("accountId", account.accountId());
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return StandInResponse.json(200, out);
    }

    private StandInResponse roleCredentials(StandInRequest req) {
        Account account = entitledAccount(req.param("account_id"));
        String role = req.param("role_name");
        if (role == null || !account.roleNames().contains(role)) {
            throw new AwsError(403, "ForbiddenException", "No access");
        }
        IssuedCredentials c = scenario.issueRoleCredentials(account.accountId(), role,
                scenario.roleCredentialLifetime());
        ObjectNode out = Json.object();
        out.putObject("roleCredentials")
                .put("accessKeyId", c.accessKeyId())
                .put("secretAccessKey", c.secretAccessKey())
                .put("sessionToken", c.sessionToken())
                .put("expiration", c.expiration().toEpochMilli());
        return StandInResponse.json(200, out);
    }

    private Account entitledAccount(String accountId) {
        if (accountId == null) {
            throw new AwsError(400, "InvalidRequestException", "account_id is required");
        }
        return scenario.account(accountId).orElseThrow(() -> new AwsError(403, "ForbiddenException", "No access"));
    }
}
