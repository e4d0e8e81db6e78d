package dev.bedrocksetup.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.ChangeApplier;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newer Bedrock settings (Fable pin, default model, region prefix, service tier, 1-hour caching, environment
 * scrubbing) are written as owned keys, and reset takes exactly them away, leaving the user's own keys.
 */
class SurfaceKeysRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void writtenThenResetLeavesTheUsersFileAsItWas() throws Exception {
        TempHome home = new TempHome(dir);
        SettingsService service = new SettingsService(home.env(), new ChangeApplier(home.env().stateDirectory(),
                new AtomicFileWriter(), home.env().clock(), Duration.ofMillis(300)));
        String original = "{\n  \"env\": {\"EDITOR\": \"vi\", \"FORCE_PROMPT_CACHING_5M\": \"1\"}\n}\n";
        Path p = home.write(".claude/settings.json", original);
        BedrockSettings s = new BedrockSettings();
        s.region = "ap-northeast-1";
        s.profile = "dev";
        s.fableModel = "jp.anthropic.claude-fable-5";
        s.defaultModel = "sonnet";
        s.regionPrefix = "jp";
        s.serviceTier = "flex";
        s.promptCaching1h = true;
        s.subprocessEnvScrub = true;
        service.applyInit(SettingsScope.USER, null, s, false);
        String written = Files.readString(p);
        for (String line : new String[] {"\"ANTHROPIC_DEFAULT_FABLE_MODEL\": \"jp.anthropic.claude-fable-5\"",
                "\"ANTHROPIC_DEFAULT_MODEL\": \"sonnet\"", "\"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"jp\"",
                "\"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"flex\"", "\"ENABLE_PROMPT_CACHING_1H\": \"1\"",
                "\"CLAUDE_CODE_SUBPROCESS_ENV_SCRUB\": \"1\"", "\"FORCE_PROMPT_CACHING_5M\": \"1\""}) {
            assertTrue(written.contains(line), line + " in " + written);
        }
        service.reset(Set.of(), null, false);
        assertEquals(original, Files.readString(p), "byte for byte, the user's FORCE_PROMPT_CACHING_5M kept");
    }
}
