package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.StandInServer;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.TempHome.Run;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Settings written by `init --yes` with issue 17's options, judged by the real Claude Code ({@value ClaudeCode#VERSION})
 * against the stand-in: what it sends to Bedrock is what the option promised (decision 0032).
 */
class InitSurfaceJudgedByClaudeCodeTest extends JudgedByClaudeCode {
    private void init(String... options) {
        List<String> args = new ArrayList<>(List.of("init", "--yes", "--profile", "keys", "--region", REGION));
        args.addAll(Arrays.asList(options));
        Run r = stand.home.run(args.toArray(new String[0]));
        assertEquals(0, r.exit, r.toString());
    }

    private LoggedRequest turn() {
        return StreamedTurn.of(claude, stand, project, REGION);
    }

    @Test
    void fableModelIsWhatModelFableSends() {
        init("--model", "fable", "--fable-model", APAC_HAIKU);
        assertEquals(APAC_HAIKU, turn().modelId());
    }

    @Test
    void serviceTierArrivesAsTheHeader() {
        init("--model", APAC_SONNET, "--service-tier", "flex");
        assertEquals("flex", turn().parameters().get(StandInServer.SERVICE_TIER));
    }

    @Test
    void regionPrefixJpSendsTheSonnetAliasToAJpProfile() {
        init("--model", "sonnet", "--region-prefix", "jp");
        String sent = turn().modelId();
        assertTrue(sent.startsWith("jp.anthropic.claude-sonnet-"), sent);
    }

    @Test
    void aOneMillionModelIsSentWithoutTheTagAndAnswered() {
        init("--model", "apac.anthropic.claude-sonnet-4-5-20250929-v1:0[1m]");
        assertEquals(APAC_SONNET, turn().modelId());
    }
}
