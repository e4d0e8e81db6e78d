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
 * scrubbing) are written as owned keys, the doctor reads each back with its origin, and reset takes exactly them
 * away, leaving the user's own keys.
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
        s.promptCaching = BedrockSettings.PromptCaching.ONE_HOUR;
        s.subprocessEnvScrub = true;
        service.applyInit(SettingsScope.USER, null, s, false);
        String written = Files.readString(p);
        for (String line : new String[] {"\"ANTHROPIC_DEFAULT_FABLE_MODEL\": \"jp.anthropic.claude-fable-5\"",
                "\"ANTHROPIC_DEFAULT_MODEL\": \"sonnet\"", "\"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"jp\"",
                "\"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"flex\"", "\"ENABLE_PROMPT_CACHING_1H\": \"1\"",
                "\"CLAUDE_CODE_SUBPROCESS_ENV_SCRUB\": \"1\""}) {
            assertTrue(written.contains(line), line + " in " + written);
        }
        assertTrue(!written.contains("FORCE_PROMPT_CACHING_5M"), "5 minutes would win over the hour: " + written);
        // the doctor reads each back with its origin
        EffectiveConfiguration effective = EffectiveConfiguration.resolve(
                SettingsSnapshot.read(home.env(), new SettingsLocations(home.env(), dir)), home.env());
        for (String name : new String[] {"ANTHROPIC_DEFAULT_FABLE_MODEL", "ANTHROPIC_DEFAULT_MODEL",
                "ANTHROPIC_BEDROCK_REGION_PREFIX", "ANTHROPIC_BEDROCK_SERVICE_TIER", "ENABLE_PROMPT_CACHING_1H",
                "CLAUDE_CODE_SUBPROCESS_ENV_SCRUB"}) {
            EffectiveConfiguration.Entry e = effective.entry(name);
            assertTrue(e.winner() != null && e.winner().origin.startsWith("user settings"), name + ": " + e.sources);
            assertTrue(EffectiveConfiguration.VARIABLES.contains(name), name + " is shown in the doctor's report");
        }
        service.reset(Set.of(), null, false);
        assertEquals(original, Files.readString(p), "byte for byte, the user's FORCE_PROMPT_CACHING_5M back");
    }
}
