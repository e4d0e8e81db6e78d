package dev.bedrocksetup.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BedrockRuntimeTest {
    static final String SONNET_EU = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final StandInFixture f = new StandInFixture();
    private final IssuedCredentials creds = f.roleCredentials();

    static SdkBytes messagesBody(int maxTokens) {
        return SdkBytes.fromUtf8String("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    private BedrockRuntimeClient runtime(String region) {
        return f.clients(region, creds).bedrockRuntime();
    }

    private static JsonNode json(SdkBytes bytes) throws IOException {
        return JSON.readTree(bytes.asByteArray());
    }

    @Test
    void invokeModelAnswersWithTheScenarioText() throws IOException {
        f.scenario.replyText("Bonjour from Paris.");
        InvokeModelResponse r = runtime("eu-west-3").invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(512)));
        JsonNode m = json(r.body());
        assertEquals("Bonjour from Paris.", m.at("/content/0/text").asText());
        assertEquals("end_turn", m.get("stop_reason").asText());
        assertEquals("anthropic.claude-sonnet-4-5-20250929-v1:0", m.get("model").asText());

        LoggedRequest logged = f.server.requestLog().of(Operation.INVOKE_MODEL).get(0);
        assertEquals("eu-west-3", logged.region());
        assertEquals(creds.accessKeyId(), logged.accessKeyId());
        assertEquals(SONNET_EU, logged.modelId());
        assertEquals("/model/eu.anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke", logged.path());
    }

    @Test
    void aOneTokenProbeStopsAtMaxTokens() throws IOException {
        JsonNode m = json(runtime("us-east-1").invokeModel(b -> b.modelId("global.anthropic.claude-opus-5")
                .body(messagesBody(1))).body());
        assertEquals("max_tokens", m.get("stop_reason").asText());
        assertEquals("Hello", m.at("/content/0/text").asText());
        assertEquals(1, m.at("/usage/output_tokens").asInt());
    }

    @Test
    void inferenceProfileArnsAndApplicationProfilesAreAccepted() throws IOException {
        String arn = "arn:aws:bedrock:us-west-2:111122223333:inference-profile/us.anthropic.claude-opus-4-6-v1";
        assertEquals("anthropic.claude-opus-4-6-v1",
                json(runtime("us-west-2").invokeModel(b -> b.modelId(arn).body(messagesBody(5))).body())
                        .get("model").asText());
        InferenceProfile app = f.scenario.addApplicationProfile(StandInFixture.ACCOUNT, "us-west-2", "team",
                "us.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertEquals("anthropic.claude-haiku-4-5-20251001-v1:0",
                json(runtime("us-west-2").invokeModel(b -> b.modelId(app.arn()).body(messagesBody(5))).body())
                        .get("model").asText());
    }

    @Test
    void converseAnswers() {
        f.scenario.replyText("Converse works.");
        ConverseResponse r = runtime("ap-northeast-1").converse(b -> b.modelId("jp.anthropic.claude-haiku-4-5-20251001-v1:0")
                .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()));
        assertEquals("Converse works.", r.output().message().content().get(0).text());
        assertEquals(StopReason.END_TURN, r.stopReason());
        assertEquals(2, r.usage().outputTokens());
        assertEquals(Operation.CONVERSE, f.server.requestLog().all().get(0).operation());
    }

    /** Streams with the SDK's async client; the SDK decodes the event stream (and checks its CRCs). */
    static List<JsonNode> stream(BedrockRuntimeAsyncClient client, String modelId) throws Exception {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                        .onChunk(c -> {
                            try {
                                events.add(JSON.readTree(c.bytes().asByteArray()));
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        }).build())
                .build();
        client.invokeModelWithResponseStream(b -> b.modelId(modelId).body(messagesBody(1024)), handler)
                .get(20, TimeUnit.SECONDS);
        return events;
    }

    static String text(List<JsonNode> events) {
        StringBuilder sb = new StringBuilder();
        events.stream().filter(e -> e.get("type").asText().equals("content_block_delta"))
                .forEach(e -> sb.append(e.at("/delta/text").asText()));
        return sb.toString();
    }

    @Test
    void theEventStreamIsDecodedByTheSdk() throws Exception {
        f.scenario.replyText("Streaming across several chunks works.");
        List<JsonNode> events = stream(f.clients("eu-west-1", creds).bedrockRuntimeAsync(), SONNET_EU);
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        assertEquals("message_start", types.get(0));
        assertEquals("message_stop", types.get(types.size() - 1));
        assertTrue(types.stream().filter("content_block_delta"::equals).count() > 1, types.toString());
        assertEquals("Streaming across several chunks works.", text(events));
        assertEquals("end_turn", events.get(events.size() - 2).at("/delta/stop_reason").asText());
        LoggedRequest logged = f.server.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM).get(0);
        assertEquals("eu-west-1", logged.region());
        assertEquals(SONNET_EU, logged.modelId());
    }

    @Test
    void aBareFoundationModelIdNeedsAnInferenceProfile() {
        ValidationException e = assertThrows(ValidationException.class, () -> runtime("eu-west-1").invokeModel(b -> b
                .modelId("anthropic.claude-sonnet-4-5-20250929-v1:0").body(messagesBody(1))));
        assertEquals("Invocation of model ID anthropic.claude-sonnet-4-5-20250929-v1:0 with on-demand throughput"
                + " isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this"
                + " model.", e.awsErrorDetails().errorMessage());
        assertEquals(400, e.statusCode());
    }

    @Test
    void aPrefixThatDoesNotFitTheRegionIsAnInvalidIdentifier() {
        ValidationException e = assertThrows(ValidationException.class, () -> runtime("eu-west-1").invokeModel(b -> b
                .modelId("us.anthropic.claude-sonnet-4-5-20250929-v1:0").body(messagesBody(1))));
        assertEquals("The provided model identifier is invalid.", e.awsErrorDetails().errorMessage());
        assertThrows(ValidationException.class, () -> runtime("eu-west-1").invokeModel(b -> b
                .modelId("eu.anthropic.claude-unknown").body(messagesBody(1))));
    }

    @Test
    void useCaseFormMissing() {
        f.scenario.useCaseFormMissing(StandInFixture.ACCOUNT);
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> runtime("eu-west-1")
                .invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(1))));
        assertTrue(e.awsErrorDetails().errorMessage().startsWith(
                "Model use case details have not been submitted for this account."), e.getMessage());
        assertEquals(404, e.statusCode());
    }

    @Test
    void modelsNotGrantedInTheRegionAreDenied() throws IOException {
        f.scenario.grantOnly(StandInFixture.ACCOUNT, "eu-west-1", "anthropic.claude-haiku-4-5-20251001-v1:0");
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> runtime("eu-west-1")
                .invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(1))));
        assertEquals("You don't have access to the model with the specified model ID.", e.awsErrorDetails()
                .errorMessage());
        json(runtime("eu-west-1").invokeModel(b -> b.modelId("eu.anthropic.claude-haiku-4-5-20251001-v1:0")
                .body(messagesBody(1))).body());
        json(runtime("eu-central-1").invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(1))).body());
    }

    @Test
    void iamDenialOfStreamingSurfacesFromTheAsyncClientWithAwsMessage() {
        f.scenario.failAlways(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Fault.accessDenied());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stream(f.clients("eu-west-1", creds).bedrockRuntimeAsync(), SONNET_EU));
        AccessDeniedException denied = assertInstanceOf(AccessDeniedException.class, e.getCause());
        assertEquals("User: arn:aws:sts::111122223333:assumed-role/BedrockUser/alice is not authorized to perform:"
                + " bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:eu-west-1:111122223333:"
                + "inference-profile/" + SONNET_EU + " because no identity-based policy allows the"
                + " bedrock:InvokeModelWithResponseStream action", denied.awsErrorDetails().errorMessage());
        // InvokeModel is not affected: the fault was injected for the streaming operation only.
        runtime("eu-west-1").invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(1)));
    }

    @Test
    void throttlingAndInjectedExpiry() {
        f.scenario.failNext(Operation.INVOKE_MODEL, Fault.throttling(), 1)
                .failNext(Operation.CONVERSE, Fault.expiredToken(), 1);
        ThrottlingException t = assertThrows(ThrottlingException.class, () -> runtime("eu-west-1")
                .invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(1))));
        assertEquals(429, t.statusCode());
        assertEquals("Too many requests, please wait before trying again.", t.awsErrorDetails().errorMessage());
        BedrockRuntimeException x = assertThrows(BedrockRuntimeException.class, () -> runtime("eu-west-1")
                .converse(b -> b.modelId(SONNET_EU).messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText("hi")).build())));
        assertEquals("ExpiredTokenException", x.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is expired", x.awsErrorDetails().errorMessage());
    }

    @Test
    void signatureFailuresUseTheJsonServicesCodes() {
        var wrong = software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(creds.accessKeyId(),
                "wrong-secret-0123456789012345678901234567", creds.sessionToken());
        BedrockRuntimeException bad = assertThrows(BedrockRuntimeException.class, () -> f.clients("eu-west-1", wrong,
                dev.bedrocksetup.aws.ClientSettings.defaults().withMaxAttempts(1)).bedrockRuntime()
                .invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(1))));
        assertEquals("InvalidSignatureException", bad.awsErrorDetails().errorCode());
        assertEquals(403, bad.statusCode());

        IssuedCredentials expired = f.scenario.issueRoleCredentials(StandInFixture.ACCOUNT, "BedrockUser",
                java.time.Duration.ofSeconds(-5));
        BedrockRuntimeException exp = assertThrows(BedrockRuntimeException.class, () -> f.clients("eu-west-1",
                expired).bedrockRuntime().invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(1))));
        assertEquals("ExpiredTokenException", exp.awsErrorDetails().errorCode());

        var unknown = software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIA" + "Z".repeat(16),
                "x".repeat(40));
        BedrockRuntimeException unk = assertThrows(BedrockRuntimeException.class, () -> f.clients("eu-west-1",
                unknown, dev.bedrocksetup.aws.ClientSettings.defaults().withMaxAttempts(1)).bedrockRuntime()
                .invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(1))));
        assertEquals("UnrecognizedClientException", unk.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", unk.awsErrorDetails().errorMessage());
    }

    @Test
    void bedrockApiKeysAreAcceptedAsBearerTokens() throws Exception {
        ApiKey key = f.scenario.issueApiKey(StandInFixture.ACCOUNT, "eu-west-1", java.time.Duration.ofHours(12));
        f.scenario.replyText("Keyed in.");
        var clients = f.apiKeyClients("eu-west-1", key.key());
        assertEquals("Keyed in.", json(clients.bedrockRuntime().invokeModel(b -> b.modelId(SONNET_EU)
                .body(messagesBody(10))).body()).at("/content/0/text").asText());
        assertEquals("Keyed in.", text(stream(clients.bedrockRuntimeAsync(), SONNET_EU)));
        LoggedRequest logged = f.server.requestLog().of(Operation.INVOKE_MODEL).get(0);
        assertTrue(logged.apiKey());
        assertNull(logged.accessKeyId());
        assertEquals("eu-west-1", logged.region());

        ApiKey expired = f.scenario.issueApiKey(StandInFixture.ACCOUNT, "eu-west-1", java.time.Duration.ofHours(-1));
        BedrockRuntimeException e = assertThrows(BedrockRuntimeException.class, () -> f.apiKeyClients("eu-west-1",
                expired.key()).bedrockRuntime().invokeModel(b -> b.modelId(SONNET_EU).body(messagesBody(1))));
        assertEquals("ExpiredTokenException", e.awsErrorDetails().errorCode());

        BedrockRuntimeException unknown = assertThrows(BedrockRuntimeException.class, () -> f.apiKeyClients(
                "eu-west-1", "ABSK" + "A".repeat(40)).bedrockRuntime().invokeModel(b -> b.modelId(SONNET_EU)
                .body(messagesBody(1))));
        assertEquals(403, unknown.statusCode());
    }

    @Test
    void anExceptionInsideTheStreamSurfacesAsTheModeledException() {
        f.scenario.failStreamsAfterEvents(2, "throttlingException", "Too many tokens, please wait before trying again.");
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        ExecutionException e = assertThrows(ExecutionException.class, () -> {
            InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler
                    .builder().subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                            .onChunk(c -> seen.add(JSON.valueToTree(c.bytes().asUtf8String()))).build()).build();
            f.clients("eu-west-1", creds).bedrockRuntimeAsync().invokeModelWithResponseStream(b -> b
                    .modelId(SONNET_EU).body(messagesBody(100)), handler).get(20, TimeUnit.SECONDS);
        });
        ThrottlingException t = assertInstanceOf(ThrottlingException.class, e.getCause());
        assertEquals("Too many tokens, please wait before trying again.", t.awsErrorDetails().errorMessage());
        assertEquals(2, seen.size(), "the events before the exception arrived");
        assertEquals(200, f.server.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM).get(0).status());
    }

    @Test
    void shortTermApiKeysNameTheirRegionAndWork() throws Exception {
        ApiKey key = f.scenario.issueShortTermApiKey(StandInFixture.ACCOUNT, "eu-west-1", java.time.Duration.ofHours(12));
        assertTrue(key.key().startsWith("bedrock-api-key-"));
        String presigned = new String(java.util.Base64.getDecoder().decode(key.key().substring("bedrock-api-key-"
                .length())), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(presigned.contains("%2Feu-west-1%2Fbedrock%2Faws4_request") && presigned.contains(
                "X-Amz-Expires=43200"), presigned);
        assertEquals("Hello", json(f.apiKeyClients("eu-west-1", key.key()).bedrockRuntime().invokeModel(b -> b
                .modelId(SONNET_EU).body(messagesBody(1))).body()).at("/content/0/text").asText());

        BedrockRuntimeException e = assertThrows(BedrockRuntimeException.class, () -> f.apiKeyClients("eu-west-1",
                "sk-ant-not-a-bedrock-key").bedrockRuntime().invokeModel(b -> b.modelId(SONNET_EU)
                .body(messagesBody(1))));
        assertEquals("Invalid API Key format: Must start with pre-defined prefix", e.awsErrorDetails().errorMessage());
    }
}
