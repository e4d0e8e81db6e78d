package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.standin.StandInServer;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What `init --scope managed` writes, judged by the real Claude Code ({@value ClaudeCode#VERSION}) reading the test's
 * managed folder (through a private mount namespace: {@link ClaudeCode#runWithManagedDir}). There are no user
 * settings at all here: Claude Code reaches Bedrock only because it read the fragment.
 */
class ManagedPolicyJudgedByClaudeCodeTest extends JudgedByClaudeCode {
    static final String SONNET = APAC_SONNET;
    static final String HAIKU = APAC_HAIKU;

    Path managed;

    @BeforeEach
    void start() {
        assumeTrue(ClaudeCode.canMountManagedDir(), "needs unshare and mounts in a user namespace (Linux): Claude "
                + "Code reads managed settings only from /etc/claude-code, which a test must not write");
        managed = stand.home.home.resolve("managed");
    }

    private void init(String... options) {
        List<String> args = new ArrayList<>(List.of("init", "--yes", "--scope", "managed", "--profile", "keys",
                "--region", REGION, "--model", SONNET, "--haiku-model", HAIKU));
        args.addAll(Arrays.asList(options));
        Run r = stand.home.run(args.toArray(new String[0]));
        assertEquals(0, r.exit, r.toString());
    }

    private Path write(String name, String json) throws Exception {
        Path p = managed.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, json, StandardCharsets.UTF_8);
    }

    /** One turn; the streamed calls it made (none when Claude Code did not use Bedrock). */
    private List<LoggedRequest> turn(ClaudeCode.Result[] out, String... args) throws Exception {
        stand.requestLog().clear();
        List<String> cmd = new ArrayList<>(List.of("-p"));
        cmd.addAll(Arrays.asList(args));
        cmd.add("Say hello.");
        out[0] = claude.runWithManagedDir(cmd, managed, stand.home.home, project, stand.baseUri(),
                Duration.ofSeconds(90));
        return stand.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);
    }

    private LoggedRequest answered(String... args) throws Exception {
        ClaudeCode.Result[] r = new ClaudeCode.Result[1];
        List<LoggedRequest> calls = turn(r, args);
        assertEquals(0, r[0].exit(), r[0].toString());
        assertEquals(1, calls.size(), "one streamed turn: " + stand.requestLog().all());
        return calls.get(0);
    }

    private String doctor() {
        return stand.home.run("doctor", "--offline", "--all").out;
    }

    @Test
    void theFragmentIsReadWithItsNeighbourAndResetTakesOnlyItAway() throws Exception {
        String neighbour = "{\"env\": {\"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"flex\"}}";
        Path other = write("managed-settings.d/10-tier.json", neighbour);
        init();
        LoggedRequest call = answered();
        assertEquals(SONNET, call.modelId(), "the model from bedrock-setup's fragment");
        assertEquals("flex", call.parameters().get(StandInServer.SERVICE_TIER), "the neighbour's setting too");

        Run reset = stand.home.run("reset", "--scope", "managed", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertFalse(Files.exists(managed.resolve("managed-settings.d/50-bedrock-setup.json")));
        assertEquals(neighbour, Files.readString(other), "byte for byte");
        ClaudeCode.Result[] r = new ClaudeCode.Result[1];
        assertTrue(turn(r).isEmpty(), "without the fragment Claude Code has no Bedrock setup: " + r[0]);
    }

    @Test
    void laterFragmentsWinAsTheDoctorSays() throws Exception {
        write("managed-settings.json", "{\"env\": {\"ANTHROPIC_MODEL\": \"apac.anthropic.claude-3-haiku\"}}");
        init();
        write("managed-settings.d/90-override.json", "{\"env\": {\"ANTHROPIC_MODEL\": \"" + HAIKU + "\"}}");
        assertEquals(HAIKU, answered().modelId(), "90-override sorts after 50-bedrock-setup");
        assertTrue(doctor().matches("(?s).*ANTHROPIC_MODEL +=  ?\"" + HAIKU.replace(".", "\\.")
                + "\" +managed settings \\(managed-settings\\.d/90-override\\.json\\).*"), doctor());

        Files.delete(managed.resolve("managed-settings.d/90-override.json"));
        assertEquals(SONNET, answered().modelId(), "the fragment beats managed-settings.json");
        assertTrue(doctor().matches("(?s).*ANTHROPIC_MODEL +=  ?\"" + SONNET.replace(".", "\\.")
                + "\" +managed settings \\(managed-settings\\.d/50-bedrock-setup\\.json\\).*"), doctor());
    }

    @Test
    void aPinOutsideTheAllowlistIsReplacedAsTheDoctorWarns() throws Exception {
        init("--allow-model", "haiku");
        assertTrue(doctor().contains("ANTHROPIC_MODEL " + SONNET + " is outside the managed availableModels [haiku]"),
                doctor());
        ClaudeCode.Result[] r = new ClaudeCode.Result[1];
        List<LoggedRequest> calls = turn(r);
        assertEquals(0, r[0].exit(), r[0].toString());
        assertTrue(r[0].err().contains("\"" + SONNET + "\" is restricted by your organization's settings"), r[0].err());
        assertEquals(1, calls.size(), stand.requestLog().all().toString());
        assertFalse(SONNET.equals(calls.get(0).modelId()), "never the restricted pin");

        // with enforcement, Claude Code falls back to the first allowed entry: the haiku pin
        init("--allow-model", "haiku", "--enforce-models");
        assertEquals(HAIKU, answered().modelId());
        // an allowed pin is what it sends, and the doctor does not warn
        init("--allow-model", "apac.anthropic.claude-sonnet-4-5", "--allow-model", "haiku", "--enforce-models");
        assertEquals(SONNET, answered().modelId());
        assertTrue(doctor().contains("pins are within [apac.anthropic.claude-sonnet-4-5, haiku]"), doctor());
        // and a person's --model outside the list is refused the same way
        ClaudeCode.Result[] picked = new ClaudeCode.Result[1];
        init("--allow-model", "apac.anthropic.claude-sonnet-4-5", "--enforce-models");
        List<LoggedRequest> sent = turn(picked, "--model", "haiku");
        assertTrue(picked[0].err().contains("\"haiku\" is restricted by your organization's settings"), picked[0].err());
        assertTrue(sent.stream().noneMatch(c -> HAIKU.equals(c.modelId())), stand.requestLog().all().toString());
    }

    /** The doctor's reading of each entry agrees with what Claude Code does with it (see ModelAllowlistTest). */
    @Test
    void theDoctorReadsEachKindOfEntryAsClaudeCodeDoes() throws Exception {
        init();
        for (String entry : List.of("sonnet", "haiku", "claude-sonnet-4-5", "apac.anthropic.claude-sonnet-4-5",
                "us.anthropic.claude-sonnet-4-5-20250929-v1:0")) {
            write("managed-settings.d/60-allow.json", "{\"availableModels\": [\"" + entry + "\"]}");
            String said = doctor();
            // the finding lists every pin outside: "ANTHROPIC_MODEL X, ANTHROPIC_DEFAULT_HAIKU_MODEL Y are outside"
            boolean doctorWarns = said.matches("(?s).*ANTHROPIC_MODEL " + SONNET.replace(".", "\\.")
                    + "[^\n]* outside the managed availableModels.*");
            ClaudeCode.Result[] r = new ClaudeCode.Result[1];
            List<LoggedRequest> calls = turn(r);
            boolean claudeRestricts = r[0].err().contains("is restricted by your organization's settings");
            assertEquals(claudeRestricts, doctorWarns, entry + ": " + r[0]);
            assertEquals(!claudeRestricts, calls.stream().anyMatch(c -> SONNET.equals(c.modelId())), entry);
        }
    }

    @Test
    void whenNothingAllowedRemainsClaudeCodeRunsItsDefaultModelNotThePin() throws Exception {
        init();
        write("managed-settings.d/60-none.json", "{\"availableModels\": [], \"enforceAvailableModels\": true}");
        assertTrue(doctor().contains("the managed availableModels is empty"), doctor());
        ClaudeCode.Result[] r = new ClaudeCode.Result[1];
        List<LoggedRequest> calls = turn(r);
        assertEquals(0, r[0].exit(), "2.1.330 does not refuse to start: " + r[0]);
        assertTrue(r[0].err().contains("is restricted by your organization's settings"), r[0].err());
        assertEquals(1, calls.size(), stand.requestLog().all().toString());
        assertFalse(SONNET.equals(calls.get(0).modelId()) || HAIKU.equals(calls.get(0).modelId()),
                "its own default, neither pin: " + calls.get(0));
    }
}
