package dev.bedrocksetup.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.aws.ClientSettings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS AssumeRole on the stand-in, read by the Java SDK's own StsClient (and by botocore when installed). */
class StsAssumeRoleTest {
    static final String ROLE = "arn:aws:iam::111122223333:role/BedrockAccess";

    @RegisterExtension
    final StandInFixture f = new StandInFixture();

    private IssuedCredentials ciKeys() {
        IssuedCredentials keys = f.scenario.issueUserKeys(StandInFixture.ACCOUNT, "ci");
        f.scenario.addIamRole(StandInFixture.ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:user/ci");
        return keys;
    }

    @Test
    void theIssuedSessionIsTheAssumedRoleEverywhere() {
        IssuedCredentials keys = ciKeys();
        Instant before = Instant.now();
        AssumeRoleResponse r = f.clients("eu-west-1", keys).sts().assumeRole(b -> b.roleArn(ROLE)
                .roleSessionName("nightly-build"));
        assertEquals("arn:aws:sts::111122223333:assumed-role/BedrockAccess/nightly-build", r.assumedRoleUser().arn());
        assertTrue(r.assumedRoleUser().assumedRoleId().matches("AROA[A-Z0-9]{17}:nightly-build"),
                r.assumedRoleUser().assumedRoleId());
        assertTrue(r.credentials().accessKeyId().startsWith("ASIA"));
        Instant exp = r.credentials().expiration();
        assertTrue(exp.isAfter(before.plus(Duration.ofMinutes(59))) && exp.isBefore(before.plus(Duration.ofMinutes(61))),
                "an hour by default: " + exp);

        var session = AwsSessionCredentials.create(r.credentials().accessKeyId(), r.credentials().secretAccessKey(),
                r.credentials().sessionToken());
        AwsClients as = f.clients("us-east-1", session, ClientSettings.defaults().withMaxAttempts(1));
        assertEquals("arn:aws:sts::111122223333:assumed-role/BedrockAccess/nightly-build",
                as.sts().getCallerIdentity().arn());
        assertTrue(!as.bedrock().listInferenceProfiles(b -> b.typeEquals(InferenceProfileType.SYSTEM_DEFINED))
                .inferenceProfileSummaries().isEmpty(), "Bedrock accepts the session");

        LoggedRequest logged = f.server.requestLog().of(Operation.ASSUME_ROLE).get(0);
        assertEquals(keys.accessKeyId(), logged.accessKeyId(), "signed with the caller's keys");
        assertEquals("eu-west-1", logged.region());
        assertEquals(Map.of("RoleArn", ROLE, "RoleSessionName", "nightly-build"), logged.parameters());
    }

    @Test
    void aRoleThatDoesNotTrustTheCallerIsDeniedInAwsWords() {
        IssuedCredentials keys = ciKeys();
        IssuedCredentials other = f.scenario.issueUserKeys(StandInFixture.ACCOUNT, "intern");
        for (String role : List.of(ROLE, "arn:aws:iam::111122223333:role/NoSuchRole")) {
            StsException e = assertThrows(StsException.class, () -> f.clients("us-east-1", other).sts()
                    .assumeRole(b -> b.roleArn(role).roleSessionName("s1")));
            assertEquals(403, e.statusCode());
            assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
            assertEquals("User: arn:aws:iam::111122223333:user/intern is not authorized to perform: sts:AssumeRole "
                    + "on resource: " + role, e.awsErrorDetails().errorMessage());
        }
        f.scenario.requireExternalId(ROLE, "example-external-id");
        StsException noId = assertThrows(StsException.class, () -> f.clients("us-east-1", keys).sts()
                .assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1")));
        assertEquals("AccessDenied", noId.awsErrorDetails().errorCode());
        AssumeRoleResponse ok = f.clients("us-east-1", keys).sts().assumeRole(b -> b.roleArn(ROLE)
                .roleSessionName("s1").externalId("example-external-id").durationSeconds(900));
        assertTrue(ok.credentials().expiration().isBefore(Instant.now().plus(Duration.ofMinutes(16))));
        assertEquals(Map.of("RoleArn", ROLE, "RoleSessionName", "s1", "DurationSeconds", "900",
                "ExternalId", "example-external-id"), f.server.requestLog().of(Operation.ASSUME_ROLE).get(3).parameters());
    }

    @Test
    void anExpiredSourceSessionIsExpiredTokenAndChainsAreLimitedToAnHour() {
        f.scenario.addIamRole(StandInFixture.ACCOUNT, "BedrockAccess", "arn:aws:iam::111122223333:role/BedrockUser");
        IssuedCredentials expired = f.scenario.issueRoleCredentials(StandInFixture.ACCOUNT, "BedrockUser",
                Duration.ofMinutes(-1));
        StsException e = assertThrows(StsException.class, () -> f.clients("us-east-1", expired).sts()
                .assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1")));
        assertEquals("ExpiredToken", e.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is expired", e.awsErrorDetails().errorMessage());

        IssuedCredentials sso = f.roleCredentials();
        f.scenario.maxSessionDuration(ROLE, Duration.ofHours(12));
        StsException chained = assertThrows(StsException.class, () -> f.clients("us-east-1", sso).sts()
                .assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1").durationSeconds(7200)));
        assertEquals("ValidationError", chained.awsErrorDetails().errorCode());
        assertTrue(chained.awsErrorDetails().errorMessage().contains("1 hour session limit"), chained.getMessage());
        assertEquals("arn:aws:sts::111122223333:assumed-role/BedrockAccess/s2", f.clients("us-east-1", sso).sts()
                .assumeRole(b -> b.roleArn(ROLE).roleSessionName("s2")).assumedRoleUser().arn(),
                "a session of a trusted role may assume it");
    }

    @Test
    void botocoreAssumesTheRoleFromAProfileAgainstTheStandIn(@TempDir Path home) throws Exception {
        String python = dev.bedrocksetup.testing.ExternalTools.botocorePython();
        IssuedCredentials keys = ciKeys();
        Path script = home.resolve("assume_role.py");
        try (InputStream in = getClass().getResourceAsStream("botocore_assume_role.py")) {
            Files.write(script, in.readAllBytes());
        }
        Files.writeString(home.resolve("config"), "[profile ci]\nregion = eu-west-1\n\n[profile bedrock]\n"
                + "role_arn = " + ROLE + "\nsource_profile = ci\nexternal_id = example-external-id\n"
                + "duration_seconds = 1800\n");
        Files.writeString(home.resolve("credentials"), "[ci]\naws_access_key_id = " + keys.accessKeyId()
                + "\naws_secret_access_key = " + keys.secretAccessKey() + "\n");
        f.scenario.requireExternalId(ROLE, "example-external-id");
        ProcessBuilder pb = new ProcessBuilder(python, script.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.putAll(f.environment().variables());
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PROFILE", "bedrock");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "botocore finished");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).matches("arn arn:aws:sts::111122223333:assumed-role/BedrockAccess/botocore-session-\\d+"),
                out);
        LoggedRequest assume = f.server.requestLog().of(Operation.ASSUME_ROLE).get(0);
        assertEquals(200, assume.status());
        assertEquals("1800", assume.parameters().get("DurationSeconds"));
        assertEquals("example-external-id", assume.parameters().get("ExternalId"));
        assertEquals("error AccessDenied User: arn:aws:iam::111122223333:user/ci is not authorized to perform: "
                + "sts:AssumeRole on resource: arn:aws:iam::111122223333:role/Nope", lines.get(1));
        assertTrue(lines.get(2).startsWith("expiration "), out);
        assertEquals(2, lines.size() - 1);
    }

    /**
     * The same profiles through the JavaScript SDK (Claude Code's resolver) and through bedrock-setup: the AssumeRole
     * requests agree on role, region and ExternalId; they differ only where documented (session name prefix, and the
     * JS SDK always sends DurationSeconds=3600, AWS's default).
     */
    @Test
    void theJavascriptSdkAndBedrockSetupAssumeTheSameRoleTheSameWay(@TempDir Path home) throws Exception {
        String modules = dev.bedrocksetup.testing.ExternalTools.nodeModules("@aws-sdk/client-sts@3.1169.0",
                "@aws-sdk/client-bedrock@3.1162.0", "@anthropic-ai/bedrock-sdk@1.1.3").toString();
        IssuedCredentials keys = ciKeys();
        f.scenario.requireExternalId(ROLE, "example-external-id");
        Path script = home.resolve("js_assume_role.cjs");
        try (InputStream in = getClass().getResourceAsStream("js_assume_role.cjs")) {
            Files.write(script, in.readAllBytes());
        }
        Files.writeString(home.resolve("config"), "[profile bedrock]\nrole_arn = " + ROLE + "\nsource_profile = ci\n"
                + "external_id = example-external-id\nregion = ap-southeast-2\n\n[profile mfa]\nrole_arn = " + ROLE
                + "\nsource_profile = ci\nmfa_serial = arn:aws:iam::111122223333:mfa/ci\n");
        Files.writeString(home.resolve("credentials"), "[ci]\naws_access_key_id = " + keys.accessKeyId()
                + "\naws_secret_access_key = " + keys.secretAccessKey() + "\n");
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), "bedrock", "mfa");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.putAll(f.environment().variables());
        env.put("NODE_PATH", modules);
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_REGION", "eu-west-1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node finished");
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).matches("bedrock arn:aws:sts::111122223333:assumed-role/BedrockAccess/aws-sdk-js-\\d+"),
                out);
        assertEquals("mfa error Profile mfa requires multi-factor authentication, but no MFA code callback was "
                + "provided.", lines.get(1));
        LoggedRequest js = f.server.requestLog().of(Operation.ASSUME_ROLE).get(0);

        Map<String, String> vars = new java.util.HashMap<>(f.environment().variables());
        vars.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        vars.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        vars.put("AWS_REGION", "eu-west-1");
        new dev.bedrocksetup.credentials.ProfileCredentials(dev.bedrocksetup.core.Environment.forTest(home, vars))
                .resolve("bedrock");
        LoggedRequest ours = f.server.requestLog().of(Operation.ASSUME_ROLE).get(1);
        assertEquals("ap-southeast-2", js.region(), "the JS SDK calls STS in the profile's region");
        assertEquals(js.region(), ours.region());
        assertEquals(js.accessKeyId(), ours.accessKeyId());
        for (String k : List.of("RoleArn", "ExternalId")) {
            assertEquals(js.parameters().get(k), ours.parameters().get(k), k);
        }
        assertEquals("3600", js.parameters().get("DurationSeconds"));
        assertTrue(ours.parameters().get("RoleSessionName").matches("bedrock-setup-\\d+"), ours.toString());
    }
}
