package dev.bedrocksetup.e2e;

import static dev.bedrocksetup.testing.Examples.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.claude.HeadlessClaude;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.ClaudeCodeExtension;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bedrock-setup verify --with-claude} (issue 7) with the real, pinned Claude Code against the stand-in: it
 * passes when Claude Code itself gets an answer through the setup {@code init --yes} wrote, fails (exit 1) with
 * Claude Code's own words when it does not, and leaves the user's Claude Code state ({@code ~/.claude.json},
 * {@code ~/.claude/}) byte for byte as it was.
 *
 * <p>bedrock-setup runs in-process with the environment a user's shell would give it: the endpoint overrides that
 * point AWS and Claude Code at the stand-in ({@link ClaudeCode#environment}) and a PATH where {@code claude} is the
 * pinned Claude Code. verify hands that environment to Claude Code, so it is Claude Code's environment too.
 */
class VerifyWithClaudeCodeTest {
    static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
    static final String REGION = "us-east-2";
    static final String MODEL = "us." + SONNET;

    @RegisterExtension
    static final ClaudeCodeExtension claude = new ClaudeCodeExtension();

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    /** Outside the home: TMPDIR, which the snapshots of the home must not see. */
    @TempDir
    Path dir;
    Path project;
    Path tmp;
    String reply;
    IssuedCredentials keys;

    @BeforeEach
    void start() throws Exception {
        reply = "Stand-in reply " + UUID.randomUUID();
        aws.scenario().replyText(reply);
        // AWS_ENDPOINT_URL_BEDROCK_RUNTIME from here is verify's own probe
        aws.home().vars.putAll(ClaudeCode.environment(aws.dir(), aws.baseUri()));
        aws.home().vars.put("PATH", claude.get().binDirectory() + ":/usr/bin:/bin");
        tmp = Files.createDirectories(dir.resolve("tmp"));
        aws.home().vars.put("TMPDIR", tmp.toString());
        project = Files.createDirectories(aws.dir().resolve("project"));

        keys = aws.stand().staticKeysProfile("keys", "ci-user", "us-west-2");
        TempHome.Run init = aws.home().run("init", "--yes", "--profile", "keys", "--region", REGION, "--model", MODEL,
                "--skip-probe");
        assertEquals(0, init.exit, init.toString());
    }

    private static Map<?, ?> check(String json, String id) throws Exception {
        Map<?, ?> doc = (Map<?, ?>) JsonDocument.parse(json).root().toValue();
        for (Object o : (List<?>) doc.get("checks")) {
            if (id.equals(((Map<?, ?>) o).get("id"))) {
                return (Map<?, ?>) o;
            }
        }
        throw new AssertionError("no check " + id + " in " + json);
    }

    private List<LoggedRequest> streamsFor(String model) {
        return aws.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM).stream()
                .filter(e -> model.equals(e.modelId())).toList();
    }

    @Test
    void workingSetup_passesWithClaudeCodesOwnAnswer_andLeavesTheUsersClaudeStateAlone() throws Exception {
        // the user's Claude Code state, which the run must not touch
        aws.home().write(".claude.json", "{\n  \"numStartups\": 7,\n  \"userID\": \"u-1\"\n}\n");
        aws.home().write(".claude/history.jsonl", "{\"display\":\"earlier prompt\"}\n");
        aws.home().write(".claude/projects/p/session.jsonl", "{\"type\":\"user\"}\n");
        Map<String, String> before = snapshot();

        // verify alone: its own one-token probe of the pinned model
        TempHome.Run plain = aws.home().run("verify", "--json", "--project-dir", project.toString());
        assertEquals(0, plain.exit, plain.toString());
        int probes = streamsFor(MODEL).size();
        aws.requestLog().clear();

        TempHome.Run r = aws.home().run("verify", "--with-claude", "--json", "--project-dir", project.toString());
        assertEquals(0, r.exit, r.toString());
        Map<?, ?> doc = (Map<?, ?>) JsonDocument.parse(r.out).root().toValue();
        assertEquals(Boolean.TRUE, doc.get("pass"), r.out);
        Map<?, ?> answer = check(r.out, "claude.answer");
        assertEquals("ok", answer.get("status"), r.out);
        String detail = (String) answer.get("detail");
        assertTrue(detail.startsWith("Claude Code " + ClaudeCode.VERSION + " answered through " + MODEL), detail);
        assertTrue(detail.contains(reply), "the stand-in's reply, as Claude Code printed it: " + detail);
        assertFalse(answer.get("fix") instanceof String, "no fix when it passes: " + r.out);

        // Claude Code's own turn, on top of verify's probe: one more streaming call for the model, signed with the
        // profile's keys in the chosen region; and its availability probes (InvokeModel), which verify never makes
        List<LoggedRequest> streams = streamsFor(MODEL);
        assertEquals(probes + 1, streams.size(), aws.requestLog().all().toString());
        for (LoggedRequest call : streams) {
            assertEquals(200, call.status(), call.toString());
            assertEquals(REGION, call.region(), call.toString());
            assertEquals(keys.accessKeyId(), call.accessKeyId(), call.toString());
        }
        assertFalse(aws.requestLog().of(Operation.INVOKE_MODEL).isEmpty(), aws.requestLog().all().toString());
        assertFalse(r.out.contains(keys.secretAccessKey()), r.out);

        // isolation: the user's Claude Code files byte for byte, nothing new under ~/.claude, no temp dir left
        assertEquals(before, snapshot());
        assertFalse(Files.exists(aws.dir().resolve(".claude/sessions")), "no session of the verify run");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(HeadlessClaude.TEMP_PREFIX))
                    .toList(), "the temporary config directory is deleted");
        }
    }

    @Test
    void modelNotGranted_failsWithClaudeCodesWords() throws Exception {
        aws.scenario().grantOnly(ACCOUNT, REGION, HAIKU);
        TempHome.Run r = aws.home().run("verify", "--with-claude", "--project-dir", project.toString());
        assertEquals(1, r.exit, r.toString());
        assertFalse(r.err.contains("Claude Code answers: "), "the report goes to stdout: " + r.err);
        List<String> lines = Arrays.asList(r.out.split("\n"));
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Claude Code answers: ")) {
                at = i;
            }
        }
        assertTrue(at >= 0, r.out);
        String line = lines.get(at);
        assertTrue(line.contains("Claude Code " + ClaudeCode.VERSION + " failed (exit 1): "), line);
        assertTrue(line.contains("have access to the model"), "Claude Code's own words: " + line);
        assertEquals("    fix: bedrock-setup doctor", lines.get(at + 1), r.out);
        assertTrue(lines.get(lines.size() - 1).startsWith("FAIL"), r.out);
        assertFalse((r.out + r.err).contains(reply), r.toString());
    }

    @Test
    void userSettingsUnderClaudeConfigDir_areTheOnesClaudeCodeGets() throws Exception {
        // a user whose Claude Code lives in CLAUDE_CONFIG_DIR: init writes there, and the run must still see them
        Path own = aws.dir().resolve(".config/claude");
        aws.home().vars.put("CLAUDE_CONFIG_DIR", own.toString());
        TempHome.Run init = aws.home().run("init", "--yes", "--profile", "keys", "--region", REGION, "--model", MODEL,
                "--skip-probe");
        assertEquals(0, init.exit, init.toString());
        // nothing left in ~/.claude: only $CLAUDE_CONFIG_DIR/settings.json counts
        Files.delete(aws.home().userSettings());
        Map<String, String> before = snapshot(own);

        TempHome.Run r = aws.home().run("verify", "--with-claude", "--json", "--project-dir", project.toString());
        assertEquals(0, r.exit, r.toString());
        assertTrue(((String) check(r.out, "claude.answer").get("detail")).contains(reply), r.out);
        assertEquals(before, snapshot(own), "the user's CLAUDE_CONFIG_DIR is untouched");
    }

    /** ~/.claude.json and every file under ~/.claude: path to content. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> all = snapshot(aws.dir().resolve(".claude"));
        all.put(".claude.json", Files.readString(aws.dir().resolve(".claude.json")));
        return all;
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "<dir>" : Files.readString(p));
            }
        }
        return files;
    }
}
