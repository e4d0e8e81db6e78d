package dev.bedrocksetup.standin;

import org.junit.jupiter.api.Test;
import software.amazon.eventstream.Message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Frames checked with the SDK's own event-stream decoder, which verifies both CRCs. */
class EventStreamEncoderTest {
    private static final byte[] PAYLOAD = "{\"bytes\":\"eyJ0eXBlIjoibWVzc2FnZV9zdG9wIn0=\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void anEventFrameDecodesWithItsHeadersAndPayload() {
        byte[] frame = EventStreamEncoder.event("chunk", PAYLOAD);
        Message m = Message.decode(ByteBuffer.wrap(frame));
        assertEquals("chunk", m.getHeaders().get(":event-type").getString());
        assertEquals("event", m.getHeaders().get(":message-type").getString());
        assertEquals("application/json", m.getHeaders().get(":content-type").getString());
        assertArrayEquals(PAYLOAD, m.getPayload());
        assertEquals(frame.length, ByteBuffer.wrap(frame).getInt());
    }

    @Test
    void exceptionFramesCarryTheExceptionType() {
        Message m = Message.decode(ByteBuffer.wrap(EventStreamEncoder.exception("throttlingException",
                "{\"message\":\"slow down\"}".getBytes(StandardCharsets.UTF_8))));
        assertEquals("exception", m.getHeaders().get(":message-type").getString());
        assertEquals("throttlingException", m.getHeaders().get(":exception-type").getString());
    }

    @Test
    void aFlippedBitBreaksTheChecksums() {
        byte[] payloadFlip = EventStreamEncoder.event("chunk", PAYLOAD);
        payloadFlip[payloadFlip.length - 10] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> Message.decode(ByteBuffer.wrap(payloadFlip)));
        byte[] preludeFlip = EventStreamEncoder.event("chunk", PAYLOAD);
        preludeFlip[6] ^= 1;
        assertThrows(RuntimeException.class, () -> Message.decode(ByteBuffer.wrap(preludeFlip)));
    }
}
