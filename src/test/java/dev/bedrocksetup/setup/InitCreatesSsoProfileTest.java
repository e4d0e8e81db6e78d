package dev.bedrocksetup.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `init` creates an IAM Identity Center profile natively: login, discovery, choice, journaled write, undo. */
class InitCreatesSsoProfileTest {
    static final String START = "https://example.awsapps.com/start";
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String EXISTING = "# my profiles\n[profile keys]\nregion = eu-west-1\n";

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;

    @BeforeEach
    void start() throws Exception {
        stand = new StandInHome(dir);
        home = stand.home;
        home.write(".aws/config", EXISTING);
        stand.browser();
    }

    @AfterEach
    void stop() {
        stand.close();
    }

    String[] init(String... more) {
        String[] base = {"init", "--yes", "--sso-start-url", START, "--sso-region", "us-east-1", "--region", "us-west-2",
            "--model", SONNET};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void logsInDiscoversTheOnlyAccountAndRoleAndWritesBothFiles() throws Exception {
        Run r = home.run(init());
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("Using the only account available: Sandbox, sandbox@example.com (111122223333)"),
                r.err);
        assertTrue(r.err.contains("Using the only role available: Dev"), r.err);
        String config = home.read(".aws/config");
        assertTrue(config.startsWith(EXISTING), "the user's lines stay first and untouched: " + config);
        assertTrue(config.contains("[sso-session example]\nsso_start_url = " + START + "\nsso_region = us-east-1\n"
                + "sso_registration_scopes = sso:account:access\n"), config);
        assertTrue(config.contains("[profile Dev-111122223333]\nsso_session = example\nsso_account_id = 111122223333\n"
                + "sso_role_name = Dev\nregion = us-west-2\n"), config);
        assertTrue(home.read(".claude/settings.json").contains("\"AWS_PROFILE\": \"Dev-111122223333\""));
        assertTrue(Files.exists(dir.resolve(".aws/sso/cache/" + TextFile.sha1Hex("example") + ".json")),
                "logged in under the new session's name: Claude Code finds the token");

        Run reset = home.run("reset", "--yes", "--remove-profile");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(EXISTING, home.read(".aws/config"), "the profile bedrock-setup created is gone, byte for byte");
        assertFalse(Files.exists(home.userSettings()));
    }

    @Test
    void anExistingSessionForThePortalIsReusedAndLoggedInUnderItsName() throws Exception {
        home.write(".aws/config", EXISTING + "\n[sso-session corp]\nsso_start_url = " + START + "\n"
                + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n");
        Run r = home.run(init("--profile", "dev"));
        assertEquals(0, r.exit, r.toString());
        assertTrue(home.read(".aws/config").contains("[profile dev]\nsso_session = corp\n"));
        assertTrue(Files.exists(dir.resolve(".aws/sso/cache/" + TextFile.sha1Hex("corp") + ".json")),
                "Claude Code looks for the token under the profile's session name");
        assertFalse(Files.exists(dir.resolve(".aws/sso/cache/" + TextFile.sha1Hex("example") + ".json")));
    }

    @Test
    void demoRunsEverythingInAThrowAwayHome() throws Exception {
        Run r = home.run("init", "--demo", "--yes");
        assertEquals(0, r.exit, r.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Demo files are in (\\S+) ").matcher(r.err);
        assertTrue(m.find(), r.err);
        Path demoHome = Path.of(m.group(1));
        assertTrue(Files.readString(demoHome.resolve(".aws/config")).contains("[profile BedrockUser-111122223333]"));
        assertTrue(Files.readString(demoHome.resolve(".claude/settings.json")).contains("\"CLAUDE_CODE_USE_BEDROCK\""));
        assertEquals(EXISTING, home.read(".aws/config"), "the real home is not touched");
        assertFalse(Files.exists(home.userSettings()));
        assertTrue(stand.requestLog().all().isEmpty(), "the demo talks to its own stand-in only");
    }

    @Test
    void aModelThatDoesNotAnswerStopsInitBeforeClaudeCodesSettingsAreWritten() throws Exception {
        stand.scenario.grantOnly("111122223333", "us-west-2", "anthropic.claude-haiku-4-5-20251001-v1:0");
        Run r = home.run(init());
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("Testing " + SONNET), r.err);
        assertTrue(r.err.contains("settings were not written"), r.err);
        assertFalse(Files.exists(home.userSettings()), "Claude Code is not pointed at a model that fails");

        Run skipped = home.run(init("--skip-probe"));
        assertEquals(0, skipped.exit, skipped.toString());
        assertTrue(Files.exists(home.userSettings()));
    }

    @Test
    void severalAccountsNeedAChoice() throws Exception {
        stand.scenario.addAccount("444455556666", "Alpha", "alpha@example.com", "Dev");
        Run r = home.run(init());
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("--account-id"), r.err);
        assertTrue(r.err.contains("Alpha, alpha@example.com (444455556666)"), r.err);
        assertEquals(EXISTING, home.read(".aws/config"), "nothing written");

        Run chosen = home.run(init("--account-id", "444455556666", "--profile", "alpha"));
        assertEquals(0, chosen.exit, chosen.toString());
        assertTrue(home.read(".aws/config").contains("[profile alpha]\nsso_session = example\n"
                + "sso_account_id = 444455556666\n"));
    }

