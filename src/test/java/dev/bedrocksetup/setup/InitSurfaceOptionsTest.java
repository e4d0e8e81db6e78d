package dev.bedrocksetup.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * init's options for Claude Code's newer Bedrock settings (issue 17): each is checked as Claude Code reads it, the
 * models it names are tested as Claude Code sends them, and a re-run keeps what is in force.
 */
class InitSurfaceOptionsTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    static final String OPUS_46 = "us.anthropic.claude-opus-4-6-v1";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    TempHome home;

    @BeforeEach
    void profile() throws Exception {
        home = aws.home();
        aws.stand().staticKeysProfile("dev", "dev", "us-east-1");
    }

    Run init(String region, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("init", "--yes", "--profile", "dev", "--region", region));
        if (!Arrays.asList(more).contains("--model")) {
            args.addAll(List.of("--model", region.startsWith("us-") ? SONNET
                    : "apac.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        }
        args.addAll(Arrays.asList(more));
        return home.run(args.toArray(new String[0]));
    }

    List<String> probed() {
        return aws.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM).stream().map(LoggedRequest::modelId)
                .collect(Collectors.toList());
    }

    @Test
    void fableAndDefaultModelsAreWrittenAndTested() throws Exception {
        Run r = init("us-east-1", "--fable-model", HAIKU, "--default-model", OPUS_46);
        assertEquals(0, r.exit, r.toString());
        String settings = home.read(".claude/settings.json");
        assertTrue(settings.contains("\"ANTHROPIC_DEFAULT_FABLE_MODEL\": \"" + HAIKU + "\""), settings);
        assertTrue(settings.contains("\"ANTHROPIC_DEFAULT_MODEL\": \"" + OPUS_46 + "\""), settings);
        assertTrue(probed().containsAll(List.of(SONNET, HAIKU, OPUS_46)), "every pin is tested: " + probed());
    }

    @Test
    void fableIsAnAliasOfTheMainModelAndAPinIsNoAlias() throws Exception {
        Run r = init("us-east-1", "--skip-probe", "--model", "fable", "--fable-model", HAIKU);
        assertEquals(0, r.exit, r.toString());
        assertTrue(home.read(".claude/settings.json").contains("\"ANTHROPIC_MODEL\": \"fable\""));
        Run pin = init("us-east-1", "--fable-model", "fable");
        assertEquals(2, pin.exit, pin.toString());
        assertTrue(pin.err.contains("--fable-model 'fable' is not a Claude model ID"), pin.err);
    }

    @Test
    void aOneMillionTagIsTakenWhereTheModelHasItAndTestedWithoutIt() throws Exception {
        Run r = init("us-east-1", "--opus-model", OPUS_46 + "[1m]");
        assertEquals(0, r.exit, r.toString());
        assertTrue(home.read(".claude/settings.json").contains("\"ANTHROPIC_DEFAULT_OPUS_MODEL\": \"" + OPUS_46
                + "[1m]\""));
        assertTrue(probed().contains(OPUS_46), "tested as Claude Code sends it: " + probed());
        assertFalse(probed().stream().anyMatch(m -> m.contains("[1m]")), probed().toString());
    }

    @Test
    void aOneMillionTagOnAModelWithoutItIsRefusedWithTheIdToUse() {
        Run r = init("us-east-1", "--haiku-model", HAIKU + "[1m]");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("claude-haiku-4-5 has a 200K window and no larger one"), r.err);
        assertTrue(r.err.contains("fix: use --haiku-model " + HAIKU + ","), r.err);
        assertTrue(probed().isEmpty(), "refused before anything is called");
    }

    @Test
    void aDefaultModelClaudeCodeIgnoresIsRefused() {
        Run r = init("us-east-1", "--default-model", "haiku");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("--default-model haiku is ignored by Claude Code"), r.err);
    }

    @Test
    void regionPrefixIsWrittenWhereTheRegionServesIt() throws Exception {
        Run r = init("ap-northeast-1", "--skip-probe", "--region-prefix", "jp");
        assertEquals(0, r.exit, r.toString());
        assertTrue(home.read(".claude/settings.json").contains("\"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"jp\""));
        assertTrue(r.err.contains("--model has the prefix apac. and is sent as written: --region-prefix jp moves only "
                + "the models Claude Code picks itself"), r.err);
    }

    @Test
    void regionPrefixIsRefusedInGovCloudOutsideItsGeographyAndMisspelt() {
        Run gov = home.run("init", "--yes", "--profile", "dev", "--region", "us-gov-west-1", "--model",
                "us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0", "--region-prefix", "us");
        assertEquals(2, gov.exit, gov.toString());
        assertTrue(gov.err.contains("--region-prefix is ignored by Claude Code in GovCloud"), gov.err);
        Run eu = init("us-east-1", "--region-prefix", "eu");
        assertEquals(2, eu.exit, eu.toString());
        assertTrue(eu.err.contains("fix: use --region-prefix us or global"), eu.err);
        Run upper = init("ap-northeast-1", "--region-prefix", "JP");
        assertEquals(2, upper.exit, upper.toString());
        assertTrue(upper.err.contains("fix: use one of us, eu, apac, jp, au, global"), upper.err);
    }

    @Test
    void serviceTierCachingAndScrubbing() throws Exception {
        home.write(".claude/settings.json", "{\"env\": {\"FORCE_PROMPT_CACHING_5M\": \"1\"}}\n");
        Run r = init("us-east-1", "--skip-probe", "--service-tier", "flex", "--prompt-caching", "1h",
                "--scrub-subprocess-env");
        assertEquals(0, r.exit, r.toString());
        String s = home.read(".claude/settings.json");
        assertTrue(s.contains("\"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"flex\""), s);
        assertTrue(s.contains("\"ENABLE_PROMPT_CACHING_1H\": \"1\""), s);
        assertFalse(s.contains("FORCE_PROMPT_CACHING_5M"), "5 minutes would win over the hour: " + s);
        assertTrue(s.contains("\"CLAUDE_CODE_SUBPROCESS_ENV_SCRUB\": \"1\""), s);
        Run doctor = home.run("doctor", "--offline", "--all");
        assertTrue((doctor.out + doctor.err).contains("1-hour cache (ENABLE_PROMPT_CACHING_1H)"), doctor.toString());

        Run off = init("us-east-1", "--skip-probe", "--prompt-caching", "off");
        assertEquals(0, off.exit, off.toString());
        s = home.read(".claude/settings.json");
        assertTrue(s.contains("\"DISABLE_PROMPT_CACHING\": \"1\"") && !s.contains("ENABLE_PROMPT_CACHING_1H"), s);

        Run bad = init("us-east-1", "--service-tier", "Flex");
        assertEquals(2, bad.exit, bad.toString());
        assertTrue(bad.err.contains("fix: use default, flex or priority"), bad.err);
        Run badCaching = init("us-east-1", "--prompt-caching", "60m");
        assertEquals(2, badCaching.exit, badCaching.toString());
        assertTrue(badCaching.err.contains("fix: use 1h (cache for an hour), 5m (five minutes) or off"),
                badCaching.err);
    }

    /** Issue 17 item 6: the credential knobs by flag and by preset, kept by a re-run, a timeout checked. */
    @Test
    void credentialKnobsAreWrittenKeptAndChecked() throws Exception {
        Run r = init("us-east-1", "--skip-probe", "--skip-aws-cred-cache", "--aws-chain-timeout-ms", "30000",
                "--no-auth-refresh-lock");
        assertEquals(0, r.exit, r.toString());
        String s = home.read(".claude/settings.json");
        assertTrue(s.contains("\"CLAUDE_CODE_SKIP_AWS_CRED_CACHE\": \"1\""), s);
        assertTrue(s.contains("\"CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS\": \"30000\""), s);
        assertTrue(s.contains("\"CLAUDE_CODE_DISABLE_AUTH_REFRESH_LOCK\": \"1\""), s);
        Run doctor = home.run("doctor", "--offline", "--all");
        assertTrue((doctor.out + doctor.err).contains("CLAUDE_CODE_SKIP_AWS_CRED_CACHE, "
                + "CLAUDE_CODE_DISABLE_AUTH_REFRESH_LOCK, CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS=30000"),
                "credentials.knobs names them: " + doctor);

        Run again = home.run("init", "--yes", "--skip-probe");
        assertEquals(0, again.exit, again.toString());
        assertTrue(again.err.contains("already has these settings; nothing to change"), again.err);

        Run zero = init("us-east-1", "--skip-probe", "--aws-chain-timeout-ms", "0");
        assertEquals(2, zero.exit, zero.toString());
        assertTrue(zero.err.contains("fix: give milliseconds, e.g. --aws-chain-timeout-ms 30000"), zero.err);
        Run word = init("us-east-1", "--skip-probe", "--aws-chain-timeout-ms", "30s");
        assertEquals(2, word.exit, word.toString());
        Run quick = init("us-east-1", "--skip-probe", "--aws-chain-timeout-ms", "500");
        assertEquals(0, quick.exit, quick.toString());
        assertTrue(quick.err.contains("warning: --aws-chain-timeout-ms 500: an SSO, assume-role or process credential "
                + "chain rarely resolves that fast"), quick.err);

        home.write("team.json", "{\"aws-chain-timeout-ms\": 45000, \"skip-aws-cred-cache\": true}\n");
        Run preset = init("us-east-1", "--skip-probe", "--preset", home.home.resolve("team.json").toString());
        assertEquals(0, preset.exit, preset.toString());
        assertTrue(home.read(".claude/settings.json").contains("\"CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS\": "
                + "\"45000\""), home.read(".claude/settings.json"));
    }

    @Test
    void aReRunKeepsWhatIsInForce() throws Exception {
        Run first = init("ap-northeast-1", "--skip-probe", "--region-prefix", "jp", "--service-tier", "priority",
                "--prompt-caching", "5m", "--scrub-subprocess-env", "--fable-model",
                "jp.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertEquals(0, first.exit, first.toString());
        Run again = home.run("init", "--yes", "--skip-probe");
        assertEquals(0, again.exit, again.toString());
        assertTrue(again.err.contains("already has these settings; nothing to change"), again.err);
        SetupRequest request = SetupRequest.assemble(java.util.Map.of(), null, SetupInForce.read(home.env(), null));
        assertEquals("jp", request.string("region-prefix").value());
        assertEquals("priority", request.string("service-tier").value());
        assertEquals("5m", request.string("prompt-caching").value());
        assertTrue(request.flag("scrub-subprocess-env"));
        assertEquals("jp.anthropic.claude-haiku-4-5-20251001-v1:0", request.string("fable-model").value());
        // another geography: the prefix in force is no answer for it
        SetupRequest moved = SetupRequest.assemble(java.util.Map.of("region", "us-east-1"), null,
                SetupInForce.read(home.env(), null));
        assertFalse(moved.string("region-prefix").answered());
        assertFalse(moved.string("fable-model").answered());
    }

    @Test
    void policyCoversTheFablePinAndTheDefaultModelAsSent() throws Exception {
        Run r = init("us-east-1", "--skip-probe", "--fable-model", HAIKU, "--default-model", OPUS_46 + "[1m]");
        assertEquals(0, r.exit, r.toString());
        assertEquals(List.of(SONNET, HAIKU, OPUS_46), SetupInForce.read(home.env(), null).models());
    }

    @Test
    void anotherProviderThatBedrockBeatsIsNamedAndLeftAlone() throws Exception {
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_VERTEX\": \"1\"}}\n");
        Run r = init("us-east-1", "--skip-probe");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("also switches on CLAUDE_CODE_USE_VERTEX (Google Vertex AI); Claude Code takes "
                + "Bedrock first, so it is unused: remove it from"), r.err);
        assertTrue(home.read(".claude/settings.json").contains("\"CLAUDE_CODE_USE_VERTEX\": \"1\""),
                "not ours: left as it is");
    }

    @Test
    void mantleBesideBedrockIsRefusedBeforeAnythingIsWritten() throws Exception {
        String mine = "{\"env\": {\"CLAUDE_CODE_USE_MANTLE\": \"yes\"}}\n";
        home.write(".claude/settings.json", mine);
        Run r = init("us-east-1");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("also switches on CLAUDE_CODE_USE_MANTLE"), r.err);
        assertTrue(r.err.contains("fix: remove CLAUDE_CODE_USE_MANTLE from "), r.err);
        assertEquals(mine, home.read(".claude/settings.json"));
        assertTrue(probed().isEmpty(), "refused before the models are tested");
    }

    @Test
    void valuesInForceThatClaudeCodeIgnoresAreLeftForTheDoctorNotRefused() throws Exception {
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_PROFILE\": "
                + "\"dev\", \"AWS_REGION\": \"us-east-1\", \"ANTHROPIC_MODEL\": \"" + SONNET + "\", "
                + "\"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"US\", \"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"fast\", "
                + "\"ANTHROPIC_DEFAULT_MODEL\": \"haiku\"}}\n");
        Run r = home.run("init", "--yes", "--skip-probe", "--max-output-tokens", "32000");
        assertEquals(0, r.exit, r.toString());
        String s = home.read(".claude/settings.json");
        assertTrue(s.contains("\"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"US\"") && s.contains("\"fast\"")
                && s.contains("\"ANTHROPIC_DEFAULT_MODEL\": \"haiku\""), s);
    }
}
