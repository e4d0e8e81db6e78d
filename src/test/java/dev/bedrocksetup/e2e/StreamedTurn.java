package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.StandInHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One turn of {@code claude -p} against the stand-in, for the tests that judge what Claude Code sends to Bedrock. */
final class StreamedTurn {
    private StreamedTurn() {}

    /** It answered, in {@code region}, with exactly one streamed call: the call that carried the turn. */
    static LoggedRequest of(ClaudeCode claude, StandInHome stand, Path project, String region) {
        stand.requestLog().clear();
        ClaudeCode.Result r = claude.print("Say hello.", stand.home.home, project, stand.baseUri(),
                Duration.ofSeconds(90));
        assertEquals(0, r.exit(), r.toString());
        List<LoggedRequest> streams = stand.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);
        assertEquals(1, streams.size(), "one streamed turn: " + stand.requestLog().all());
        LoggedRequest call = streams.get(0);
        assertEquals(200, call.status(), call.toString());
        assertEquals(region, call.region(), call.toString());
        return call;
    }
}
