package dev.bedrocksetup.standin;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Messages of the AWS event stream ({@code application/vnd.amazon.eventstream}) as Bedrock's streaming answers carry
 * them, framed by {@code software.amazon.eventstream} (the library the SDK decodes them with): prelude, headers,
 * payload, checksums.
 */
final class EventStreamEncoder {
    private EventStreamEncoder() {}

    /** An event message, e.g. {@code chunk} with a JSON payload. */
    static byte[] event(String eventType, byte[] payload) {
        return message(":event-type", eventType, "event", payload);
    }

    /** An exception message mid-stream, e.g. {@code throttlingException}; the payload carries the message. */
    static byte[] exception(String exceptionType, byte[] payload) {
        return message(":exception-type", exceptionType, "exception", payload);
    }

    private static byte[] message(String typeHeader, String type, String messageType, byte[] payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(typeHeader, HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString(messageType));
        ByteBuffer frame = new Message(headers, payload).toByteBuffer();
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }
}
