package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `init --yes --access-key-id … --secret-access-key-stdin`: the secret comes from stdin only, is checked with STS
 * before anything is written, and no option takes it from the command line.
 */
class AccessKeyInitTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String CONFIG = "[profile dev]\nregion = eu-west-1\n";

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;
    IssuedCredentials keys;

    @BeforeEach
    void setUp() throws Exception {
        stand = new StandInHome(dir);
        home = stand.home;
        home.write(".aws/config", CONFIG);
        keys = stand.scenario.issueUserKeys(StandInHome.ACCOUNT, "ci");
    }

    @AfterEach
    void tearDown() {
        stand.close();
    }

    private Run init(String stdin, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("init", "--yes", "--profile", "ci", "--access-key-id",
                keys.accessKeyId(), "--secret-access-key-stdin", "--region", "us-west-2", "--model", SONNET));
        args.addAll(List.of(more));
        return home.runWithInput(stdin, args.toArray(String[]::new));
    }

    @Test
    void theSecretFromStdinIsCheckedWrittenAndTakenBackByReset() throws Exception {
        Run r = init(keys.secretAccessKey() + "\n");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("Identity: account 111122223333, user/ci"), r.err);
        assertTrue(r.err.contains("Undo it:   bedrock-setup reset --remove-profile"), r.err);
        LoggedRequest check = stand.requestLog().of(Operation.GET_CALLER_IDENTITY).get(0);
        assertEquals(keys.accessKeyId(), check.accessKeyId());
        assertEquals(200, check.status());
        Path credentials = dir.resolve(".aws/credentials");
        assertEquals("[ci]\naws_access_key_id = " + keys.accessKeyId() + "\naws_secret_access_key = "
                + keys.secretAccessKey() + "\n", Files.readString(credentials));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        assertEquals(CONFIG + "\n[profile ci]\nregion = us-west-2\n", home.read(".aws/config"));
        assertTrue(home.read(".claude/settings.json").contains("\"AWS_PROFILE\": \"ci\""));
        assertFalse(r.out.contains(keys.secretAccessKey()) || r.err.contains(keys.secretAccessKey()), r.toString());
        assertFalse(Files.readString(home.env().stateDirectory().resolve("journal.json"))
                .contains(keys.secretAccessKey()), "the journal holds no secret");

        Run keepsProfile = home.run("reset", "--yes");
        assertEquals(0, keepsProfile.exit, keepsProfile.toString());
        assertTrue(Files.exists(credentials), "a created profile goes only with --remove-profile, as an SSO one");
        assertEquals(CONFIG + "\n[profile ci]\nregion = us-west-2\n", home.read(".aws/config"));
        Run reset = home.run("reset", "--yes", "--remove-profile");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(CONFIG, home.read(".aws/config"));
        assertFalse(Files.exists(credentials));
    }

    @Test
    void aDryRunShowsBothFilesWithTheSecretMaskedAndWritesNothing() throws Exception {
        Run r = init(keys.secretAccessKey() + "\n", "--dry-run");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("+aws_secret_access_key = " + keys.secretAccessKey().substring(0, 4)
                + "…(40 chars)"), r.out);
        assertTrue(r.out.contains("+[profile ci]"), r.out);
        assertFalse(r.out.contains(keys.secretAccessKey()) || r.err.contains(keys.secretAccessKey()), r.toString());
        assertFalse(Files.exists(dir.resolve(".aws/credentials")));
        assertEquals(CONFIG, home.read(".aws/config"));
    }

    @Test
    void aWrongSecretIsRefusedByStsAndNothingIsWritten() throws Exception {
        String wrong = keys.secretAccessKey().substring(1) + "x";
        Run r = init(wrong + "\n");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("(SignatureDoesNotMatch)"), r.err);
        assertFalse(r.err.contains(wrong), r.err);
        assertFalse(Files.exists(dir.resolve(".aws/credentials")));
        assertEquals(CONFIG, home.read(".aws/config"));
    }

    @Test
    void whenTheModelDoesNotAnswerTheKeysWrittenAreTakenBack() throws Exception {
        stand.scenario.grantOnly(StandInHome.ACCOUNT, "us-west-2", "anthropic.claude-haiku-4-5-20251001-v1:0");
        Run r = init(keys.secretAccessKey() + "\n");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("was rolled back, so nothing was changed"), r.err);
        assertFalse(Files.exists(dir.resolve(".aws/credentials")), "a re-run can use the same profile name");
        assertEquals(CONFIG, home.read(".aws/config"));
    }

    @Test
    void emptyStdinIsExit2WithTheFix() throws Exception {
        Run r = init("");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("--secret-access-key-stdin read no secret") && r.err.contains("printf"), r.err);
        assertFalse(Files.exists(dir.resolve(".aws/credentials")));
        assertTrue(stand.requestLog().all().isEmpty(), "nothing was asked of AWS: " + stand.requestLog());
    }

    @Test
    void noOptionTakesTheSecretFromTheCommandLine() throws Exception {
        for (List<String> secretOnArgv : List.of(List.of("--secret-access-key", keys.secretAccessKey()),
                List.of("--secret-access-key=" + keys.secretAccessKey()))) {
            List<String> args = new java.util.ArrayList<>(List.of("init", "--yes", "--profile", "ci",
                    "--access-key-id", keys.accessKeyId(), "--region", "us-west-2", "--model", SONNET));
            args.addAll(secretOnArgv);
            Run r = home.run(args.toArray(String[]::new));
            assertEquals(2, r.exit, r.toString());
            assertTrue(r.err.contains("--secret-access-key-stdin"), r.err);
            assertTrue(r.err.strip().lines().count() <= 2, "one line and its fix: " + r.err);
            assertFalse(r.out.contains(keys.secretAccessKey()) || r.err.contains(keys.secretAccessKey()), r.toString());
        }
        for (String unknown : List.of("--aws-secret-access-key", "--secret")) {
            // an option that does not exist: its name is said, never the value typed after it
            Run r = home.run("init", "--yes", "--profile", "ci", unknown, keys.secretAccessKey());
            assertEquals(2, r.exit, r.toString());
            assertTrue(r.err.contains(unknown), r.err);
            assertFalse(r.out.contains(keys.secretAccessKey()) || r.err.contains(keys.secretAccessKey()), r.toString());
        }
        assertFalse(Files.exists(dir.resolve(".aws/credentials")));
        assertFalse(home.run("init", "--help").out.contains("--secret-access-key "), "the refused option is hidden");
    }

    @Test
    void aPresetCarriesNoKeys() throws Exception {
        Path preset = home.write("team.json", "{\"secret-access-key\": \"" + keys.secretAccessKey() + "\"}");
        Run r = home.run("init", "--yes", "--preset", preset.toString(), "--region", "us-west-2", "--model", SONNET);
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("unknown key \"secret-access-key\""), r.err);
        assertFalse(r.err.contains(keys.secretAccessKey()), r.err);
        home.write("team.json", "{\"access-key-id\": \"" + keys.accessKeyId() + "\"}");
        assertEquals(2, home.run("init", "--yes", "--preset", preset.toString()).exit);
    }

    @Test
    void usageMistakesAreExit2BeforeAnythingIsAsked() throws Exception {
        Run noKeyId = home.runWithInput(keys.secretAccessKey() + "\n", "init", "--yes", "--profile", "ci",
                "--secret-access-key-stdin", "--region", "us-west-2", "--model", SONNET);
        assertEquals(2, noKeyId.exit, noKeyId.toString());
        assertTrue(noKeyId.err.contains("--access-key-id"), noKeyId.err);
        home.write(".aws/credentials", "[ci]\naws_access_key_id = AKIAOTHER00000000000\n");
        Run taken = init(keys.secretAccessKey() + "\n");
        assertEquals(2, taken.exit, taken.toString());
        assertTrue(taken.err.contains("profile 'ci' already exists"), taken.err);
        Run asia = home.runWithInput(keys.secretAccessKey() + "\n", "init", "--yes", "--profile", "new",
                "--access-key-id", "ASIAIOSFODNN7EXAMPLE", "--secret-access-key-stdin", "--region", "us-west-2",
                "--model", SONNET);
        assertEquals(2, asia.exit, asia.toString());
        assertTrue(asia.err.contains("session token"), asia.err);
        Run export = init(keys.secretAccessKey() + "\n", "--credentials", "export");
        assertEquals(2, export.exit, export.toString());
        assertTrue(export.err.contains("awsCredentialExport"), export.err);
        assertTrue(stand.requestLog().all().isEmpty(), "nothing was asked of AWS: " + stand.requestLog());
    }
}
