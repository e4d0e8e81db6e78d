package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.TempHome.Run;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * After `team profiles`, the real Claude Code ({@value ClaudeCode#VERSION}) sends its turn to the tagged application
 * inference profile (the stand-in's request log), answered there.
 */
class TeamProfilesJudgedByClaudeCodeTest extends JudgedByClaudeCode {
    static final String SONNET = APAC_SONNET;

    @Test
    void claudeCodeCallsTheApplicationProfile() throws Exception {
        Run init = stand.home.run("init", "--yes", "--profile", "keys", "--region", REGION, "--model", SONNET);
        assertEquals(0, init.exit, init.toString());
        Run team = stand.home.run("team", "profiles", "--tag", "team=platform");
        assertEquals(0, team.exit, team.toString());
        String settings = stand.home.read(".claude/settings.json");
        String arn = settings.replaceAll("(?s).*\"claude-sonnet-4-5-20250929\": \"([^\"]+)\".*", "$1");
        assertTrue(arn.startsWith("arn:aws:bedrock:" + REGION + ":111122223333:application-inference-profile/"),
                settings);

        LoggedRequest call = StreamedTurn.of(claude, stand, project, REGION);
        assertEquals(arn, URLDecoder.decode(call.modelId(), StandardCharsets.UTF_8), call.toString());
    }
}
