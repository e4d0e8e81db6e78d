package dev.bedrocksetup.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17's "Must show" for init's newer options, through the command line as a user runs it: `init --yes` with the
 * option writes its variable, `doctor` shows it with the file it comes from, `reset` gives the user's file back byte
 * for byte (also a caching switch of the user's that init removed because it contradicted the choice).
 */
class InitSurfaceRoundTripTest {
    static final String USERS_OWN = "{\n  \"theme\": \"dark\",\n  \"env\": {\n    \"EDITOR\": \"vi\",\n"
            + "    \"DISABLE_PROMPT_CACHING\": \"1\"\n  }\n}\n";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--fable-model, us.anthropic.claude-haiku-4-5-20251001-v1:0, ANTHROPIC_DEFAULT_FABLE_MODEL, us-east-1",
        "--default-model, us.anthropic.claude-opus-4-6-v1[1m], ANTHROPIC_DEFAULT_MODEL, us-east-1",
        "--region-prefix, jp, ANTHROPIC_BEDROCK_REGION_PREFIX, ap-northeast-1",
        "--service-tier, flex, ANTHROPIC_BEDROCK_SERVICE_TIER, us-east-1",
        "--prompt-caching, 1h, ENABLE_PROMPT_CACHING_1H=1, us-east-1",
        "--prompt-caching, 5m, FORCE_PROMPT_CACHING_5M=1, us-east-1",
        "--prompt-caching, off, DISABLE_PROMPT_CACHING=1, us-east-1",
        "--scrub-subprocess-env, , CLAUDE_CODE_SUBPROCESS_ENV_SCRUB=1, us-east-1",
        "--skip-aws-cred-cache, , CLAUDE_CODE_SKIP_AWS_CRED_CACHE=1, us-east-1",
        "--aws-chain-timeout-ms, 30000, CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS, us-east-1",
        "--no-auth-refresh-lock, , CLAUDE_CODE_DISABLE_AUTH_REFRESH_LOCK=1, us-east-1"})
    void initWritesDoctorShowsResetRemoves(String option, String value, String variable, String region)
            throws Exception {
        TempHome home = aws.home();
        aws.stand().staticKeysProfile("dev", "dev", region);
        home.write(".claude/settings.json", USERS_OWN);
        String name = variable.contains("=") ? variable.substring(0, variable.indexOf('=')) : variable;
        String written = variable.contains("=") ? variable.substring(variable.indexOf('=') + 1) : value;

        List<String> args = new ArrayList<>(List.of("init", "--yes", "--profile", "dev", "--region", region,
                "--model", (region.startsWith("us-") ? "us" : "apac") + ".anthropic.claude-sonnet-4-5-20250929-v1:0",
                option));
        if (value != null) {
            args.add(value);
        }
        Run init = home.run(args.toArray(new String[0]));
        assertEquals(0, init.exit, init.toString());
        String settings = home.read(".claude/settings.json");
        assertTrue(settings.contains("\"" + name + "\": \"" + written + "\""), settings);

        Run doctor = home.run("doctor", "--offline", "--all");
        String shown = Arrays.stream(doctor.out.split("\n")).filter(l -> l.trim().startsWith(name + " "))
                .findFirst().orElse("");
        assertTrue(shown.contains("\"" + written + "\"") && shown.contains(".claude/settings.json"),
                "doctor shows " + name + " with its file: " + doctor);

        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(USERS_OWN, home.read(".claude/settings.json"), "byte for byte as before init");
    }
}
