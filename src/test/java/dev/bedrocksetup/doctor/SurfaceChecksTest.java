package dev.bedrocksetup.doctor;

import static dev.bedrocksetup.doctor.DoctorScenarioTest.SONNET;
import static dev.bedrocksetup.doctor.SurfaceScenarios.ENV;
import static dev.bedrocksetup.doctor.SurfaceScenarios.TOKYO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings Claude Code accepts, accepted by the doctor too, with the reason it gives (the warnings are in
 * SurfaceScenarios). Each case is what the real Claude Code did against the stand-in (e2e/ClaudeCodeBedrockSurfaceTest).
 */
class SurfaceChecksTest {
    @TempDir
    Path dir;
    DoctorScenarioTest setup;

    @BeforeEach
    void healthy() throws Exception {
        setup = new DoctorScenarioTest();
        setup.dir = dir;
        setup.healthy();
    }

    private Finding check(String id, String env, String more) throws Exception {
        setup.userSettings(env, more);
        return setup.doctor().finding(id);
    }

    @Test
    void bedrockSwitchedOnWithYesIsOn() throws Exception {
        String yes = ENV.replace("\"CLAUDE_CODE_USE_BEDROCK\": \"1\"", "\"CLAUDE_CODE_USE_BEDROCK\": \"yes\"");
        Finding enabled = check("settings.bedrock-enabled", yes, "");
        assertEquals(Status.OK, enabled.status, enabled.toString());
        assertEquals(Status.OK, setup.doctor().finding("settings.provider").status);
    }

    @Test
    void theProviderIsNamedWithWhereItIsSwitchedOn() throws Exception {
        Finding f = check("settings.provider", ENV, "");
        assertEquals(Status.OK, f.status, f.toString());
        assertEquals("Amazon Bedrock (CLAUDE_CODE_USE_BEDROCK from user settings)", f.detail);
    }

    @Test
    void aliasesAndTheOneMillionTagAreModelsClaudeCodeTakes() throws Exception {
        Finding fable = check("models.shape", ENV.replace("\"ANTHROPIC_MODEL\": \"" + SONNET, "\"ANTHROPIC_MODEL\": \"fable"),
                "");
        assertEquals(Status.OK, fable.status, fable.toString());
        Finding oneMillion = check("models.shape", ENV.replace("\"ANTHROPIC_MODEL\": \"" + SONNET,
                "\"ANTHROPIC_MODEL\": \"" + SONNET + "[1m]"), "");
        assertEquals(Status.OK, oneMillion.status, oneMillion.toString());
        Finding takes = setup.doctor().finding("models.one-million");
        assertEquals(Status.OK, takes.status, takes.toString());
        assertEquals("1M context asked for by ANTHROPIC_MODEL", takes.detail);
    }

    @Test
    void theFableTierIsJudgedAsTheOtherTiers() throws Exception {
        Finding bare = check("models.bare-id", ENV + ", \"ANTHROPIC_DEFAULT_FABLE_MODEL\": \"anthropic.claude-fable-5\"",
                "");
        assertEquals(Status.FAIL, bare.status, bare.toString());
        assertTrue(bare.fix.contains("ANTHROPIC_DEFAULT_FABLE_MODEL to us.anthropic.claude-fable-5"), bare.toString());
        Finding elsewhere = check("models.prefix-region", ENV
                + ", \"ANTHROPIC_DEFAULT_FABLE_MODEL\": \"eu.anthropic.claude-fable-5\"", "");
        assertEquals(Status.FAIL, elsewhere.status, elsewhere.toString());
    }

    @Test
    void anthropicModelBeatsTheModelSettingAndAnthropicDefaultModel() throws Exception {
        Finding f = check("models.main-model", ENV + ", \"ANTHROPIC_DEFAULT_MODEL\": \"opus\"", ", \"model\": \"haiku\"");
        assertEquals(Status.OK, f.status, f.toString());
        assertTrue(f.detail.startsWith("ANTHROPIC_MODEL " + SONNET + " (from user settings)"), f.detail);
        assertTrue(f.detail.contains("not used while it is set: settings model (from user settings), "
                + "ANTHROPIC_DEFAULT_MODEL (from user settings)"), f.detail);

        String noMain = ENV.replace("\"ANTHROPIC_MODEL\": \"" + SONNET + "\", ", "");
        Finding byDefault = check("models.main-model", noMain + ", \"ANTHROPIC_DEFAULT_MODEL\": \"opus\"", "");
        assertTrue(byDefault.detail.startsWith("ANTHROPIC_DEFAULT_MODEL opus (from user settings)"), byDefault.detail);
        assertEquals(Status.WARN, setup.doctor().finding("models.unpinned").status, "an alias is Claude Code's choice");

        Finding pinned = check("models.unpinned", noMain + ", \"ANTHROPIC_DEFAULT_MODEL\": \"" + SONNET + "\"", "");
        assertEquals(Status.OK, pinned.status, "a model ID in ANTHROPIC_DEFAULT_MODEL pins the main model: " + pinned);
    }

    @Test
    void pinsInTheOverridesGeographyAgreeWithIt() throws Exception {
        String jpPins = TOKYO.replace("\"apac.anthropic", "\"jp.anthropic");
        Finding f = check("models.prefix-pins", jpPins + ", \"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"jp\"", "");
        assertEquals(Status.OK, f.status, f.toString());
        assertEquals(Status.OK, setup.doctor().finding("models.prefix-region").status, "jp. fits ap-northeast-1");
        assertEquals("jp: Claude Code's own models use jp. profiles",
                setup.doctor().finding("models.region-prefix-var").detail);
    }

    @Test
    void aFixSuggestsTheOverridesPrefix() throws Exception {
        Finding f = check("models.bare-id", TOKYO.replace("\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"apac.",
                "\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"") + ", \"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"jp\"", "");
        assertEquals(Status.FAIL, f.status, f.toString());
        assertTrue(f.fix.contains("to jp.anthropic.claude-haiku-4-5"), f.fix);
    }

    @Test
    void serviceTierAndCachingAccepted() throws Exception {
        Finding tier = check("cost.service-tier", ENV + ", \"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"priority\"", "");
        assertEquals(Status.OK, tier.status, tier.toString());
        Finding cache = check("cost.prompt-caching", ENV + ", \"ENABLE_PROMPT_CACHING_1H_BEDROCK\": \"on\"", "");
        assertEquals(Status.OK, cache.status, cache.toString());
        assertTrue(cache.detail.contains("older Bedrock-only spelling"), cache.detail);
    }

    @Test
    void credentialKnobsInTheFormsClaudeCodeReads() throws Exception {
        Finding f = check("credentials.knobs", ENV + ", \"CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS\": \"90,000\", "
                + "\"CLAUDE_CODE_SKIP_AWS_CRED_CACHE\": \"true\"", "");
        assertEquals(Status.OK, f.status, f.toString());
        assertEquals("CLAUDE_CODE_SKIP_AWS_CRED_CACHE, CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS=90000", f.detail);
    }
}
