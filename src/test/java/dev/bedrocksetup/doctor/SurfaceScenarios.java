package dev.bedrocksetup.doctor;

import static dev.bedrocksetup.doctor.DoctorScenarioTest.HAIKU;
import static dev.bedrocksetup.doctor.DoctorScenarioTest.OPUS;
import static dev.bedrocksetup.doctor.DoctorScenarioTest.SONNET;
import static dev.bedrocksetup.doctor.DoctorScenarioTest.scenario;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Doctor scenarios for Claude Code's newer Bedrock settings (decision 0031), run by DoctorScenarioTest beside its
 * own: each makes one check fire with its message and fix. What Claude Code does with each setting is shown with
 * the real binary in e2e/ClaudeCodeBedrockSurfaceTest.
 */
final class SurfaceScenarios {
    private SurfaceScenarios() {}

    static final String ENV = "\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_REGION\": \"us-west-2\", \"AWS_PROFILE\": \"dev\", "
            + "\"ANTHROPIC_MODEL\": \"" + SONNET + "\", \"ANTHROPIC_DEFAULT_OPUS_MODEL\": \"" + OPUS + "\", "
            + "\"ANTHROPIC_DEFAULT_SONNET_MODEL\": \"" + SONNET + "\", \"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"" + HAIKU
            + "\"";
    /** The healthy setup moved to Tokyo, its pins apac. profiles. */
    static final String TOKYO = ENV.replace("us-west-2", "ap-northeast-1").replace("\"us.anthropic", "\"apac.anthropic");

    static Stream<Arguments> scenarios() {
        return Stream.of(
            scenario("Vertex AI switched on beside Bedrock", "settings.provider", Status.WARN,
                    "CLAUDE_CODE_USE_VERTEX (from shell environment)", "remove CLAUDE_CODE_USE_VERTEX",
                    t -> t.home.vars.put("CLAUDE_CODE_USE_VERTEX", "1")),
            scenario("Mantle switched on beside Bedrock", "settings.provider", Status.WARN, "goes to Mantle",
                    "remove CLAUDE_CODE_USE_MANTLE", t -> t.userSettings(ENV + ", \"CLAUDE_CODE_USE_MANTLE\": \"true\"",
                            "")),
            scenario("Foundry wins over a Bedrock that is off", "settings.provider", Status.FAIL,
                    "Claude Code uses Microsoft Foundry", "turn CLAUDE_CODE_USE_BEDROCK on",
                    t -> t.userSettings(ENV.replace("\"CLAUDE_CODE_USE_BEDROCK\": \"1\"",
                            "\"CLAUDE_CODE_USE_BEDROCK\": \"0\", \"CLAUDE_CODE_USE_FOUNDRY\": \"1\""), "")),
            scenario("ANTHROPIC_DEFAULT_MODEL an alias Claude Code ignores there", "models.main-model", Status.WARN,
                    "ignores there", "set ANTHROPIC_MODEL to haiku", t -> t.userSettings(ENV.replace(
                            "\"ANTHROPIC_MODEL\": \"" + SONNET + "\", ", "\"ANTHROPIC_DEFAULT_MODEL\": \"haiku\", "), "")),
            scenario("a pin in another geography than the prefix override", "models.prefix-pins", Status.WARN,
                    "pins are sent as written", "set ANTHROPIC_MODEL to jp.anthropic.claude-sonnet-4-5",
                    t -> t.userSettings(TOKYO + ", \"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"jp\"", "")),
            scenario("region prefix variable in GovCloud", "models.region-prefix-var", Status.WARN,
                    "in GovCloud Claude Code ignores it", "remove ANTHROPIC_BEDROCK_REGION_PREFIX",
                    t -> t.userSettings(ENV.replace("us-west-2", "us-gov-west-1").replace("\"us.anthropic",
                            "\"us-gov.anthropic") + ", \"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"jp\"", "")),
            scenario("[1m] on a 200K-only model", "models.one-million", Status.WARN, "gives no 1M context",
                    "set ANTHROPIC_DEFAULT_HAIKU_MODEL to " + HAIKU, t -> t.userSettings(ENV.replace(
                            "\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"" + HAIKU, "\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \""
                                    + HAIKU + "[1m]"), "")),
            scenario("[1m] on a natively 1M model", "models.one-million", Status.WARN, "has a 1M window already",
                    "set ANTHROPIC_DEFAULT_FABLE_MODEL to us.anthropic.claude-fable-5", t -> t.userSettings(ENV
                            + ", \"ANTHROPIC_DEFAULT_FABLE_MODEL\": \"us.anthropic.claude-fable-5[1m]\"", "")),
            scenario("service tier not a Bedrock tier", "cost.service-tier", Status.WARN, "\"cheap\"",
                    "default, flex or priority", t -> t.userSettings(ENV
                            + ", \"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"cheap\"", "")),
            scenario("service tier in capitals", "cost.service-tier", Status.WARN, "sends it unchecked",
                    "write it as \"flex\"", t -> t.userSettings(ENV + ", \"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"Flex\"",
                            "")),
            scenario("caching off and a cache lifetime set", "cost.prompt-caching", Status.WARN, "has no effect",
                    "remove DISABLE_PROMPT_CACHING", t -> t.userSettings(ENV + ", \"DISABLE_PROMPT_CACHING\": \"1\", "
                            + "\"ENABLE_PROMPT_CACHING_1H\": \"1\"", "")),
            scenario("5-minute cache forced beside the 1-hour one", "cost.prompt-caching", Status.WARN,
                    "FORCE_PROMPT_CACHING_5M (from user settings) wins", "remove FORCE_PROMPT_CACHING_5M",
                    t -> t.userSettings(ENV + ", \"FORCE_PROMPT_CACHING_5M\": \"true\", "
                            + "\"ENABLE_PROMPT_CACHING_1H_BEDROCK\": \"1\"", "")),
            scenario("caching switch Claude Code cannot read", "cost.prompt-caching", Status.WARN,
                    "ENABLE_PROMPT_CACHING_1H=\"enabled\"", "use 1", t -> t.userSettings(ENV
                            + ", \"ENABLE_PROMPT_CACHING_1H\": \"enabled\"", "")),
            scenario("credential timeout with a unit", "credentials.knobs", Status.WARN, "reads as 30 ms",
                    "digits only", t -> t.userSettings(ENV
                            + ", \"CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS\": \"30s\"", "")),
            scenario("credential timeout not a number", "credentials.knobs", Status.WARN, "waits 60 s",
                    "whole number of milliseconds", t -> t.userSettings(ENV
                            + ", \"CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS\": \"soon\"", "")),
            scenario("credential switch Claude Code cannot read", "credentials.knobs", Status.WARN,
                    "CLAUDE_CODE_SUBPROCESS_ENV_SCRUB=\"always\"", "use 1", t -> t.userSettings(ENV
                            + ", \"CLAUDE_CODE_SUBPROCESS_ENV_SCRUB\": \"always\"", "")));
    }
}