    @Test
    void givenAccountAndRoleNeedNoNetwork() throws Exception {
        Run dry = home.run(init("--account-id", "111122223333", "--role-name", "Dev", "--profile", "dev", "--skip-login",
                "--dry-run"));
        assertEquals(0, dry.exit, dry.toString());
        assertTrue(dry.out.contains("+[profile dev]"), dry.out);
        assertTrue(dry.out.contains("+    \"AWS_PROFILE\": \"dev\","), dry.out);
        assertEquals(EXISTING, home.read(".aws/config"));

        Run r = home.run(init("--account-id", "111122223333", "--role-name", "Dev", "--profile", "dev",
                "--skip-login"));
        assertEquals(0, r.exit, r.toString());
        assertTrue(stand.requestLog().all().isEmpty(), "no call to AWS: " + stand.requestLog());
        assertTrue(home.read(".aws/config").contains("[profile dev]"));
    }

    @Test
    void plainResetUndoesAMigrationButKeepsCreatedProfiles() throws Exception {
        String legacy = EXISTING + "\n[profile old]\nsso_start_url = " + START + "\nsso_region = us-east-1\n"
                + "sso_account_id = 111122223333\nsso_role_name = Dev\n";
        home.write(".aws/config", legacy);
        assertEquals(0, home.run(init("--account-id", "111122223333", "--role-name", "Dev", "--profile", "dev",
                "--skip-login")).exit);
        String withCreated = home.read(".aws/config");
        new dev.bedrocksetup.awsconfig.AwsConfigService(home.env(), new dev.bedrocksetup.fs.ChangeApplier(
                home.env().stateDirectory(), new dev.bedrocksetup.fs.AtomicFileWriter(), home.env().clock(),
                java.time.Duration.ofSeconds(2))).migrateLegacyProfile("old", "old-sso", false);
        assertFalse(home.read(".aws/config").contains("[profile old]\nsso_start_url"), "migrated");
        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(withCreated, home.read(".aws/config"), "the migration is undone, the created profile stays");
        assertEquals(0, home.run("reset", "--yes", "--remove-profile").exit);
        assertEquals(legacy, home.read(".aws/config"));
    }

    @Test
    void badInputIsRefusedBeforeAnyNetworkCall() throws Exception {
        Run url = home.run("init", "--yes", "--sso-start-url", "http://example.com", "--sso-region", "us-east-1",
                "--region", "us-west-2", "--model", SONNET);
        assertEquals(2, url.exit, url.toString());
        Run account = home.run(init("--account-id", "12345"));
        assertEquals(2, account.exit, account.toString());
        assertTrue(stand.requestLog().of(Operation.REGISTER_CLIENT).isEmpty());
        Run missing = home.run("init", "--yes", "--profile", "nope", "--region", "us-west-2", "--model", SONNET);
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("there is no AWS profile 'nope'"), missing.err);
    }
}
