package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command-line contract as a user and a script see it: exit codes, streams, one-line errors with a fix. */
class CliContractTest {
    static final String SONNET_US = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @TempDir
    Path dir;
    TempHome home;

    @BeforeEach
    void setUp() throws Exception {
        home = new TempHome(dir).ssoProfiles("dev", "me", "team");
    }

    private static void assertOneLineErrorWithFix(Run r, int exit) {
        assertEquals(exit, r.exit, r.toString());
        String[] lines = r.err.strip().split("\n");
        assertTrue(lines[0].startsWith("bedrock-setup: "), r.toString());
        assertTrue(lines[lines.length - 1].startsWith("  fix: "), r.toString());
        assertTrue(lines.length <= 3, "short: " + r);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r);
        assertEquals("", r.out, "errors never go to stdout");
    }

    @Test
    void versionAndHelpGoToStdout() {
        Run v = home.run("--version");
        assertEquals(0, v.exit);
        assertTrue(v.out.startsWith("bedrock-setup "), v.out);
        Run h = home.run("--help");
        assertEquals(0, h.exit);
        for (String c : new String[] {"init, setup", "verify", "doctor", "reset", "login", "models",
            "export-credentials", "policy", "team", "completion"}) {
            assertTrue(h.out.contains(c), c + " in help: " + h.out);
        }
    }

    @Test
    void unknownOptionIsUsageError() {
        Run r = home.run("init", "--regoin", "us-east-1");
        assertOneLineErrorWithFix(r, 2);
        assertTrue(r.err.contains("--regoin"), r.err);
        assertTrue(r.err.contains("--region"), "suggests the near miss: " + r.err);
    }

    @Test
    void verifyWithClaudeNeedsAProjectDirectoryToRunIn() {
        Run r = home.run("verify", "--with-claude", "--project-dir", home.home.resolve("no-such-dir").toString());
        assertOneLineErrorWithFix(r, 2);
        assertTrue(r.err.contains("no-such-dir is not a directory"), r.err);
    }

    @Test
    void initWithoutTerminalRequiresYes() {
        Run r = home.run("init");
        assertOneLineErrorWithFix(r, 2);
        assertTrue(r.err.contains("--yes"), r.err);
        assertFalse(Files.exists(home.userSettings()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing profile   | --region us-west-2 --model " + SONNET_US + "                 | --profile",
        "missing region    | --profile dev --model " + SONNET_US + "                       | --region",
        "missing model     | --profile dev --region us-west-2                              | --model",
        "bad region        | --profile dev --region us-west --model " + SONNET_US + "      | not an AWS region",
        "bad profile       | --profile 'a b' --region us-west-2 --model " + SONNET_US + "  | not a profile name",
        "bare model id     | --profile dev --region us-west-2 --model anthropic.claude-sonnet-4-5-20250929-v1:0 | inference profile",
        "prefix vs region  | --profile dev --region eu-west-1 --model " + SONNET_US + "      | eu.anthropic",
        "bad scope         | --profile dev --region us-west-2 --model " + SONNET_US + " --scope global | --scope",
        "thinking >= output| --profile dev --region us-west-2 --model " + SONNET_US + " --max-output-tokens 8000 --max-thinking-tokens 9000 | --max-thinking-tokens",
    })
    void badInputIsExit2NamingTheProblem(String name, String flags, String mentioned) {
        String[] args = ("init --yes " + flags.replace("'a b'", "a\u0001b")).trim().split("\\s+");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].replace('\u0001', ' ');
        }
        Run r = home.run(args);
        assertOneLineErrorWithFix(r, 2);
        assertTrue(r.err.contains(mentioned), r.toString());
        assertFalse(Files.exists(home.userSettings()), "nothing written");
    }

    @Test
    void dryRunPrintsADiffOnStdoutAndWritesNothing() throws Exception {
        home.write(".claude/settings.json", "{\n  \"theme\": \"dark\"\n}\n");
        Run r = home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                "--dry-run");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("--- " + home.userSettings()), r.out);
        assertTrue(r.out.contains("+    \"AWS_PROFILE\": \"dev\","), r.out);
        assertEquals("{\n  \"theme\": \"dark\"\n}\n", home.read(".claude/settings.json"));
    }

    @Test
    void initThenResetThroughTheCommandLine() throws Exception {
        String original = "{\n  \"theme\": \"dark\",\n  \"hooks\": {\"Stop\": []}\n}";
        home.write(".claude/settings.json", original);
        Run init = home.run("setup", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                "--haiku-model", "global.anthropic.claude-haiku-4-5-20251001-v1:0", "--auth-refresh", "aws-cli");
        assertEquals(0, init.exit, init.toString());
        assertEquals("", init.out, "a write prints nothing on stdout");
        assertTrue(init.err.contains("  Undo it:   bedrock-setup reset\n"), init.err);
        String written = home.read(".claude/settings.json");
        assertTrue(written.contains("\"awsAuthRefresh\": \"aws sso login --profile dev\""), written);

        Run again = home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                "--haiku-model", "global.anthropic.claude-haiku-4-5-20251001-v1:0", "--auth-refresh", "aws-cli");
        assertEquals(0, again.exit);
        assertTrue(again.err.contains("nothing to change"), again.err);

        Run noYes = home.run("reset");
        assertOneLineErrorWithFix(noYes, 2);
        Run preview = home.run("reset", "--dry-run");
        assertEquals(0, preview.exit);
        assertTrue(preview.out.contains("-  \"awsAuthRefresh\": \"aws sso login --profile dev\""), preview.out);
        assertEquals(written, home.read(".claude/settings.json"));

        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(original, home.read(".claude/settings.json"));
        Run nothing = home.run("reset", "--yes");
        assertEquals(0, nothing.exit);
        assertTrue(nothing.err.contains("Nothing to undo"), nothing.err);
    }

    @Test
    void credentialExportModeWritesTheExportCommandInsteadOfTheProfile() throws Exception {
        Run r = home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                "--credentials", "export");
        assertEquals(0, r.exit, r.toString());
        String text = home.read(".claude/settings.json");
        assertTrue(text.contains("\"awsCredentialExport\": \"bedrock-setup export-credentials --profile dev\""), text);
        assertFalse(text.contains("AWS_PROFILE"), text);
    }

    /**
     * Claude Code takes only temporary credentials from awsCredentialExport (a non-empty SessionToken; 2.1.330 and
     * 2.1.332, decision 0016), and export-credentials prints a static-keys profile's keys without one: export mode
     * for such a profile would write a setup Claude Code rejects, so init refuses it (exit 2) and names the fix.
     */
    @Test
    void credentialExportModeRefusesAProfileWithLongTermKeys() throws Exception {
        home.write(".aws/credentials", "[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        Run r = home.run("init", "--yes", "--profile", "keys", "--region", "us-west-2", "--model", SONNET_US,
                "--credentials", "export", "--skip-probe");
        assertOneLineErrorWithFix(r, 2);
        assertTrue(r.err.contains("SessionToken"), r.toString());
        assertTrue(r.err.contains("fix: use --credentials env"), r.toString());
        assertFalse(java.nio.file.Files.exists(home.userSettings()), "nothing written");
    }

    @Test
    void anInstalledLauncherNamesItselfForTheCommandsSettingsRun() throws Exception {
        // Homebrew's wrapper and npm's link give the path that survives an upgrade (the image's own launcher
        // would name its versioned directory)
        home.vars.put("BEDROCK_SETUP_COMMAND", "/opt/homebrew/opt/bedrock-setup/bin/bedrock-setup");
        Run r = home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US,
                "--credentials", "export");
        assertEquals(0, r.exit, r.toString());
        assertTrue(home.read(".claude/settings.json").contains("\"awsCredentialExport\": "
                + "\"/opt/homebrew/opt/bedrock-setup/bin/bedrock-setup export-credentials --profile dev\""),
                home.read(".claude/settings.json"));
    }

    @Test
    void credentialExportModeKeepsTheProfileOutOfEnv() throws Exception {
        dev.bedrocksetup.claude.BedrockSettings s = new dev.bedrocksetup.claude.BedrockSettings();
        s.region = "us-west-2";
        s.profile = "dev";
        s.model = SONNET_US;
        s.credentials = dev.bedrocksetup.claude.BedrockSettings.CredentialsMode.EXPORT;
        s.selfCommand = "/opt/bedrock-setup/bedrock-setup";
        new dev.bedrocksetup.claude.SettingsService(home.env(), new dev.bedrocksetup.fs.ChangeApplier(
                home.env().stateDirectory(), new dev.bedrocksetup.fs.AtomicFileWriter(), home.env().clock(),
                java.time.Duration.ofSeconds(1))).applyInit(dev.bedrocksetup.claude.SettingsScope.USER, null, s, true,
                false);
        String text = home.read(".claude/settings.json");
        assertFalse(text.contains("AWS_PROFILE"), text);
        assertTrue(text.contains("\"awsCredentialExport\": \"/opt/bedrock-setup/bedrock-setup export-credentials "
                + "--profile dev\""), text);
        assertFalse(home.read(".config/Code/User/settings.json").contains("AWS_PROFILE"),
                "export mode keeps the profile out of the VS Code extension's env too");
    }

    @Test
    void malformedSettingsIsExit3WithLocationAndNoStackTraceUnlessVerbose() throws Exception {
        home.write(".claude/settings.json", "{\n  \"a\": 1, // comment\n}\n");
        String[] args = {"init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET_US};
        Run r = home.run(args);
        assertOneLineErrorWithFix(r, 3);
        assertTrue(r.err.contains(home.userSettings() + ":2:11: "), r.err);
        Run verbose = home.run(concat("--verbose", args));
        assertEquals(3, verbose.exit);
        assertTrue(verbose.err.contains("\tat "), "stack trace with --verbose");
        Run verboseAfter = home.run(concat(args, "--verbose"));
        assertTrue(verboseAfter.err.contains("\tat "), "--verbose also works after the subcommand");
    }

    @Test
    void apiKeyIsNeverTakenFromArgv() {
        Run r = home.run("init", "--yes", "--auth", "ABSKexamplesecretvalue1234567890");
        assertEquals(2, r.exit);
        assertFalse(r.err.contains("examplesecretvalue"), "a secret typed into argv is not echoed: " + r.err);
    }

    @Test
    void doctorExitsOneOnFailureAndPrintsOnlyJsonOnStdout() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path claude = bin.resolve("claude");
        Files.writeString(claude, "#!/bin/sh\necho '2.1.150 (Claude Code)'\n");
        claude.toFile().setExecutable(true);
        home.vars.put("PATH", bin + ":/usr/bin:/bin");
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_PROFILE\": \"dev\"}}");
        Run json = home.run("doctor", "--offline", "--json");
        assertEquals(1, json.exit, json.toString());
        assertEquals("using profile dev from ~/.claude/settings.json\n", json.err,
                "stderr says where the profile comes from, and nothing else");
        var doc = (java.util.Map<?, ?>) dev.bedrocksetup.json.JsonDocument.parse(json.out).root().toValue();
        assertEquals("2.1.150", doc.get("claudeCodeVersion"), "read from the claude on PATH");
        assertTrue(json.out.contains("does not read the profile's region"), "old Claude Code without AWS_REGION fails");

        Run text = home.run("doctor", "--offline");
        assertEquals(1, text.exit);
        assertEquals("using profile dev from ~/.claude/settings.json\n", text.err,
                "the human report goes to stdout too (doctor | grep FAIL); stderr only says where the profile comes from");
        assertTrue(text.out.contains("FAIL region.set: "), text.out);

        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_REGION\": \"us-west-2\","
                + " \"AWS_BEARER_TOKEN_BEDROCK\": \"ABSKexampleexampleexample\", \"ANTHROPIC_MODEL\": \"" + SONNET_US + "\"}}");
        Run ok = home.run("doctor", "--offline");
        assertEquals(0, ok.exit, ok.toString());
        assertFalse((ok.out + ok.err).contains("exampleexample"), "API key masked");
    }

    @Test
    void presetGivesAnswersAndFlagsWin() throws Exception {
        Path preset = home.write("team.json", "{\"$schema\": \"x\", \"region\": \"eu-west-1\", \"profile\": \"team\","
                + " \"model\": \"eu.anthropic.claude-sonnet-4-5-20250929-v1:0\", \"max-output-tokens\": 32000}");
        Run r = home.run("init", "--yes", "--preset", preset.toString(), "--profile", "me");
        assertEquals(0, r.exit, r.toString());
        String text = home.read(".claude/settings.json");
        assertTrue(text.contains("\"AWS_PROFILE\": \"me\""), "the flag wins: " + text);
        assertTrue(text.contains("\"AWS_REGION\": \"eu-west-1\""), text);
        assertTrue(text.contains("\"CLAUDE_CODE_MAX_OUTPUT_TOKENS\": \"32000\""), text);

        Path bad = home.write("bad.json", "{\"regoin\": \"eu-west-1\"}");
        Run unknown = home.run("init", "--yes", "--preset", bad.toString());
        assertOneLineErrorWithFix(unknown, 2);
        assertTrue(unknown.err.contains("unknown key \"regoin\""), unknown.err);
        Path wrongType = home.write("t.json", "{\"max-output-tokens\": \"many\"}");
        assertOneLineErrorWithFix(home.run("init", "--yes", "--preset", wrongType.toString()), 2);
    }

    @Test
    void managedScopeNeedsNoProfileInTheAdministratorsOwnConfig() throws Exception {
        Run r = home.run("init", "--yes", "--scope", "managed", "--profile", "bedrock", "--region", "us-west-2",
                "--model", SONNET_US);
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("each of whom needs it"), r.err);
        Run user = home.run("init", "--yes", "--profile", "bedrock", "--region", "us-west-2", "--model", SONNET_US);
        assertEquals(2, user.exit, "for the user's own settings the profile must exist");
    }

    @Test
    void doctorRunFromTheHomeDirectoryCountsTheUserFileOnce() throws Exception {
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", "
                + "\"AWS_BEARER_TOKEN_BEDROCK\": \"ABSKQmVkcm9ja0FQSUtleS1FWEFNUExF0123456789\"}}");
        Run r = home.run("doctor", "--offline", "--all", "--project-dir", dir.toString());
        assertTrue(r.out.matches("(?s).*CLAUDE_CODE_USE_BEDROCK +=  ?\"1\"  user settings.*"), r.out);
        assertFalse(r.out.contains("project settings"), r.out);
        assertFalse(r.out.contains("chars) chars)"), "masked once: " + r.out);
        assertFalse((r.out + r.err).contains("QmVkcm9ja0FQSUtleS1FWEFNUExF"), r.toString());
    }

    @Test
    void completionScriptForBash() {
        Run r = home.run("completion", "bash");
        assertEquals(0, r.exit);
        assertTrue(r.out.contains("complete -F"), r.out.substring(0, Math.min(200, r.out.length())));
        assertTrue(r.out.contains("export-credentials"));
    }

    private static String[] concat(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static String[] concat(String[] rest, String last) {
        String[] out = java.util.Arrays.copyOf(rest, rest.length + 1);
        out[rest.length] = last;
        return out;
    }

    @Test
    void teamProfilesNeedsItsTagAndTeamAloneNamesTheSubcommand() {
        Run team = home.run("team");
        assertOneLineErrorWithFix(team, 2);
        assertTrue(team.err.contains("team profiles --tag"), team.err);
        Run noTag = home.run("team", "profiles");
        assertEquals(2, noTag.exit, noTag.toString());
        assertTrue(noTag.err.contains("--tag"), noTag.err);
        Run help = home.run("team", "profiles", "--help");
        assertEquals(0, help.exit, help.toString());
        assertTrue(help.out.contains("--per-user") && help.out.contains("--dry-run"), help.out);
    }
}
