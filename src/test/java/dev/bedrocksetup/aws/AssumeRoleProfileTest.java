package dev.bedrocksetup.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Assume-role profiles resolved by bedrock-setup itself, against the stand-in's STS (real HTTP, SigV4): the STS
 * client honours AWS_ENDPOINT_URL_STS from the injected environment, which the SDK's own provider would not.
 */
class AssumeRoleProfileTest {
    static final String ACCOUNT = "111122223333";
    static final String ROLE = "arn:aws:iam::111122223333:role/BedrockAccess";
    static final String START_URL = "https://example.awsapps.com/start";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;
    IssuedCredentials ciKeys;

    @BeforeEach
    void start() throws Exception {
        stand = new StandInHome(dir);
        home = stand.home;
        ciKeys = stand.userKeys("ci", "ci");
    }

    @AfterEach
    void stop() {
        stand.close();
    }

    String identityOf(ProfileCredentials.Resolved r) {
        try (AwsClients c = AwsClients.builder(home.env()).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(r.credentials())).build()) {
            return c.sts().getCallerIdentity().arn();
        }
    }

    ProfileCredentials.Resolved resolve(String profile) {
        return new ProfileCredentials(home.env()).resolve(profile);
    }

    /** The run failed with one error line and one fix line, and no secret of the source keys in either. */
    static void assertOneLineError(Run r, int exit, IssuedCredentials keys) {
        assertEquals(exit, r.exit, r.toString());
        assertEquals("", r.out);
        List<String> lines = r.err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, lines.size(), r.err);
        assertTrue(lines.get(1).trim().startsWith("fix: "), r.err);
        assertFalse(r.err.contains(keys.secretAccessKey()) || r.err.contains(keys.accessKeyId()), r.err);
    }

    @Test
    void staticKeysAssumeTheRoleThroughTheOverriddenStsEndpoint() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:user/ci");
        home.write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "region = eu-central-1\n");
        long before = System.currentTimeMillis();
        ProfileCredentials.Resolved r = resolve("bedrock");
        String arn = identityOf(r);
        assertTrue(arn.matches("arn:aws:sts::111122223333:assumed-role/BedrockAccess/bedrock-setup-\\d+"), arn);
        long stamp = Long.parseLong(arn.substring(arn.lastIndexOf('-') + 1));
        assertTrue(stamp >= before && stamp <= System.currentTimeMillis(), "epoch milliseconds: " + arn);
        LoggedRequest assume = stand.requestLog().of(Operation.ASSUME_ROLE).get(0);
        assertEquals(ciKeys.accessKeyId(), assume.accessKeyId(), "signed with the source profile's keys");
        assertEquals("eu-central-1", assume.region(), "STS in the profile's region");
        assertEquals(Map.of("RoleArn", ROLE, "RoleSessionName", arn.substring(arn.lastIndexOf('/') + 1)),
                assume.parameters(), "no DurationSeconds nor ExternalId unless the profile sets them");
        assertTrue(r.expiration().isAfter(Instant.now().plus(Duration.ofMinutes(55))));
        assertTrue(r.source().contains(ROLE) && r.source().contains("profile ci"), r.source());
    }

    @Test
    void externalIdDurationAndSessionNameReachSts() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:user/ci")
                .requireExternalId(ROLE, "example-external-id").maxSessionDuration(ROLE, Duration.ofHours(4));
        home.write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "external_id = example-external-id\nduration_seconds = 7200\nrole_session_name = alice-laptop\n");
        home.vars.put("AWS_REGION", "ap-northeast-1");
        Instant before = Instant.now();
        ProfileCredentials.Resolved r = resolve("bedrock");
        assertEquals("arn:aws:sts::111122223333:assumed-role/BedrockAccess/alice-laptop", identityOf(r));
        LoggedRequest assume = stand.requestLog().of(Operation.ASSUME_ROLE).get(0);
        assertEquals(Map.of("RoleArn", ROLE, "RoleSessionName", "alice-laptop", "DurationSeconds", "7200",
                "ExternalId", "example-external-id"), assume.parameters());
        assertEquals("ap-northeast-1", assume.region(), "without a profile region: AWS_REGION");
        assertTrue(r.expiration().isAfter(before.plus(Duration.ofMinutes(119))), "two hours: " + r.expiration());
    }

    @Test
    void anSsoProfileCanBeTheSource() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:role/Dev");
        home.write(".aws/config", "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\n"
                + "sso_role_name = Dev\n\n[sso-session corp]\nsso_start_url = " + START_URL + "\nsso_region = "
                + "us-east-1\n\n[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = sso\n"
                + "role_session_name = dev-session\n");
        stand.cacheValidToken("corp");
        assertEquals("arn:aws:sts::111122223333:assumed-role/BedrockAccess/dev-session", identityOf(resolve("bedrock")));
        assertEquals(List.of(Operation.GET_ROLE_CREDENTIALS, Operation.ASSUME_ROLE, Operation.GET_CALLER_IDENTITY),
                stand.requestLog().operations());
    }

    @Test
    void anExpiredSsoSourceAsksForItsLogin() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:role/Dev");
        home.write(".aws/config", "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\n"
                + "sso_role_name = Dev\n\n[sso-session corp]\nsso_start_url = " + START_URL + "\nsso_region = "
                + "us-east-1\n\n[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = sso\n");
        Run r = home.run("export-credentials", "--profile", "bedrock");
        assertOneLineError(r, 4, ciKeys);
        assertTrue(r.err.contains("fix: bedrock-setup login --profile sso"), r.err);
    }

    @Test
    void expiredSourceSessionKeysAreExpiredTokenWithAFix() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:root");
        IssuedCredentials old = stand.scenario.issueRoleCredentials(ACCOUNT, "Dev", Duration.ofMinutes(-5));
        home.credentials("old", old);
        home.write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = old\n");
        Run r = home.run("export-credentials", "--profile", "bedrock");
        assertOneLineError(r, 4, old);
        assertTrue(r.err.contains("credentials of profile 'old' have expired"), r.err);
        assertTrue(r.err.contains(ROLE), r.err);
        assertFalse(r.err.contains(old.sessionToken()), r.err);
    }

    @Test
    void aChainOfTwoRoles() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "Hop", "arn:aws:iam::111122223333:user/ci")
                .addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:role/Hop");
        home.write(".aws/config", "[profile hop]\nrole_arn = arn:aws:iam::111122223333:role/Hop\nsource_profile = ci\n"
                + "role_session_name = first\n\n[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = hop\n"
                + "role_session_name = second\n");
        assertEquals("arn:aws:sts::111122223333:assumed-role/BedrockAccess/second", identityOf(resolve("bedrock")));
        List<LoggedRequest> assumes = stand.requestLog().of(Operation.ASSUME_ROLE);
        assertEquals(List.of("arn:aws:iam::111122223333:role/Hop", ROLE),
                assumes.stream().map(a -> a.parameters().get("RoleArn")).toList());
        assertEquals(ciKeys.accessKeyId(), assumes.get(0).accessKeyId());
        assertEquals("arn:aws:sts::111122223333:assumed-role/Hop/first",
                stand.scenario.credentials(assumes.get(1).accessKeyId()).orElseThrow().principalArn(),
                "the second hop is signed with the first hop's session");
    }

    @Test
    void aProfileNamingItselfAsSourceUsesItsOwnKeys() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:user/ci");
        home.write(".aws/config", "[profile ci]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "role_session_name = self\n");
        assertEquals("arn:aws:sts::111122223333:assumed-role/BedrockAccess/self", identityOf(resolve("ci")));
    }

    @Test
    void aCycleIsRefusedWithTheChainNamed() throws Exception {
        home.write(".aws/config", "[profile a]\nrole_arn = " + ROLE + "\nsource_profile = b\n\n[profile b]\n"
                + "role_arn = arn:aws:iam::111122223333:role/Other\nsource_profile = a\n");
        Run r = home.run("export-credentials", "--profile", "a");
        assertOneLineError(r, 2, ciKeys);
        assertTrue(r.err.contains("cycle: a -> b -> a\n"), r.err);
        assertTrue(stand.requestLog().all().isEmpty(), "nothing sent to AWS");
    }

    @Test
    void aDeniedRoleNamesTheRoleAndTheFix() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:user/someone-else");
        home.write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n");
        Run r = home.run("export-credentials", "--profile", "bedrock");
        assertOneLineError(r, 4, ciKeys);
        assertTrue(r.err.contains("User: arn:aws:iam::111122223333:user/ci is not authorized to perform: "
                + "sts:AssumeRole on resource: " + ROLE), r.err);
        assertTrue(r.err.contains("trust policy") && r.err.contains("sts:AssumeRole on " + ROLE), r.err);
    }

    @Test
    void mfaSerialIsRefusedBeforeAnythingIsSent() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:user/ci");
        home.write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "mfa_serial = arn:aws:iam::111122223333:mfa/ci\n");
        Run r = home.run("export-credentials", "--profile", "bedrock");
        assertOneLineError(r, 2, ciKeys);
        assertTrue(r.err.contains("profile bedrock needs an MFA code"), r.err);
        assertTrue(r.err.contains("Claude Code cannot prompt for it either"), r.err);
        assertTrue(r.err.contains("use an SSO profile") && r.err.contains("awsCredentialExport"), r.err);
        assertTrue(stand.requestLog().all().isEmpty(), "nothing sent to AWS");
    }

    @Test
    void credentialSourceEnvironmentUsesTheInjectedEnvironmentsKeys() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:user/ci");
        home.write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\ncredential_source = Environment\n"
                + "role_session_name = from-env\n");
        Run missing = home.run("export-credentials", "--profile", "bedrock");
        assertOneLineError(missing, 2, ciKeys);
        assertTrue(missing.err.contains("AWS_ACCESS_KEY_ID"), missing.err);

        home.vars.put("AWS_ACCESS_KEY_ID", ciKeys.accessKeyId());
        home.vars.put("AWS_SECRET_ACCESS_KEY", ciKeys.secretAccessKey());
        assertEquals("arn:aws:sts::111122223333:assumed-role/BedrockAccess/from-env", identityOf(resolve("bedrock")));

        home.write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\ncredential_source = Laptop\n");
        Run unknown = home.run("export-credentials", "--profile", "bedrock");
        assertOneLineError(unknown, 2, ciKeys);
        assertTrue(unknown.err.contains("Environment, Ec2InstanceMetadata or EcsContainer"), unknown.err);
    }

    @Test
    void exportCredentialsPrintsTheAssumedSessionWithStsExpiration() throws Exception {
        stand.scenario.addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:user/ci")
                .maxSessionDuration(ROLE, Duration.ofHours(2));
        home.write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "duration_seconds = 5400\n");
        Run r = home.run("export-credentials", "--profile", "bedrock");
        assertEquals(0, r.exit, r.toString());
        assertEquals("", r.err);
        JsonNode creds = JSON.readTree(r.out).get("Credentials");
        String keyId = creds.get("AccessKeyId").asText();
        IssuedCredentials issued = stand.scenario.credentials(keyId).orElseThrow();
        assertTrue(issued.principalArn().startsWith("arn:aws:sts::111122223333:assumed-role/BedrockAccess/"));
        assertEquals(issued.secretAccessKey(), creds.get("SecretAccessKey").asText());
        assertEquals(issued.sessionToken(), creds.get("SessionToken").asText());
        assertEquals(issued.expiration().toString(), creds.get("Expiration").asText(), "STS's Expiration");
        assertFalse(keyId.equals(ciKeys.accessKeyId()), "not the source keys");
        try (AwsClients c = AwsClients.builder(home.env()).region("us-east-1").credentials(StaticCredentialsProvider
                .create(AwsSessionCredentials.create(keyId, issued.secretAccessKey(), issued.sessionToken()))).build()) {
            assertEquals(issued.principalArn(), c.sts().getCallerIdentity().arn());
        }
    }
}
