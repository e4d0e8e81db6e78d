package dev.bedrocksetup.cli;

import static dev.bedrocksetup.testing.Examples.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.Fault;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.Settings;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19, items 13 and 15–17: every wait has a deadline the message names; odd values get a plain line and the
 * right exit code; bad input is refused instead of accepted; messages say what happened.
 */
class BoundedAndPlainTest {
    static final String SONNET_US = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    /** A helper that never returns; the odd number finds its process afterwards. */
    static final String NEVER_RETURNS = "sleep 617";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @BeforeEach
    void start() throws IOException {
        aws.home().ssoProfiles("dev");
    }

    private static void assertOneLine(Run r, int exit) {
        assertEquals(exit, r.exit, r.toString());
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), "no stack trace, no class names: " + r);
        String[] lines = r.err.strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("  fix: ") && lines.length <= 3, "one line and a fix: " + r);
    }

    private static boolean helperStillRunning() {
        return ProcessHandle.current().descendants().anyMatch(p -> p.info().commandLine().orElse("")
                .contains(NEVER_RETURNS));
    }

    // item 13

    @Test
    void aCredentialProcessThatNeverReturnsIsStoppedAtItsDeadline() throws IOException {
        aws.home().append(".aws/config", "\n[profile slow]\ncredential_process = " + NEVER_RETURNS
                + "\nregion = us-west-2\n");
        aws.home().vars.put("BEDROCK_SETUP_HELPER_TIMEOUT", "2");
        Run export = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> aws.home().run("export-credentials", "--profile", "slow"));
        assertOneLine(export, 4);
        assertTrue(export.err.contains("credential_process") && export.err.contains("within 2 s"), export.err);
        assertFalse(helperStillRunning(), "the helper's process is stopped, not left behind");

        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_PROFILE", "slow")
                .env("AWS_REGION", "us-west-2").env("ANTHROPIC_MODEL", SONNET_US).json());
        Run doctor = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> aws.home().run("doctor"));
        assertEquals(1, doctor.exit, doctor.toString());
        assertTrue(doctor.out.contains("within 2 s"), "the finding names the deadline: " + doctor);
        Run verify = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> aws.home().run("verify"));
        assertTrue(verify.exit == 1 || verify.exit == 4, verify.toString());
        assertTrue(verify.out.contains("within 2 s"), verify.toString());
        Run init = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> aws.home().run("init", "--yes", "--profile",
                "slow", "--region", "us-west-2", "--model", SONNET_US));
        assertTrue(init.err.contains("within 2 s"), init.toString());
        assertFalse(helperStillRunning());
    }

    @Test
    void aSlowAwsCallEndsAtItsDeadlineWithExit4NamingIt() throws IOException {
        aws.stand().staticKeysProfile("keys", "alice", "us-west-2");
        aws.scenario().latency(Operation.GET_INFERENCE_PROFILE, Duration.ofSeconds(10));
        aws.home().vars.put("BEDROCK_SETUP_AWS_TIMEOUT", "4");
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> aws.home().run("policy", "--profile", "keys",
                "--region", "us-west-2", "--model", SONNET_US));
        assertOneLine(r, 4);
        assertTrue(r.err.contains("GetInferenceProfile") && r.err.contains("within 4 s"), r.err);
        aws.home().vars.put("BEDROCK_SETUP_AWS_TIMEOUT", "soon");
        Run bad = aws.home().run("policy", "--profile", "keys", "--region", "us-west-2", "--model", SONNET_US);
        assertOneLine(bad, 2);
    }

    // item 15

    @Test
    void presetNumbersThatAreNoTokenCountAreUsageErrors() throws IOException {
        for (String n : new String[] {"1e10", "32000.5", "0", "-5"}) {
            Path preset = aws.home().write("team.json", "{\"max-output-tokens\": " + n + "}");
            Run r = aws.home().run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                    "--preset", preset.toString(), "--skip-probe");
            assertOneLine(r, 2);
            assertTrue(r.err.contains("max-output-tokens") && r.err.contains("whole number"), r.err);
        }
    }

    @Test
    void aProfileWithoutCredentialsIsAPlainUsageError() throws IOException {
        aws.home().append(".aws/config", "\n[profile empty]\nregion = us-west-2\n");
        Run r = aws.home().run("export-credentials", "--profile", "empty");
        assertOneLine(r, 2);
        assertFalse(r.err.contains("ProfileFile(") || r.err.contains("sections="), r.err);
        assertTrue(r.err.contains("no credentials"), r.err);
    }

    // item 16

    @Test
    void aProjectDirectoryMustExistAndBeNamed() throws IOException {
        Path missing = aws.dir().resolve("nonexistent/x");
        Run r = aws.home().run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                "--scope", "project", "--project-dir", missing.toString(), "--skip-probe");
        assertOneLine(r, 2);
        assertFalse(Files.exists(missing), "nothing created");
        Run empty = aws.home().run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                "--scope", "project", "--project-dir", "", "--skip-probe");
        assertOneLine(empty, 2);
        assertFalse(Files.exists(aws.dir().resolve(".claude/settings.json")));
        Run doctor = aws.home().run("doctor", "--offline", "--fix", "--yes", "--project-dir", missing.toString());
        assertOneLine(doctor, 2);
        Run reset = aws.home().run("reset", "--yes", "--scope", "project", "--project-dir", missing.toString());
        assertOneLine(reset, 2);
        assertFalse(Files.exists(missing), "nothing created");
    }

    @Test
    void aPresetWithADuplicateKeyIsRefusedNamingTheLine() throws IOException {
        Path preset = aws.home().write("team.json", "{\n  \"region\": \"us-west-2\",\n  \"model\": \"" + SONNET_US
                + "\",\n  \"region\": \"eu-west-1\"\n}\n");
        Run r = aws.home().run("init", "--yes", "--profile", "dev", "--preset", preset.toString(), "--skip-probe");
        assertOneLine(r, 2);
        assertTrue(r.err.contains(preset + ":4") && r.err.contains("region"), r.err);
    }

    @Test
    void aModelArnOfAnotherRegionIsRefused() {
        String arn = "arn:aws:bedrock:eu-west-1:" + ACCOUNT + ":inference-profile/" + "eu.anthropic.claude-sonnet-4-5"
                + "-20250929-v1:0";
        Run r = aws.home().run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", arn,
                "--skip-probe");
        assertOneLine(r, 2);
        assertTrue(r.err.contains("eu-west-1") && r.err.contains("us-west-2"), r.err);
        assertFalse(Files.exists(aws.home().userSettings()));
    }

    @Test
    void aStartUrlOutsideTheAwsPortalDomainsIsWarnedAbout() {
        Run r = aws.home().run("init", "--yes", "--sso-start-url", "https://portal.example.com/start", "--sso-region",
                "us-east-1", "--account-id", ACCOUNT, "--role-name", "Dev", "--profile", "custom",
                "--region", "us-west-2", "--model", SONNET_US, "--skip-login", "--dry-run");
        assertTrue(r.err.contains("warning: ") && r.err.contains("portal.example.com"), r.toString());
        assertEquals(0, r.exit, "a custom domain is not refused: " + r);
        Run awsPortal = aws.home().run("init", "--yes", "--sso-start-url", "https://ssoins-1234.portal.us-east-1.app.aws",
                "--sso-region", "us-east-1", "--account-id", ACCOUNT, "--role-name", "Dev", "--profile",
                "custom", "--region", "us-west-2", "--model", SONNET_US, "--skip-login", "--dry-run");
        assertFalse(awsPortal.err.contains("warning: "), awsPortal.toString());
    }

    // item 17

    @Test
    void anIdentityFailureNamesStsNotBedrock() throws IOException {
        aws.stand().staticKeysProfile("keys", "alice", "us-west-2");
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_PROFILE", "keys")
                .env("AWS_REGION", "us-west-2").env("ANTHROPIC_MODEL", SONNET_US).json());
        aws.home().vars.put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9");
        Run r = aws.home().run("doctor", "--json");
        String identity = r.out.substring(r.out.indexOf("\"aws.identity\""));
        identity = identity.substring(0, identity.indexOf('}'));
        assertTrue(identity.contains("STS") && !identity.contains("Bedrock"), identity);
    }

    @Test
    void aPortalAnswerWithoutAnAwsErrorSaysSoWithoutNull() throws IOException {
        aws.scenario().failAlways(Operation.GET_ROLE_CREDENTIALS, Fault.of(404, "", ""));
        aws.stand().cacheValidToken("corp");
        Run r = aws.home().run("export-credentials", "--profile", "dev");
        assertEquals(4, r.exit, r.toString());
        assertFalse(r.err.contains("null"), r.err);
        assertTrue(r.err.contains("404"), r.err);
    }

    @Test
    void durationsAreSaidAsTheyAre() {
        assertEquals("2 min 51 s", dev.bedrocksetup.core.Deadlines.describe(Duration.ofSeconds(171)));
        assertEquals("60 s", dev.bedrocksetup.core.Deadlines.describe(Duration.ofSeconds(59).plusMillis(500)));
        assertEquals("90 s", dev.bedrocksetup.core.Deadlines.describe(Duration.ofSeconds(90)));
        assertEquals("45 s", dev.bedrocksetup.core.Deadlines.describe(Duration.ofSeconds(45)));
        assertEquals("10 min", dev.bedrocksetup.core.Deadlines.describe(Duration.ofMinutes(10)));
    }

    @Test
    void aSixtySecondTokenIsValidForSixtySecondsNotZeroMinutes() throws IOException {
        aws.stand().cacheToken("corp", "token-60", java.time.Instant.now().plusSeconds(60));
        aws.home().write(".claude/settings.json", Settings.env("AWS_PROFILE", "dev").json());
        Run r = aws.home().run("doctor", "--offline");
        assertFalse(r.out.contains("0 min"), r.out);
        assertTrue(r.out.matches("(?s).*expires in (59|60) s.*"), r.out);
    }

    @Test
    void switchingProfilesMovesOurAwsAuthRefreshAndDoctorFlagsAMismatch() throws IOException {
        aws.home().ssoProfiles("dev", "other");
        Run first = aws.home().run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                "--auth-refresh", "login", "--skip-probe");
        assertEquals(0, first.exit, first.toString());
        Run second = aws.home().run("init", "--yes", "--profile", "other", "--region", "us-west-2", "--model",
                SONNET_US,
                "--skip-probe");
        assertEquals(0, second.exit, second.toString());
        String settings = aws.home().read(".claude/settings.json");
        assertTrue(settings.contains("login --profile other\""), settings);
        assertFalse(settings.contains("--profile dev"), settings);

        aws.home().write(".claude/settings.json", Settings.key("awsAuthRefresh", "aws sso login --profile dev")
                .env("CLAUDE_CODE_USE_BEDROCK", "1").env("AWS_PROFILE", "other").env("AWS_REGION", "us-west-2").json());
        Run doctor = aws.home().run("doctor", "--offline");
        assertTrue(doctor.out.matches("(?s).*warn.*awsAuthRefresh logs in profile dev, but Claude Code uses "
                + "AWS_PROFILE other.*"), doctor.out);
    }

    @Test
    void doctorFixQuotesEveryNonStringValueOfAFileInOneRound() throws IOException {
        aws.home().write(".claude/settings.json", Settings.env("CLAUDE_CODE_USE_BEDROCK", 1)
                .env("DISABLE_TELEMETRY", true).env("CLAUDE_CODE_MAX_OUTPUT_TOKENS", 32000).json());
        Run r = aws.home().run("doctor", "--offline", "--fix", "--yes");
        assertEquals(1, r.err.split("Safe fixes:", -1).length - 1, "one round: " + r.err);
        String settings = aws.home().read(".claude/settings.json");
        assertTrue(settings.contains("\"1\"") && settings.contains("\"true\"") && settings.contains("\"32000\""),
                settings);
    }

    @Test
    void aResetThatFindsNothingToPutBackSaysNothingChanged() throws IOException {
        Run init = aws.home().run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                "--skip-probe");
        assertEquals(0, init.exit, init.toString());
        // the user changed every value since: reset leaves each alone
        aws.home().write(".claude/settings.json", Settings.env("CLAUDE_CODE_USE_BEDROCK", "0")
                .env("AWS_PROFILE", "mine").env("AWS_REGION", "eu-west-1").env("ANTHROPIC_MODEL", "opus").json());
        Run r = aws.home().run("reset", "--yes");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("Nothing was changed"), r.err);
        assertFalse(r.err.contains("Restart Claude Code"), r.err);
    }
}
