package dev.bedrocksetup.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** `export-credentials` against the stand-in: the output Claude Code's awsCredentialExport reads, and its failures. */
class ExportCredentialsTest {
    static final String START_URL = "https://example.awsapps.com/start";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;

    @BeforeEach
    void start() throws Exception {
        stand = new StandInHome(dir);
        home = stand.home.ssoProfiles("dev").legacySsoProfile("legacy").append(".aws/config",
                "\n[profile keys]\nregion = us-east-1\n");
        stand.browser();
    }

    @AfterEach
    void stop() {
        stand.close();
    }

    /** Parses the output as Claude Code does and checks the keys against the stand-in's STS. */
    JsonNode assertWorkingCredentials(Run r) throws Exception {
        assertEquals(0, r.exit, r.toString());
        JsonNode creds = JSON.readTree(r.out).get("Credentials");
        String id = creds.get("AccessKeyId").asText();
        String secret = creds.get("SecretAccessKey").asText();
        AwsCredentials c = creds.has("SessionToken")
                ? AwsSessionCredentials.create(id, secret, creds.get("SessionToken").asText())
                : AwsBasicCredentials.create(id, secret);
        try (AwsClients clients = AwsClients.builder(home.env()).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(c)).build()) {
            assertEquals("111122223333", clients.sts().getCallerIdentity().account());
        }
        for (String value : List.of(id, secret, creds.path("SessionToken").asText("-none-"))) {
            assertFalse(r.err.contains(value), "secret on stderr: " + r.err);
        }
        return creds;
    }

    @Test
    void ssoProfilePrintsTheShapeClaudeCodeReads() throws Exception {
        stand.cacheValidToken("corp");
        Run r = home.run("export-credentials", "--profile", "dev");
        JsonNode creds = assertWorkingCredentials(r);
        List<String> keys = new ArrayList<>();
        creds.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"), keys);
        assertEquals(1, JSON.readTree(r.out).size(), "only the Credentials object");
        Instant exp = Instant.parse(creds.get("Expiration").asText());
        assertTrue(creds.get("Expiration").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), r.out);
        assertTrue(exp.isAfter(Instant.now().plus(Duration.ofMinutes(50))), "role credentials last an hour: " + exp);
        assertEquals("", r.err);
    }

    @Test
    void legacySsoProfileUsesTheTokenCachedUnderItsStartUrl() throws Exception {
        stand.cacheValidToken(START_URL);
        assertWorkingCredentials(home.run("export-credentials", "--profile", "legacy"));
    }

    @Test
    void aTokenAboutToExpireIsRenewedSilently() throws Exception {
        assertEquals(0, home.run("login", "--profile", "dev").exit);
        SsoToken t = stand.tokenCache().read("corp");
        stand.tokenCache().write("corp", new SsoToken(t.startUrl, t.region, t.accessToken,
                Instant.now().plusSeconds(60), t.clientId, t.clientSecret, t.registrationExpiresAt, t.refreshToken));
        Run r = home.run("export-credentials", "--profile", "dev");
        assertWorkingCredentials(r);
        assertEquals("", r.err, "silent");
        SsoToken renewed = stand.tokenCache().read("corp");
        assertNotEquals(t.accessToken, renewed.accessToken);
        assertTrue(renewed.expiresAt.isAfter(Instant.now().plus(Duration.ofHours(1))));
    }

    @Test
    void noLoginIsExit4WithTheLoginCommandOnStderrAndNothingOnStdout() {
        Run r = home.run("export-credentials", "--profile", "dev");
        assertEquals(4, r.exit, r.toString());
        assertEquals("", r.out);
        assertTrue(r.err.contains("fix: bedrock-setup login --profile dev"), r.err);
    }

    @Test
    void anExpiredLoginThatCannotBeRenewedNeedsALogin() {
        stand.cacheToken("corp", stand.scenario.issueAccessToken(Duration.ofHours(8)), Instant.now().minusSeconds(10));
        Run r = home.run("export-credentials", "--profile", "dev");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("has expired"), r.err);
        assertTrue(r.err.contains("bedrock-setup login --profile dev"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void aLoginThePortalNoLongerAcceptsNeedsALogin() {
        String token = stand.scenario.issueAccessToken(Duration.ofHours(8));
        stand.cacheToken("corp", token, Instant.now().plus(Duration.ofHours(8)));
        stand.scenario.expireAccessTokens();
        Run r = home.run("export-credentials", "--profile", "dev");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("no longer accepts"), r.err);
        assertFalse(r.err.contains(token), "the SSO token is a secret");
    }

    @Test
    void staticKeysFromTheCredentialsFileHaveNoSessionTokenNorExpiry() throws Exception {
        IssuedCredentials keys = stand.scenario.issueUserKeys("111122223333", "ci");
        home.write(".aws/credentials", "[keys]\naws_access_key_id = " + keys.accessKeyId()
                + "\naws_secret_access_key = " + keys.secretAccessKey() + "\n");
        JsonNode creds = assertWorkingCredentials(home.run("export-credentials", "--profile", "keys"));
        assertFalse(creds.has("SessionToken"));
        assertFalse(creds.has("Expiration"));
    }

    @Test
    void credentialProcessProfilesGoThroughTheSdk() throws Exception {
        IssuedCredentials c = stand.scenario.issueRoleCredentials("111122223333", "Dev", Duration.ofHours(1));
        Path script = home.write("bin/creds.sh", "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"" + c.accessKeyId()
                + "\",\"SecretAccessKey\":\"" + c.secretAccessKey() + "\",\"SessionToken\":\"" + c.sessionToken()
                + "\",\"Expiration\":\"" + c.expiration() + "\"}'\n");
        script.toFile().setExecutable(true);
        home.write(".aws/config", "[profile proc]\ncredential_process = " + script + "\n");
        JsonNode creds = assertWorkingCredentials(home.run("export-credentials", "--profile", "proc"));
        assertTrue(creds.has("SessionToken") && creds.has("Expiration"), creds.toString());
    }

    @Test
    void anUnknownProfileIsBadInput() {
        Run r = home.run("export-credentials", "--profile", "nope");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("no profile 'nope'"), r.err);
    }

    @Test
    void aTokenInItsRenewalWindowThatCannotBeRenewedIsStillUsedWhileValid() throws Exception {
        // no refresh token: renewal is impossible, but ten minutes are left
        String token = stand.scenario.issueAccessToken(Duration.ofMinutes(10));
        stand.cacheToken("corp", token, Instant.now().plus(Duration.ofMinutes(10)));
        Run r = home.run("export-credentials", "--profile", "dev");
        assertWorkingCredentials(r);
        assertEquals(token, stand.tokenCache().read("corp").accessToken, "the cache is left as it was");
    }
}
