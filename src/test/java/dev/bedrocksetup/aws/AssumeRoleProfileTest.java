package dev.bedrocksetup.aws;

import static dev.bedrocksetup.testing.Examples.ACCOUNT;
import static dev.bedrocksetup.testing.Examples.START_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Assume-role profiles resolved by bedrock-setup itself, against the stand-in's STS (real HTTP, SigV4): the STS
 * client honours AWS_ENDPOINT_URL_STS from the injected environment, which the SDK's own provider would not.
 */
class AssumeRoleProfileTest {
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/BedrockAccess";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    IssuedCredentials ciKeys;

    @BeforeEach
    void start() throws Exception {
        ciKeys = aws.stand().userKeys("ci", "ci");
    }

    String identityOf(ProfileCredentials.Resolved r) {
        try (AwsClients c = AwsClients.builder(aws.home().env()).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(r.credentials())).build()) {
            return c.sts().getCallerIdentity().arn();
        }
    }

    ProfileCredentials.Resolved resolve(String profile) {
        return new ProfileCredentials(aws.home().env()).resolve(profile);
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
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/ci");
        aws.home().write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "region = eu-central-1\n");
        long before = System.currentTimeMillis();
        ProfileCredentials.Resolved r = resolve("bedrock");
        String arn = identityOf(r);
        assertTrue(arn.matches("arn:aws:sts::" + ACCOUNT + ":assumed-role/BedrockAccess/bedrock-setup-\\d+"), arn);
        long stamp = Long.parseLong(arn.substring(arn.lastIndexOf('-') + 1));
        assertTrue(stamp >= before && stamp <= System.currentTimeMillis(), "epoch milliseconds: " + arn);
        LoggedRequest assume = aws.requestLog().of(Operation.ASSUME_ROLE).get(0);
        assertEquals(ciKeys.accessKeyId(), assume.accessKeyId(), "signed with the source profile's keys");
        assertEquals("eu-central-1", assume.region(), "STS in the profile's region");
        assertEquals(Map.of("RoleArn", ROLE, "RoleSessionName", arn.substring(arn.lastIndexOf('/') + 1)),
                assume.parameters(), "no DurationSeconds nor ExternalId unless the profile sets them");
        assertTrue(r.expiration().isAfter(Instant.now().plus(Duration.ofMinutes(55))));
        assertTrue(r.source().contains(ROLE) && r.source().contains("profile ci"), r.source());
    }

    @Test
    void externalIdDurationAndSessionNameReachSts() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/ci")
                .requireExternalId(ROLE, "example-external-id").maxSessionDuration(ROLE, Duration.ofHours(4));
        aws.home().write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "external_id = example-external-id\nduration_seconds = 7200\nrole_session_name = alice-laptop\n");
        aws.home().vars.put("AWS_REGION", "ap-northeast-1");
        Instant before = Instant.now();
        ProfileCredentials.Resolved r = resolve("bedrock");
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/BedrockAccess/alice-laptop", identityOf(r));
        LoggedRequest assume = aws.requestLog().of(Operation.ASSUME_ROLE).get(0);
        assertEquals(Map.of("RoleArn", ROLE, "RoleSessionName", "alice-laptop", "DurationSeconds", "7200",
                "ExternalId", "example-external-id"), assume.parameters());
        assertEquals("ap-northeast-1", assume.region(), "without a profile region: AWS_REGION");
        assertTrue(r.expiration().isAfter(before.plus(Duration.ofMinutes(119))), "two hours: " + r.expiration());
    }

    @Test
    void anSsoProfileCanBeTheSource() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":role/Dev");
        aws.home().write(".aws/config", "[profile sso]\nsso_session = corp\nsso_account_id = " + ACCOUNT + "\n"
                + "sso_role_name = Dev\n\n[sso-session corp]\nsso_start_url = " + START_URL + "\nsso_region = "
                + "us-east-1\n\n[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = sso\n"
                + "role_session_name = dev-session\n");
        aws.stand().cacheValidToken("corp");
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/BedrockAccess/dev-session",
                identityOf(resolve("bedrock")));
        assertEquals(List.of(Operation.GET_ROLE_CREDENTIALS, Operation.ASSUME_ROLE, Operation.GET_CALLER_IDENTITY),
                aws.requestLog().operations());
    }

    @Test
    void anExpiredSsoSourceAsksForItsLogin() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":role/Dev");
        aws.home().write(".aws/config", "[profile sso]\nsso_session = corp\nsso_account_id = " + ACCOUNT + "\n"
                + "sso_role_name = Dev\n\n[sso-session corp]\nsso_start_url = " + START_URL + "\nsso_region = "
                + "us-east-1\n\n[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = sso\n");
        Run r = aws.home().run("export-credentials", "--profile", "bedrock");
        assertOneLineError(r, 4, ciKeys);
        assertTrue(r.err.contains("fix: bedrock-setup login --profile sso"), r.err);
    }

    @Test
    void expiredSourceSessionKeysAreExpiredTokenWithAFix() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":root");
        IssuedCredentials old = aws.scenario().issueRoleCredentials(ACCOUNT, "Dev", Duration.ofMinutes(-5));
        aws.home().credentials("old", old);
        aws.home().write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = old\n");
        Run r = aws.home().run("export-credentials", "--profile", "bedrock");
        assertOneLineError(r, 4, old);
        assertTrue(r.err.contains("credentials of profile 'old' have expired"), r.err);
        assertTrue(r.err.contains(ROLE), r.err);
        assertFalse(r.err.contains(old.sessionToken()), r.err);
    }

    @Test
    void aChainOfTwoRoles() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "Hop", "arn:aws:iam::" + ACCOUNT + ":user/ci")
                .addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":role/Hop");
        aws.home().write(".aws/config", "[profile hop]\nrole_arn = arn:aws:iam::" + ACCOUNT
                + ":role/Hop\nsource_profile = ci\n"
                + "role_session_name = first\n\n[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = hop\n"
                + "role_session_name = second\n");
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/BedrockAccess/second", identityOf(resolve("bedrock")));
        List<LoggedRequest> assumes = aws.requestLog().of(Operation.ASSUME_ROLE);
        assertEquals(List.of("arn:aws:iam::" + ACCOUNT + ":role/Hop", ROLE),
                assumes.stream().map(a -> a.parameters().get("RoleArn")).toList());
        assertEquals(ciKeys.accessKeyId(), assumes.get(0).accessKeyId());
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/Hop/first",
                aws.scenario().credentials(assumes.get(1).accessKeyId()).orElseThrow().principalArn(),
                "the second hop is signed with the first hop's session");
    }

    @Test
    void aProfileNamingItselfAsSourceUsesItsOwnKeys() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/ci");
        aws.home().write(".aws/config", "[profile ci]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "role_session_name = self\n");
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/BedrockAccess/self", identityOf(resolve("ci")));
    }

    @Test
    void aCycleIsRefusedWithTheChainNamed() throws Exception {
        aws.home().write(".aws/config", "[profile a]\nrole_arn = " + ROLE + "\nsource_profile = b\n\n[profile b]\n"
                + "role_arn = arn:aws:iam::" + ACCOUNT + ":role/Other\nsource_profile = a\n");
        Run r = aws.home().run("export-credentials", "--profile", "a");
        assertOneLineError(r, 2, ciKeys);
        assertTrue(r.err.contains("cycle: a -> b -> a\n"), r.err);
        assertTrue(aws.requestLog().all().isEmpty(), "nothing sent to AWS");
    }

    @Test
    void aDeniedRoleNamesTheRoleAndTheFix() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/someone-else");
        aws.home().write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n");
        Run r = aws.home().run("export-credentials", "--profile", "bedrock");
        assertOneLineError(r, 4, ciKeys);
        assertTrue(r.err.contains("User: arn:aws:iam::" + ACCOUNT + ":user/ci is not authorized to perform: "
                + "sts:AssumeRole on resource: " + ROLE), r.err);
        assertTrue(r.err.contains("trust policy") && r.err.contains("sts:AssumeRole on " + ROLE), r.err);
    }

    @Test
    void mfaSerialIsRefusedBeforeAnythingIsSent() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/ci");
        aws.home().write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "mfa_serial = arn:aws:iam::" + ACCOUNT + ":mfa/ci\n");
        Run r = aws.home().run("export-credentials", "--profile", "bedrock");
        assertOneLineError(r, 2, ciKeys);
        assertTrue(r.err.contains("profile bedrock needs an MFA code"), r.err);
        assertTrue(r.err.contains("Claude Code cannot prompt for it either"), r.err);
        assertTrue(r.err.contains("use an SSO profile") && r.err.contains("awsCredentialExport"), r.err);
        assertTrue(aws.requestLog().all().isEmpty(), "nothing sent to AWS");
    }

    @Test
    void credentialSourceEnvironmentUsesTheInjectedEnvironmentsKeys() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/ci");
        aws.home().write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\ncredential_source = Environment\n"
                + "role_session_name = from-env\n");
        Run missing = aws.home().run("export-credentials", "--profile", "bedrock");
        assertOneLineError(missing, 2, ciKeys);
        assertTrue(missing.err.contains("AWS_ACCESS_KEY_ID"), missing.err);

        aws.home().vars.put("AWS_ACCESS_KEY_ID", ciKeys.accessKeyId());
        aws.home().vars.put("AWS_SECRET_ACCESS_KEY", ciKeys.secretAccessKey());
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/BedrockAccess/from-env",
                identityOf(resolve("bedrock")));

        aws.home().write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\ncredential_source = Laptop\n");
        Run unknown = aws.home().run("export-credentials", "--profile", "bedrock");
        assertOneLineError(unknown, 2, ciKeys);
        assertTrue(unknown.err.contains("Environment, Ec2InstanceMetadata or EcsContainer"), unknown.err);
    }

    @Test
    void exportCredentialsPrintsTheAssumedSessionWithStsExpiration() throws Exception {
        aws.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/ci")
                .maxSessionDuration(ROLE, Duration.ofHours(2));
        aws.home().write(".aws/config", "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "duration_seconds = 5400\n");
        Run r = aws.home().run("export-credentials", "--profile", "bedrock");
        assertEquals(0, r.exit, r.toString());
        assertEquals("", r.err);
        JsonNode creds = JSON.readTree(r.out).get("Credentials");
        String keyId = creds.get("AccessKeyId").asText();
        IssuedCredentials issued = aws.scenario().credentials(keyId).orElseThrow();
        assertTrue(issued.principalArn().startsWith("arn:aws:sts::" + ACCOUNT + ":assumed-role/BedrockAccess/"));
        assertEquals(issued.secretAccessKey(), creds.get("SecretAccessKey").asText());
        assertEquals(issued.sessionToken(), creds.get("SessionToken").asText());
        assertEquals(issued.expiration().toString(), creds.get("Expiration").asText(), "STS's Expiration");
        assertFalse(keyId.equals(ciKeys.accessKeyId()), "not the source keys");
        try (AwsClients c = AwsClients.builder(aws.home().env()).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsSessionCredentials.create(keyId,
                        issued.secretAccessKey(), issued.sessionToken()))).build()) {
            assertEquals(issued.principalArn(), c.sts().getCallerIdentity().arn());
        }
    }
}
