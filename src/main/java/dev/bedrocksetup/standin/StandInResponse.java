package dev.bedrocksetup.standin;

import com.sun.net.httpserver.HttpExchange;
import dev.bedrocksetup.standin.Json.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reply ready to send: status, headers, and either a body or a sequence of event-stream messages. */
final class StandInResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final List<byte[]> streamedMessages;

    private StandInResponse(int status, String contentType, byte[] body, List<byte[]> streamedMessages) {
        this.status = status;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        this.body = body;
        this.streamedMessages = streamedMessages;
    }

    static StandInResponse json(int status, ObjectNode node) {
        return new StandInResponse(status, "application/json", Json.bytes(node), null);
    }

    static StandInResponse xml(int status, String xml) {
        return new StandInResponse(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8), null);
    }

    static StandInResponse redirect(String location) {
        StandInResponse r = new StandInResponse(302, null, new byte[0], null);
        r.headers.put("Location", location);
        return r;
    }

    static StandInResponse text(int status, String text) {
        return new StandInResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** An AWS event stream: each message is written and flushed on its own, as Bedrock streams them. */
    static StandInResponse eventStream(List<byte[]> messages) {
        return new StandInResponse(200, "application/vnd.amazon.eventstream", null, List.copyOf(messages));
    }

    StandInResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    void send(HttpExchange exchange) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (streamedMessages != null) {
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte[] m : streamedMessages) {
                    out.write(m);
                    out.flush();
                }
            }
            return;
        }
        boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!empty) {
                out.write(body);
            }
        }
    }
}
