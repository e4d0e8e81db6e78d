package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.StandInServer;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the real Claude Code ({@value ClaudeCode#VERSION}, or {@code -Dclaude-code.version}) sends to Bedrock for the
 * newer settings the doctor judges (decision 0031): the region prefix and its override, a pin beside the override,
 * the service tier, which of ANTHROPIC_MODEL, settings {@code model} and ANTHROPIC_DEFAULT_MODEL wins, the Fable tier,
 * a {@code [1m]} model, and CLAUDE_CODE_USE_BEDROCK spelt "yes". The stand-in's request log is the witness.
 */
class ClaudeCodeBedrockSurfaceTest extends JudgedByClaudeCode {
    static final String APAC_OPUS = "apac.anthropic.claude-opus-4-6-v1";

    /** User settings with Bedrock on in {@link #REGION} through profile {@code keys}, plus these env values. */
    private void settings(Map<String, String> env, String model) throws Exception {
        Settings.Builder settings = Settings.bedrock().env("AWS_REGION", REGION).env("AWS_PROFILE", "keys");
        env.forEach(settings::env);
        if (model != null) {
            settings.key("model", model);
        }
        stand.home.write(".claude/settings.json", settings.json() + "\n");
    }

    private LoggedRequest turn() {
        return StreamedTurn.of(claude, stand, project, REGION);
    }

    @Test
    void theRegionPrefixOverrideJpPicksTheJpProfileOfABuiltInModel() throws Exception {
        settings(Map.of("ANTHROPIC_MODEL", "sonnet"), null);
        String derived = turn().modelId();
        assertTrue(derived.startsWith("apac.anthropic.claude-sonnet-"), "ap-northeast-1 alone gives apac.: " + derived);

        settings(Map.of("ANTHROPIC_MODEL", "sonnet", "ANTHROPIC_BEDROCK_REGION_PREFIX", "jp"), null);
        String overridden = turn().modelId();
        assertEquals("jp." + derived.substring("apac.".length()), overridden, "the same model, its jp. profile");
    }

    @Test
    void aPrefixOverrideThatIsNotAValueIsIgnored() throws Exception {
        settings(Map.of("ANTHROPIC_MODEL", "sonnet", "ANTHROPIC_BEDROCK_REGION_PREFIX", "JP"), null);
        String sent = turn().modelId();
        assertTrue(sent.startsWith("apac.anthropic.claude-sonnet-"), "\"JP\" is not \"jp\": " + sent);
    }

    @Test
    void aPinnedModelIsSentAsWrittenWhateverThePrefixOverride() throws Exception {
        settings(Map.of("ANTHROPIC_MODEL", APAC_SONNET, "ANTHROPIC_BEDROCK_REGION_PREFIX", "jp"), null);
        assertEquals(APAC_SONNET, turn().modelId());
    }

    @Test
    void theServiceTierArrivesAsTheBedrockHeader() throws Exception {
        settings(Map.of("ANTHROPIC_MODEL", APAC_SONNET, "ANTHROPIC_BEDROCK_SERVICE_TIER", "flex"), null);
        assertEquals("flex", turn().parameters().get(StandInServer.SERVICE_TIER));

        settings(Map.of("ANTHROPIC_MODEL", APAC_SONNET), null);
        assertEquals(null, turn().parameters().get(StandInServer.SERVICE_TIER), "no tier, no header");
    }

    @Test
    void anthropicModelBeatsTheModelSettingWhichBeatsAnthropicDefaultModel() throws Exception {
        settings(Map.of("ANTHROPIC_DEFAULT_MODEL", APAC_HAIKU), null);
        assertEquals(APAC_HAIKU, turn().modelId(), "alone, ANTHROPIC_DEFAULT_MODEL starts the session");

        settings(Map.of("ANTHROPIC_DEFAULT_MODEL", APAC_HAIKU), APAC_OPUS);
        assertEquals(APAC_OPUS, turn().modelId(), "settings model beats ANTHROPIC_DEFAULT_MODEL");

        settings(Map.of("ANTHROPIC_DEFAULT_MODEL", APAC_HAIKU, "ANTHROPIC_MODEL", APAC_SONNET), APAC_OPUS);
        assertEquals(APAC_SONNET, turn().modelId(), "ANTHROPIC_MODEL beats both");
    }

    @Test
    void theFableAliasUsesTheFablePin() throws Exception {
        settings(Map.of("ANTHROPIC_MODEL", "fable", "ANTHROPIC_DEFAULT_FABLE_MODEL", APAC_HAIKU), null);
        assertEquals(APAC_HAIKU, turn().modelId());
    }

    @Test
    void aOneMillionSuffixIsNotPartOfTheModelIdSent() throws Exception {
        settings(Map.of("ANTHROPIC_MODEL", APAC_SONNET + "[1m]"), null);
        assertEquals(APAC_SONNET, turn().modelId());
    }

    @Test
    void bedrockSwitchedOnWithYes() throws Exception {
        settings(Map.of("CLAUDE_CODE_USE_BEDROCK", "yes", "ANTHROPIC_MODEL", APAC_SONNET), null);
        assertEquals(APAC_SONNET, turn().modelId(), "\"yes\" switches Bedrock on, as \"1\" and \"true\" do");
    }
}
