package dev.bedrocksetup.bedrock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;

/**
 * Tests the chosen models the way Claude Code calls them: a one-token InvokeModelWithResponseStream each, all at
 * once, each with its own deadline, and classifies every answer ({@link AwsErrorClassifier}). Also checks the two
 * control-plane calls Claude Code makes at start (ListInferenceProfiles, GetInferenceProfile): when they are denied
 * it falls back to built-in model IDs.
 */
public final class AccessProbe {
    /** The smallest Messages request Bedrock accepts: one output token. */
    static final String ONE_TOKEN_BODY = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":1,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    /** Calls per model when Bedrock throttles; Claude Code, too, retries throttled calls a few times. */
    static final int ATTEMPTS = 3;
    /** The wait before the second call, doubled before each further one. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final BedrockRuntimeAsyncClient runtime;
    private final AwsErrorClassifier classifier;
    private final Duration deadline;

    public AccessProbe(BedrockRuntimeAsyncClient runtime, AwsErrorClassifier classifier, Duration deadline) {
        this.runtime = runtime;
        this.classifier = classifier;
        this.deadline = deadline;
    }

    /** One finding per model, in the order given; takes about as long as the slowest model (at most the deadline). */
    public List<AccessFinding> probe(List<String> modelIds) {
        List<CompletableFuture<AccessFinding>> calls = new ArrayList<>();
        for (int i = 0; i < modelIds.size(); i++) {
            String id = modelIds.get(i);
            calls.add(i == modelIds.size() - 1 ? invoke(id) : CompletableFuture.supplyAsync(() -> invoke(id),
                    dev.bedrocksetup.core.CallThreads.oneEach("invoke")).thenCompose(f -> f));
        }
        List<AccessFinding> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.join()));
        return out;
    }

    private CompletableFuture<AccessFinding> invoke(String modelId) {
        return attempt(modelId, 1, System.nanoTime() + deadline.toNanos());
    }

    /**
     * One call; a throttled answer is tried again (Claude Code retries throttling with backoff, so one throttled
     * answer does not stop it) up to {@link #ATTEMPTS} times while the deadline leaves room for the backoff.
     */
    private CompletableFuture<AccessFinding> attempt(String modelId, int attempt, long deadlineNanos) {
        AtomicInteger chunks = new AtomicInteger();
        InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                        .onChunk(c -> chunks.incrementAndGet()).build())
                .build();
        CompletableFuture<Void> call;
        try {
            call = runtime.invokeModelWithResponseStream(b -> b.modelId(modelId).contentType("application/json")
                    .accept("application/json")
                    .body(SdkBytes.fromString(ONE_TOKEN_BODY, StandardCharsets.UTF_8)), handler);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(classifier.classify(modelId, e));
        }
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        return call.copy().orTimeout(left, TimeUnit.MILLISECONDS).handle((ok, failure) -> {
            if (failure == null) {
                String throttled = attempt == 1 ? "" : ", after " + (attempt == 2 ? "being throttled once"
                        : "being throttled " + (attempt - 1) + " times");
                return CompletableFuture.completedFuture(AccessFinding.ok(modelId,
                        "streamed a one-token reply (" + chunks.get() + " events)" + throttled));
            }
            call.cancel(true);
            AccessFinding finding = classifier.classify(modelId, failure);
            long backoff = FIRST_BACKOFF.toMillis() << (attempt - 1);
            boolean room = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) < deadlineNanos;
            if (finding.kind() != AccessClass.THROTTLED || attempt >= ATTEMPTS || !room) {
                return CompletableFuture.completedFuture(finding);
            }
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(backoff,
                    TimeUnit.MILLISECONDS)).thenCompose(v -> attempt(modelId, attempt + 1, deadlineNanos));
        }).thenCompose(f -> f);
    }

    /**
     * bedrock:ListInferenceProfiles and (for {@code profileId}, when given) bedrock:GetInferenceProfile, which Claude
     * Code calls at start; denied, it silently falls back to hard-coded model IDs.
     */
    public static List<AccessFinding> checkControlPlane(BedrockClient bedrock, AwsErrorClassifier classifier,
            String profileId) {
        List<AccessFinding> out = new ArrayList<>();
        out.add(checkList(bedrock, classifier));
        if (profileId != null) {
            out.add(checkGet(bedrock, classifier, profileId));
        }
        return out;
    }

    /** bedrock:ListInferenceProfiles, as Claude Code calls it at start. */
    public static AccessFinding checkList(BedrockClient bedrock, AwsErrorClassifier classifier) {
        try {
            bedrock.listInferenceProfiles(b -> b.maxResults(1));
            return listFinding(classifier, null);
        } catch (RuntimeException e) {
            return listFinding(classifier, e);
        }
    }

    /**
     * The finding for a bedrock:ListInferenceProfiles call that answered ({@code failure} null) or failed so: for a
     * call made already, such as the one listing the region's catalogue.
     */
    public static AccessFinding listFinding(AwsErrorClassifier classifier, Throwable failure) {
        String list = "bedrock:ListInferenceProfiles";
        return failure == null ? AccessFinding.ok(list, "allowed") : controlPlane(classifier.classify(list, failure));
    }

    /** bedrock:GetInferenceProfile for one profile. */
    public static AccessFinding checkGet(BedrockClient bedrock, AwsErrorClassifier classifier, String profileId) {
        String get = "bedrock:GetInferenceProfile";
        try {
            bedrock.getInferenceProfile(b -> b.inferenceProfileIdentifier(profileId));
            return AccessFinding.ok(get, "allowed for " + profileId);
        } catch (RuntimeException e) {
            return controlPlane(classifier.classify(get, e));
        }
    }

    private static AccessFinding controlPlane(AccessFinding f) {
        if (f.kind() != AccessClass.IAM_DENIED) {
            return f;
        }
        return new AccessFinding(f.subject(), f.kind(), f.explanation()
                + "; Claude Code then falls back to built-in model IDs", f.fix(), f.awsMessage());
    }
}
