package dev.bedrocksetup.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.standin.Fault;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.standin.StandInFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Every class of the access probe, answered by the stand-in with AWS's own messages, through the real streaming
 * call (InvokeModelWithResponseStream on the SDK's async client) with real SigV4 or a real bearer key.
 */
class AccessProbeTest {
    static final String REGION = "eu-west-1";
    static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
    static final String SONNET_EU = "eu." + SONNET;

    @RegisterExtension
    final StandInFixture f = new StandInFixture();
    final AwsErrorClassifier classifier = new AwsErrorClassifier(REGION, "dev");

    AccessFinding probeOne(String model) {
        return probeWith(f.roleCredentials(), model);
    }

    AccessFinding probeWith(IssuedCredentials c, String model) {
        AccessProbe probe = new AccessProbe(f.clients(REGION, c).bedrockRuntimeAsync(), classifier,
                Duration.ofSeconds(10));
        return probe.probe(List.of(model)).get(0);
    }

    static void assertClass(AccessClass expected, AccessFinding finding) {
        assertEquals(expected, finding.kind(), finding.toString());
        if (expected != AccessClass.OK) {
            assertTrue(finding.fix() != null && !finding.fix().isBlank(), "every failure has a fix: " + finding);
            assertTrue(!finding.explanation().contains("\n"), "one line: " + finding);
        }
    }

    @Test
    void aGrantedModelIsOk() {
        AccessFinding ok = probeOne(SONNET_EU);
        assertClass(AccessClass.OK, ok);
        assertNull(ok.fix());
        var calls = f.server.requestLog().all();
        assertEquals(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, calls.get(0).operation(), "the call Claude Code makes");
    }

    @Test
    void modelAccessNotGranted() {
        f.scenario.grantOnly(StandInFixture.ACCOUNT, REGION, HAIKU);
        AccessFinding denied = probeOne(SONNET_EU);
        assertClass(AccessClass.ACCESS_NOT_GRANTED, denied);
        assertEquals("You don't have access to the model with the specified model ID.", denied.awsMessage());
        assertTrue(denied.fix().contains("Model access"), denied.fix());
        assertClass(AccessClass.OK, probeOne("eu." + HAIKU));
    }

    @Test
    void useCaseFormMissing() {
        f.scenario.useCaseFormMissing(StandInFixture.ACCOUNT);
        AccessFinding r = probeOne(SONNET_EU);
        assertClass(AccessClass.USE_CASE_FORM_MISSING, r);
        assertTrue(r.fix().contains("use-case form"), r.fix());
    }

    @Test
    void bareFoundationModelIdIsNotOnDemand() {
        AccessFinding r = probeOne(SONNET);
        assertClass(AccessClass.ON_DEMAND_NOT_SUPPORTED, r);
        assertEquals("use eu." + SONNET + " or global." + SONNET, r.fix());
    }

    @Test
    void anotherGeographysPrefixIsAnInvalidIdentifierHere() {
        AccessFinding r = probeOne("us." + SONNET);
        assertClass(AccessClass.INVALID_IDENTIFIER, r);
        assertEquals("The provided model identifier is invalid.", r.awsMessage());
        assertTrue(r.fix().contains("bedrock-setup models --region eu-west-1"), r.fix());
    }

    @Test
    void legacyModel() {
        f.scenario.failNext(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Fault.of(404, "ResourceNotFoundException",
                "This Model is marked by provider as Legacy and you have not been actively using the model in the last"
                        + " 30 days. Please upgrade to an active model on Amazon Bedrock"), 1);
        assertClass(AccessClass.LEGACY_MODEL, probeOne(SONNET_EU));
    }

    @Test
    void throttledOnceIsRetriedAsClaudeCodeRetries() {
        f.scenario.failNext(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Fault.throttling(), 1);
        AccessFinding retried = probeOne(SONNET_EU);
        assertClass(AccessClass.OK, retried);
        assertTrue(retried.explanation().contains("throttled once"), retried.explanation());
        assertEquals(2, f.server.requestLog().all().size(), "one throttled call, one answered");
    }

    @Test
    void throttledBeforeOrDuringTheStream() {
        f.scenario.failAlways(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Fault.throttling());
        AccessFinding before = probeOne(SONNET_EU);
        assertClass(AccessClass.THROTTLED, before);
        assertTrue(before.fix().contains("Service Quotas"), before.fix());
        assertEquals(3, f.server.requestLog().all().size(), "a bounded number of attempts");
        f.scenario.clearFaults();
        f.scenario.failStreamsAfterEvents(1, "throttlingException", "Too many tokens, please wait before trying again.");
        assertClass(AccessClass.THROTTLED, probeOne(SONNET_EU));
    }

    @Test
    void iamDenialNamesTheMissingActionAndResource() {
        f.scenario.failAlways(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Fault.accessDenied());
        AccessFinding r = probeOne(SONNET_EU);
        assertClass(AccessClass.IAM_DENIED, r);
        assertEquals("IAM does not allow bedrock:InvokeModelWithResponseStream on arn:aws:bedrock:eu-west-1:"
                + "111122223333:inference-profile/" + SONNET_EU, r.explanation());
        assertTrue(r.fix().startsWith("allow bedrock:InvokeModelWithResponseStream on arn:aws:bedrock:eu-west-1:"),
                r.fix());
    }

    @Test
    void serviceControlPolicyDenialSaysWhoCanFixIt() {
        f.scenario.failAlways(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Fault.deniedByServiceControlPolicy());
        AccessFinding r = probeOne(SONNET_EU);
        assertClass(AccessClass.IAM_DENIED, r);
        assertTrue(r.explanation().startsWith("an organisation's service control policy denies"), r.explanation());
    }

    @Test
    void expiredCredentials() {
        AccessFinding r = probeWith(f.scenario.issueRoleCredentials(StandInFixture.ACCOUNT, "BedrockUser",
                Duration.ofMinutes(-5)), SONNET_EU);
        assertClass(AccessClass.CREDENTIALS_EXPIRED, r);
        assertEquals("log in again: bedrock-setup login --profile dev", r.fix());
    }

    @Test
    void invalidCredentials() {
        var unknown = AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        AccessProbe probe = new AccessProbe(f.clients(REGION, unknown, ClientSettings.defaults().withMaxAttempts(1))
                .bedrockRuntimeAsync(), classifier, Duration.ofSeconds(10));
        AccessFinding r = probe.probe(List.of(SONNET_EU)).get(0);
        assertClass(AccessClass.CREDENTIALS_INVALID, r);
        assertEquals("The security token included in the request is invalid.", r.awsMessage());
        assertTrue(!r.toString().contains("AKIAIOSFODNN7EXAMPLE"), "key ids are masked: " + r);
    }

    @Test
    void unreachableEndpointIsANetworkProblem() {
        Environment env = Environment.forTest(Path.of(System.getProperty("java.io.tmpdir")),
                Map.of("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:9"));
        try (AwsClients clients = AwsClients.builder(env).region(REGION).settings(ClientSettings.defaults()
                .withMaxAttempts(1)).credentials(StaticCredentialsProvider.create(
                        StandInFixture.credentials(f.roleCredentials()))).build()) {
            AccessFinding r = new AccessProbe(clients.bedrockRuntimeAsync(), classifier, Duration.ofSeconds(10))
                    .probe(List.of(SONNET_EU)).get(0);
            assertClass(AccessClass.NETWORK, r);
        }
    }

    @Test
    void eachModelHasItsOwnDeadlineAndTheyRunTogether() {
        f.scenario.latency(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Duration.ofMillis(700));
        AccessProbe probe = new AccessProbe(f.clients(REGION, f.roleCredentials()).bedrockRuntimeAsync(), classifier,
                Duration.ofSeconds(10));
        List<String> models = List.of(SONNET_EU, "eu." + HAIKU, "global." + SONNET, "global." + HAIKU,
                "eu.anthropic.claude-opus-5");
        long start = System.nanoTime();
        List<AccessFinding> all = probe.probe(models);
        long millis = (System.nanoTime() - start) / 1_000_000;
        all.forEach(r -> assertClass(AccessClass.OK, r));
        assertEquals(models, all.stream().map(AccessFinding::subject).toList(), "in the order asked");
        assertTrue(millis < 3000, "5 × 700 ms in parallel took " + millis + " ms");

        AccessProbe impatient = new AccessProbe(f.clients(REGION, f.roleCredentials()).bedrockRuntimeAsync(),
                classifier, Duration.ofMillis(200));
        AccessFinding late = impatient.probe(List.of(SONNET_EU)).get(0);
        assertClass(AccessClass.NETWORK, late);
        assertTrue(late.explanation().contains("deadline"), late.explanation());
    }

    @Test
    void controlPlaneCallsClaudeCodeMakesAreChecked() {
        var bedrock = f.clients(REGION, f.roleCredentials()).bedrock();
        List<AccessFinding> ok = AccessProbe.checkControlPlane(bedrock, classifier, SONNET_EU);
        assertEquals(List.of("bedrock:ListInferenceProfiles", "bedrock:GetInferenceProfile"),
                ok.stream().map(AccessFinding::subject).toList());
        ok.forEach(r -> assertClass(AccessClass.OK, r));

        f.scenario.failAlways(Operation.GET_INFERENCE_PROFILE, Fault.accessDenied());
        List<AccessFinding> denied = AccessProbe.checkControlPlane(bedrock, classifier, SONNET_EU);
        assertClass(AccessClass.OK, denied.get(0));
        assertClass(AccessClass.IAM_DENIED, denied.get(1));
        assertTrue(denied.get(1).explanation().contains("bedrock:GetInferenceProfile"), denied.get(1).explanation());
        assertTrue(denied.get(1).explanation().contains("falls back to built-in model IDs"));

        f.scenario.failAlways(Operation.LIST_INFERENCE_PROFILES, Fault.accessDenied());
        assertClass(AccessClass.IAM_DENIED, AccessProbe.checkControlPlane(bedrock, classifier, null).get(0));
    }

    @Test
    void bedrockApiKeysAreProbedAsBearerTokens() {
        var key = f.scenario.issueApiKey(StandInFixture.ACCOUNT, REGION, Duration.ofHours(1));
        AwsErrorClassifier forKey = new AwsErrorClassifier(REGION, null);
        AccessFinding ok = new AccessProbe(f.apiKeyClients(REGION, key.key()).bedrockRuntimeAsync(), forKey,
                Duration.ofSeconds(10)).probe(List.of(SONNET_EU)).get(0);
        assertClass(AccessClass.OK, ok);
        assertTrue(f.server.requestLog().all().get(0).apiKey(), "sent as a bearer token");

        var expired = f.scenario.issueShortTermApiKey(StandInFixture.ACCOUNT, REGION, Duration.ofMinutes(-1));
        AccessFinding old = new AccessProbe(f.apiKeyClients(REGION, expired.key()).bedrockRuntimeAsync(), forKey,
                Duration.ofSeconds(10)).probe(List.of(SONNET_EU)).get(0);
        assertClass(AccessClass.CREDENTIALS_EXPIRED, old);
        assertTrue(old.fix().contains("Bedrock API key"), old.fix());

        AccessFinding foreign = new AccessProbe(f.apiKeyClients(REGION, "sk-ant-api03-notabedrockkey")
                .bedrockRuntimeAsync(), forKey, Duration.ofSeconds(10)).probe(List.of(SONNET_EU)).get(0);
        assertClass(AccessClass.CREDENTIALS_INVALID, foreign);
        assertEquals("the bearer token is not a Bedrock API key", foreign.explanation());
    }

    @Test
    void shortTermApiKeysTellTheirRegionAndExpiry() {
        var key = f.scenario.issueShortTermApiKey(StandInFixture.ACCOUNT, "us-west-2", Duration.ofHours(12));
        BedrockApiKey parsed = BedrockApiKey.parse(key.key());
        assertEquals(BedrockApiKey.Kind.SHORT_TERM, parsed.kind());
        assertEquals("us-west-2", parsed.region());
        assertTrue(Math.abs(Duration.between(key.expiration(), parsed.expiresAt()).getSeconds()) <= 1,
                parsed + " vs " + key.expiration());
        assertTrue(parsed.limits(java.time.Instant.now()).startsWith("a short-term key: works only in us-west-2, until"));
        assertEquals(BedrockApiKey.Kind.LONG_TERM, BedrockApiKey.parse(f.scenario.issueApiKey(StandInFixture.ACCOUNT,
                REGION, Duration.ofDays(30)).key()).kind());
        assertEquals(BedrockApiKey.Kind.NOT_A_BEDROCK_KEY, BedrockApiKey.parse("sk-ant-xyz").kind());
    }
}
