package dev.bedrocksetup.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.cli.LoginBrowserHook;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.sso.SsoTokenCache;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.Scenario;
import dev.bedrocksetup.standin.StandInServer;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import dev.bedrocksetup.testing.TestBrowser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    TempHome home;
    Scenario scenario;
    StandInServer server;

    @BeforeEach
    void start() throws Exception {
        scenario = new Scenario(Clock.systemUTC()).addAccount("111122223333", "Sandbox", "sandbox@example.com", "Dev");
        server = StandInServer.start(scenario);
        home = new TempHome(dir);
        String base = server.baseUri().toString();
        home.vars.putAll(Map.of("AWS_ENDPOINT_URL_SSO", base, "AWS_ENDPOINT_URL_SSO_OIDC", base,
                "AWS_ENDPOINT_URL_STS", base, "DISPLAY", ":0"));
        home.write(".aws/config", "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                + "sso_role_name = Dev\nregion = us-west-2\n\n[sso-session corp]\nsso_start_url = " + START_URL + "\n"
                + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n"
                + "[profile legacy]\nsso_start_url = " + START_URL + "\nsso_region = us-east-1\n"
                + "sso_account_id = 111122223333\nsso_role_name = Dev\n\n[profile keys]\nregion = us-east-1\n");
        LoginBrowserHook.use(new TestBrowser());
    }

    @AfterEach
    void stop() {
        LoginBrowserHook.use(null);
        server.close();
    }

    SsoTokenCache cache() {
        return new SsoTokenCache(dir, new AtomicFileWriter());
    }

    void cacheToken(String key, String accessToken, Instant expiresAt) {
        cache().write(key, new SsoToken(START_URL, "us-east-1", accessToken, expiresAt, "client", "clientsecret0000",
                null, null));
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
        cacheToken("corp", scenario.issueAccessToken(Duration.ofHours(8)), Instant.now().plus(Duration.ofHours(8)));
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
        cacheToken(START_URL, scenario.issueAccessToken(Duration.ofHours(8)), Instant.now().plus(Duration.ofHours(8)));
        assertWorkingCredentials(home.run("export-credentials", "--profile", "legacy"));
    }

    @Test
    void aTokenAboutToExpireIsRenewedSilently() throws Exception {
        assertEquals(0, home.run("login", "--profile", "dev").exit);
        SsoToken t = cache().read("corp");
        cache().write("corp", new SsoToken(t.startUrl, t.region, t.accessToken, Instant.now().plusSeconds(60),
                t.clientId, t.clientSecret, t.registrationExpiresAt, t.refreshToken));
        Run r = home.run("export-credentials", "--profile", "dev");
        assertWorkingCredentials(r);
        assertEquals("", r.err, "silent");
        SsoToken renewed = cache().read("corp");
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
        cacheToken("corp", scenario.issueAccessToken(Duration.ofHours(8)), Instant.now().minusSeconds(10));
        Run r = home.run("export-credentials", "--profile", "dev");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("has expired"), r.err);
        assertTrue(r.err.contains("bedrock-setup login --profile dev"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void aLoginThePortalNoLongerAcceptsNeedsALogin() {
        String token = scenario.issueAccessToken(Duration.ofHours(8));
        cacheToken("corp", token, Instant.now().plus(Duration.ofHours(8)));
        scenario.expireAccessTokens();
        Run r = home.run("export-credentials", "--profile", "dev");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("no longer accepts"), r.err);
        assertFalse(r.err.contains(token), "the SSO token is a secret");
    }

    @Test
    void staticKeysFromTheCredentialsFileHaveNoSessionTokenNorExpiry() throws Exception {
        IssuedCredentials keys = scenario.issueUserKeys("111122223333", "ci");
        home.write(".aws/credentials", "[keys]\naws_access_key_id = " + keys.accessKeyId()
                + "\naws_secret_access_key = " + keys.secretAccessKey() + "\n");
        JsonNode creds = assertWorkingCredentials(home.run("export-credentials", "--profile", "keys"));
        assertFalse(creds.has("SessionToken"));
        assertFalse(creds.has("Expiration"));
    }

    @Test
    void credentialProcessProfilesGoThroughTheSdk() throws Exception {
        IssuedCredentials c = scenario.issueRoleCredentials("111122223333", "Dev", Duration.ofHours(1));
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
        String token = scenario.issueAccessToken(Duration.ofMinutes(10));
        cacheToken("corp", token, Instant.now().plus(Duration.ofMinutes(10)));
        Run r = home.run("export-credentials", "--profile", "dev");
        assertWorkingCredentials(r);
        assertEquals(token, cache().read("corp").accessToken, "the cache is left as it was");
    }
}
