package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.claude.HeadlessClaude;
import dev.bedrocksetup.core.ChildProcess.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@code verify --with-claude} reads one {@code claude -p --output-format json} run. The documents are
 * shortened copies of what Claude Code 2.1.330 printed against the stand-in (one line on stdout).
 */
class ClaudeAnswerCheckTest {
    static final String WHO = "Claude Code 2.1.330";
    static final Duration LIMIT = Duration.ofSeconds(90);
    static final String WARNING = "Warning: Opus: Opus 5.5 not available — using Opus 5 for this session\n";

    static final String ANSWERED = "{\"duration_api_ms\":51,\"stop_reason\":\"end_turn\",\"modelUsage\":"
            + "{\"us.anthropic.claude-sonnet-4-5-20250929-v1:0\":{\"inputTokens\":21856,\"outputTokens\":5}},"
            + "\"is_error\":false,\"num_turns\":1,\"subtype\":\"success\",\"api_error_status\":null,"
            + "\"result\":\"ok\",\"type\":\"result\",\"duration_ms\":150}\n";
    static final String API_ERROR = "{\"stop_reason\":\"stop_sequence\",\"modelUsage\":{},\"terminal_reason\":"
            + "\"api_error\",\"is_error\":true,\"num_turns\":1,\"subtype\":\"success\",\"api_error_status\":400,"
            + "\"result\":\"API Error (us.anthropic.claude-nope-v1:0): 400 The provided model identifier is invalid.."
            + " Run --model to pick a different model.\",\"type\":\"result\"}\n";
    static final String NOT_LOGGED_IN = "{\"modelUsage\":{},\"terminal_reason\":\"api_error\",\"is_error\":true,"
            + "\"result\":\"Not logged in · Please run /login\",\"type\":\"result\"}\n";

    private static Outcome outcome(int exit, String out, String err) {
        return new Outcome(exit, out, err, false, Duration.ofMillis(1234));
    }

    @Test
    void anAnswerPassesNamingTheModelAndTheReply() {
        Finding f = ClaudeAnswerCheck.judge(WHO, outcome(0, ANSWERED, WARNING), LIMIT);
        assertEquals(Status.OK, f.status);
        assertEquals("claude.answer", f.id);
        assertEquals("Claude Code 2.1.330 answered through us.anthropic.claude-sonnet-4-5-20250929-v1:0 in 1.2 s: "
                + "\"ok\"", f.detail);
        assertNull(f.fix);
    }

    @Test
    void anApiErrorFailsWithClaudeCodesMessage() {
        Finding f = ClaudeAnswerCheck.judge(WHO, outcome(1, API_ERROR, WARNING), LIMIT);
        assertEquals(Status.FAIL, f.status);
        assertEquals("Claude Code 2.1.330 failed (exit 1): API Error (us.anthropic.claude-nope-v1:0): 400 The "
                + "provided model identifier is invalid.. Run --model to pick a different model.", f.detail);
        assertEquals("bedrock-setup doctor", f.fix);
        assertEquals("Claude Code 2.1.330 failed (exit 1): Not logged in · Please run /login",
                ClaudeAnswerCheck.judge(WHO, outcome(1, NOT_LOGGED_IN, ""), LIMIT).detail);
    }

    @Test
    void exitZeroButMarkedAsAnErrorIsNoAnswer() {
        Finding f = ClaudeAnswerCheck.judge(WHO, outcome(0, NOT_LOGGED_IN, ""), LIMIT);
        assertEquals(Status.FAIL, f.status);
        Finding empty = ClaudeAnswerCheck.judge(WHO, outcome(0, ANSWERED.replace("\"result\":\"ok\"",
                "\"result\":\"  \""), ""), LIMIT);
        assertEquals(Status.FAIL, empty.status, "an empty reply is no answer");
    }

    @Test
    void withoutAResultDocumentTheFirstMeaningfulLineOfStderrIsTheReason() {
        // e.g. a Claude Code too old for --output-format json, or one that crashed before answering
        Finding f = ClaudeAnswerCheck.judge(WHO, outcome(1, "", WARNING + "\n  error: unknown option "
                + "'--output-format'\nmore\n"), LIMIT);
        assertEquals("Claude Code 2.1.330 failed (exit 1): error: unknown option '--output-format'", f.detail);
        assertEquals("Claude Code 2.1.330 failed (exit 1): " + WARNING.strip(),
                ClaudeAnswerCheck.judge(WHO, outcome(1, "", WARNING), LIMIT).detail, "a warning is better than nothing");
        assertEquals("Claude Code 2.1.330 exited 3 without an answer and printed nothing",
                ClaudeAnswerCheck.judge(WHO, outcome(3, "", "\n"), LIMIT).detail);
        // plain text on stdout and exit 0 (no JSON document): still an answer
        assertEquals(Status.OK, ClaudeAnswerCheck.judge(WHO, outcome(0, "ok\n", ""), LIMIT).status);
    }

    @Test
    void aTimeoutIsAFailureSayingWhatItLastPrinted() {
        Outcome o = new Outcome(-1, "", WARNING + "Retrying in 8 seconds… (attempt 4/10)\n", true,
                Duration.ofSeconds(90));
        Finding f = ClaudeAnswerCheck.judge(WHO, o, LIMIT);
        assertEquals(Status.FAIL, f.status);
        assertEquals("Claude Code 2.1.330 gave no answer within 90 s (stopped); last said: Retrying in 8 seconds… "
                + "(attempt 4/10)", f.detail);
    }

    @Test
    void secretsInWhatClaudeCodePrintedAreMasked() {
        String err = "Error: bad credentials AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMIK7MDENGbPxRfiCY\n";
        Finding f = ClaudeAnswerCheck.judge(WHO, outcome(1, "", err), LIMIT);
        assertFalse(f.detail.contains("AKIAIOSFODNN7EXAMPLE"), f.detail);
        assertFalse(f.detail.contains("wJalrXUtnFEMIK7MDENGbPxRfiCY"), f.detail);
        assertTrue(f.detail.contains("AKIAIOSF"), f.detail);
    }

    @Test
    void theResultDocumentIsTheLastJsonLine() {
        HeadlessClaude.Answer a = HeadlessClaude.parse(outcome(0, "some notice\n{not json\n" + ANSWERED, ""));
        assertTrue(a.answered());
        assertEquals("ok", a.text());
        assertEquals(List.of("us.anthropic.claude-sonnet-4-5-20250929-v1:0"), a.models());
    }
}
