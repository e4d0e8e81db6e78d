package dev.bedrocksetup.standin;

import dev.bedrocksetup.aws.AwsClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLogTest {
    @RegisterExtension
    final StandInFixture f = new StandInFixture();
    private final IssuedCredentials creds = f.roleCredentials();

    @Test
    void recordsAClaudeCodeLikeSessionInOrder() throws Exception {
        AwsClients clients = f.clients("eu-west-1", creds);
        clients.bedrock().listInferenceProfiles(r -> r.typeEquals(InferenceProfileType.SYSTEM_DEFINED));
        BedrockRuntimeClient runtime = clients.bedrockRuntime();
        runtime.invokeModel(b -> b.modelId("eu.anthropic.claude-haiku-4-5-20251001-v1:0")
                .body(BedrockRuntimeTest.messagesBody(1)));
        // A probe Bedrock refuses is logged with its status too.
        try {
            runtime.invokeModel(b -> b.modelId("us.anthropic.claude-opus-5").body(BedrockRuntimeTest.messagesBody(1)));
        } catch (RuntimeException expected) {
            // ValidationException: us. does not fit eu-west-1
        }
        BedrockRuntimeTest.stream(clients.bedrockRuntimeAsync(), "global.anthropic.claude-opus-5");

        List<LoggedRequest> log = f.server.requestLog().all();
        assertEquals(List.of(Operation.LIST_INFERENCE_PROFILES, Operation.INVOKE_MODEL, Operation.INVOKE_MODEL,
                Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM), f.server.requestLog().operations());
        assertEquals(List.of(200, 200, 400, 200), log.stream().map(LoggedRequest::status).collect(Collectors.toList()));
        assertTrue(log.stream().allMatch(e -> e.region().equals("eu-west-1")
                && e.accessKeyId().equals(creds.accessKeyId())));
        assertEquals("/inference-profiles", log.get(0).path());
        assertEquals("global.anthropic.claude-opus-5", log.get(3).modelId());
        String printed = f.server.requestLog().toString();
        assertFalse(printed.contains(creds.accessKeyId()), printed);
        assertTrue(printed.contains("InvokeModelWithResponseStream POST /model/global.anthropic.claude-opus-5/"
                + "invoke-with-response-stream region=eu-west-1"), printed);
    }

    @Test
    void concurrentRequestsAreAllRecorded() throws Exception {
        BedrockRuntimeClient runtime = f.clients("us-east-2", creds).bedrockRuntime();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(pool.submit(() -> runtime.invokeModel(b -> b.modelId("us.anthropic.claude-sonnet-4-5-20250929-v1:0")
                        .body(BedrockRuntimeTest.messagesBody(3)))));
            }
            for (Future<?> c : calls) {
                c.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(24, f.server.requestLog().of(Operation.INVOKE_MODEL).size());
    }

    @Test
    void requestsNoOperationMatchesAreAnswered404AndKept() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(f.server.baseUri().resolve("/model/x/count-tokens"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertEquals("UnknownOperationException", r.headers().firstValue("x-amzn-ErrorType").orElse(""));
        assertEquals(List.of("POST /model/x/count-tokens"), f.server.requestLog().unknown());
        assertTrue(f.server.requestLog().all().isEmpty());
    }
}
