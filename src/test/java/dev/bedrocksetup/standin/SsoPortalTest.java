package dev.bedrocksetup.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsoPortalTest {
    @RegisterExtension
    final StandInFixture f = new StandInFixture();
    private final SsoClient sso = f.clients("us-east-1", f.roleCredentials()).sso(Region.EU_CENTRAL_1);

    @Test
    void accountsAndRolesArePaginated() {
        f.scenario.addAccount("777788889999", "Staging", "staging@example.com", "A", "B", "C");
        String token = f.scenario.issueAccessToken(Duration.ofHours(1));
        List<String> accounts = sso.listAccountsPaginator(r -> r.accessToken(token).maxResults(2)).accountList()
                .stream().map(AccountInfo::accountName).collect(Collectors.toList());
        assertEquals(List.of("Sandbox", "Production", "Staging"), accounts);
        assertEquals(2, f.server.requestLog().of(Operation.LIST_ACCOUNTS).size(), "two pages of two");

        List<String> roles = sso.listAccountRolesPaginator(r -> r.accessToken(token).accountId("777788889999")
                .maxResults(1)).roleList().stream().map(RoleInfo::roleName).collect(Collectors.toList());
        assertEquals(List.of("A", "B", "C"), roles);
        assertEquals(3, f.server.requestLog().of(Operation.LIST_ACCOUNT_ROLES).size());
    }

    @Test
    void roleCredentialsWorkAgainstStsAndExpireInEpochMillis() {
        String token = f.scenario.issueAccessToken(Duration.ofHours(1));
        RoleCredentials rc = sso.getRoleCredentials(r -> r.accessToken(token).accountId(StandInFixture.OTHER_ACCOUNT)
                .roleName("BedrockUser")).roleCredentials();
        Instant expires = Instant.ofEpochMilli(rc.expiration());
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofMinutes(59)))
                && expires.isBefore(Instant.now().plus(Duration.ofMinutes(61))), expires.toString());
        var creds = AwsSessionCredentials.create(rc.accessKeyId(), rc.secretAccessKey(), rc.sessionToken());
        var id = f.clients("eu-west-1", creds, dev.bedrocksetup.aws.ClientSettings.defaults()).sts()
                .getCallerIdentity();
        assertEquals(StandInFixture.OTHER_ACCOUNT, id.account());
        assertEquals("arn:aws:sts::444455556666:assumed-role/BedrockUser/alice", id.arn());
    }

    @Test
    void unknownAndExpiredBearerTokensGet401() {
        UnauthorizedException unknown = assertThrows(UnauthorizedException.class,
                () -> sso.listAccounts(r -> r.accessToken("aoaNotIssued")));
        assertEquals(401, unknown.statusCode());
        assertEquals("Session token not found or invalid", unknown.awsErrorDetails().errorMessage());

        String token = f.scenario.issueAccessToken(Duration.ofHours(1));
        assertEquals(2, sso.listAccounts(r -> r.accessToken(token)).accountList().size());
        f.scenario.expireAccessTokens();
        assertThrows(UnauthorizedException.class, () -> sso.getRoleCredentials(r -> r.accessToken(token)
                .accountId(StandInFixture.ACCOUNT).roleName("BedrockUser")));
    }
}
