package dev.bedrocksetup.standin;

import dev.bedrocksetup.standin.Json.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Bedrock runtime for Claude: InvokeModel, InvokeModelWithResponseStream (AWS event stream of {@code chunk} events
 * whose {@code bytes} are base64 Messages streaming events) and Converse. Model access is checked as Bedrock does:
 * identifier, then grant, then the use-case form.
 */
final class BedrockRuntimeService {
    private final Scenario scenario;

    BedrockRuntimeService(Scenario scenario) {
        this.scenario = scenario;
    }

    StandInResponse handle(Route route, StandInRequest req, Caller caller) {
        ModelResolver.Resolved model = ModelResolver.resolve(scenario, route.modelId(), caller);
        if (!scenario.granted(caller.accountId(), caller.region(), model.modelId())) {
            throw AwsError.accessDenied("You don't have access to the model with the specified model ID.");
        }
        if (!scenario.useCaseSubmitted(caller.accountId())) {
            throw Fault.useCaseNotSubmitted().toError(null);
        }
        Map<?, ?> body = Json.parse(req.body());
        int inputTokens = Math.max(1, req.body().length / 4);
        return switch (route.operation()) {
            case INVOKE_MODEL -> invoke(model, body, inputTokens);
            case INVOKE_MODEL_WITH_RESPONSE_STREAM -> stream(model, body, inputTokens);
            case CONVERSE -> converse(model, body, inputTokens);
            default -> throw new IllegalArgumentException(route.operation().name());
        };
    }

    private AnthropicReply messagesReply(ModelResolver.Resolved model, Map<?, ?> body, int inputTokens) {
        for (String required : List.of("anthropic_version", "max_tokens", "messages")) {
            if (!body.containsKey(required)) {
                throw AwsError.validation("Malformed input request: #: required key [" + required
                        + "] not found, please reformat your input and try again.");
            }
        }
        return new AnthropicReply(model.modelId(), scenario.replyText(), Json.integer(body, "max_tokens", 0), inputTokens);
    }

    private StandInResponse invoke(ModelResolver.Resolved model, Map<?, ?> body, int inputTokens) {
        AnthropicReply reply = messagesReply(model, body, inputTokens);
        return StandInResponse.json(200, reply.messagesResponse())
                .header("X-Amzn-Bedrock-Input-Token-Count", String.valueOf(reply.inputTokens()))
                .header("X-Amzn-Bedrock-Output-Token-Count", String.valueOf(reply.outputTokens()))
                .header("X-Amzn-Bedrock-Invocation-Latency", "120");
    }

    private StandInResponse stream(ModelResolver.Resolved model, Map<?, ?> body, int inputTokens) {
        AnthropicReply reply = messagesReply(model, body, inputTokens);
        List<byte[]> messages = new ArrayList<>();
        Scenario.StreamFailure failure = scenario.streamFailure();
        for (ObjectNode event : reply.streamEvents()) {
            if (failure != null && messages.size() == failure.afterEvents()) {
                ObjectNode error = Json.object().put("message", failure.message());
                messages.add(EventStreamEncoder.exception(failure.exceptionType(), Json.bytes(error)));
                break;
            }
            ObjectNode chunk = Json.object();
            chunk.put("bytes", Base64.getEncoder().encodeToString(Json.bytes(event)));
            // Bedrock pads chunks with a random "p" field so their sizes do not reveal the content.
            chunk.put("p", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".substring(0,
                    1 + (messages.size() * 7) % 40));
            messages.add(EventStreamEncoder.event("chunk", Json.bytes(chunk)));
        }
        return StandInResponse.eventStream(messages);
    }

    private StandInResponse converse(ModelResolver.Resolved model, Map<?, ?> body, int inputTokens) {
        if (!body.containsKey("messages")) {
            throw AwsError.validation("The messages field is required.");
        }
        int maxTokens = Json.integer(Json.member(body, "inferenceConfig"), "maxTokens", 0);
        return StandInResponse.json(200, new AnthropicReply(model.modelId(), scenario.replyText(), maxTokens,
                inputTokens).converseResponse());
    }
}
