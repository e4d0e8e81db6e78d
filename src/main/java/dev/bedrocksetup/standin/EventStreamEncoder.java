package dev.bedrocksetup.standin;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes messages of the AWS event stream ({@code application/vnd.amazon.eventstream}): a 12-byte prelude (total
 * length, headers length, CRC32 of those eight bytes), string headers, the payload, and a CRC32 of all of it.
 */
final class EventStreamEncoder {
    private static final byte STRING_HEADER = 7;

    private EventStreamEncoder() {}

    /** An event message, e.g. {@code chunk} with a JSON payload. */
    static byte[] event(String eventType, byte[] payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        return message(headers, payload);
    }

    /** An exception message mid-stream, e.g. {@code throttlingException}; the payload carries the message. */
    static byte[] exception(String exceptionType, byte[] payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "exception");
        return message(headers, payload);
    }

    static byte[] message(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            h.write(n.length);
            h.writeBytes(n);
            h.write(STRING_HEADER);
            h.write((v.length >>> 8) & 0xff);
            h.write(v.length & 0xff);
            h.writeBytes(v);
        });
        byte[] headerBytes = h.toByteArray();
        int total = 12 + headerBytes.length + payload.length + 4;
        ByteBuffer buf = ByteBuffer.allocate(total);
        buf.putInt(total);
        buf.putInt(headerBytes.length);
        buf.putInt((int) crc(buf.array(), 0, 8));
        buf.put(headerBytes);
        buf.put(payload);
        buf.putInt((int) crc(buf.array(), 0, total - 4));
        return buf.array();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 c = new CRC32();
        c.update(bytes, offset, length);
        return c.getValue();
    }
}
