package dev.bedrocksetup.standin;

import dev.bedrocksetup.standin.Json.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A model's answer in the shapes Bedrock returns for Claude: an Anthropic Messages response (InvokeModel), the
 * Messages streaming events (InvokeModelWithResponseStream), and a Converse response. The text is the scenario's;
 * {@code max_tokens} cuts it to that many words, so one-token probes see {@code stop_reason: max_tokens}.
 */
final class AnthropicReply {
    private final String modelId;
    private final String text;
    private final boolean truncated;
    private final int inputTokens;
    private final int outputTokens;

    AnthropicReply(String modelId, String fullText, int maxTokens, int inputTokens) {
        List<String> words = Arrays.asList(fullText.split(" "));
        this.truncated = maxTokens > 0 && words.size() > maxTokens;
        this.text = truncated ? String.join(" ", words.subList(0, maxTokens)) : fullText;
        this.outputTokens = truncated ? maxTokens : words.size();
        this.modelId = modelId;
        this.inputTokens = inputTokens;
    }

    int inputTokens() {
        return inputTokens;
    }

    int outputTokens() {
        return outputTokens;
    }

    private String stopReason() {
        return truncated ? "max_tokens" : "end_turn";
    }

    ObjectNode messagesResponse() {
        ObjectNode m = Json.object();
        m.put("id", "msg_bdrk_" + UUID.randomUUID().toString().replace("-", ""));
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", modelId);
        m.putArray("content").addObject().put("type", "text").put("text", text);
        m.put("stop_reason", stopReason());
        m.putNull("stop_sequence");
        m.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return m;
    }

    /** The Messages streaming events, in order; Bedrock wraps each in a {@code chunk} event. */
    List<ObjectNode> streamEvents() {
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode start = Json.object().put("type", "message_start");
        ObjectNode message = messagesResponse();
        message.putArray("content");
        message.putNull("stop_reason");
        ((ObjectNode) message.get("usage")).put("output_tokens", 1);
        start.set("message", message);
        events.add(start);
        ObjectNode blockStart = Json.object().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        events.add(blockStart);
        for (String piece : pieces(text)) {
            ObjectNode delta = Json.object().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            events.add(delta);
        }
        events.add(Json.object().put("type", "content_block_stop").put("index", 0));
        ObjectNode messageDelta = Json.object().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason()).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", outputTokens);
        events.add(messageDelta);
        ObjectNode stop = Json.object().put("type", "message_stop");
        stop.putObject("amazon-bedrock-invocationMetrics").put("inputTokenCount", inputTokens)
                .put("outputTokenCount", outputTokens).put("invocationLatency", 120).put("firstByteLatency", 40);
        events.add(stop);
        return events;
    }

    ObjectNode converseResponse() {
        ObjectNode out = Json.object();
        ObjectNode message = out.putObject("output").putObject("message");
        message.put("role", "assistant");
        message.putArray("content").addObject().put("text", text);
        out.put("stopReason", truncated ? "max_tokens" : "end_turn");
        out.putObject("usage").put("inputTokens", inputTokens).put("outputTokens", outputTokens)
                .put("totalTokens", inputTokens + outputTokens);
        out.putObject("metrics").put("latencyMs", 120);
        return out;
    }

    /** The text in word-sized deltas, spaces kept, so a client must join several deltas. */
    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            out.add(i == 0 ? words[i] : " " + words[i]);
        }
        return out;
    }
}
