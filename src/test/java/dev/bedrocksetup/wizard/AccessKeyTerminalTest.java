package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import dev.bedrocksetup.testing.TmuxTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access-key path in a real terminal against the stand-in: the secret typed is shown as stars and nowhere else
 * (screen, journal, backups listing), STS is asked with the typed key before anything is written, the credentials file
 * ends owner-only with the keys, and reset --remove-profile gives both files back byte for byte.
 */
class AccessKeyTerminalTest {
    static final String SETTINGS = "{\n  \"theme\": \"dark\"\n}\n";
    static final String CONFIG = "# mine\n[profile dev]\nregion = eu-west-1\n";
    /** Someone's earlier keys, in a file readable by others: it is tightened, and given back as it was. */
    static final String CREDENTIALS = "# old\n[legacy]\naws_access_key_id = AKIAOLDOLDOLDOLDOLD0\n"
            + "aws_secret_access_key = oldSecretOldSecretOldSecretOldSecretOld0";

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;
    TmuxTerminal terminal;

    @BeforeEach
    void setUp() throws Exception {
        stand = new StandInHome(dir);
        home = stand.home;
        home.write(".claude/settings.json", SETTINGS);
        home.write(".aws/config", CONFIG);
        Path credentials = home.write(".aws/credentials", CREDENTIALS);
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        terminal = new TmuxTerminal(dir);
    }

    @AfterEach
    void tearDown() {
        terminal.close();
        stand.close();
    }

    @Test
    void typedKeysAreCheckedWrittenOwnerOnlyShownNowhereAndTakenBack() throws Exception {
        IssuedCredentials keys = stand.scenario.issueUserKeys(StandInHome.ACCOUNT, "dev");
        String secret = keys.secretAccessKey();
        java.util.Map<String, String> env = TerminalWizardTest.home(dir, stand);
        env.put("LANG", "C.UTF-8");
        terminal.start(120, 40, env, "init");
        terminal.await("Which AWS profile should Claude Code use?");
        terminal.type("access key");
        String s = terminal.await("❯ Enter an access key (IAM user)");
        terminal.keys("Enter");
        s = terminal.await("Profile name");
        assertTrue(s.contains("IAM Identity Center is the better choice"), s);
        terminal.keys("Enter");
        terminal.await("Access key ID");
        terminal.type(keys.accessKeyId());
        terminal.keys("Enter");
        terminal.await("Secret access key");
        terminal.type(secret);
        s = terminal.await("*".repeat(40));
        assertFalse(s.contains(secret), "the secret is shown as stars while typed: " + s);
        assertTrue(stand.requestLog().of(Operation.GET_CALLER_IDENTITY).isEmpty(), "nothing sent before Enter");
        terminal.keys("Enter");
        s = terminal.await("Which Bedrock region?");
        assertTrue(s.contains("✔ Identity: account 111122223333, user/dev"), s);
        assertEquals(CREDENTIALS, home.read(".aws/credentials"), "checked, but nothing written yet");
        terminal.type("us-west-2");
        terminal.keys("Enter");
        terminal.await("Primary model (ANTHROPIC_MODEL)?");
        terminal.keys("Enter");
        s = terminal.await("? " + Review.QUESTION);
        assertTrue(s.contains("+aws_secret_access_key = " + secret.substring(0, 4) + "…(40 chars)"), s);
        assertTrue(s.contains("+[profile bedrock]"), s);
        assertFalse(s.contains("awsAuthRefresh") || s.contains("How should Claude Code get its AWS credentials?"), s);
        terminal.keys("Enter"); // Proceed
        s = terminal.await("EXIT=");
        assertTrue(s.contains("EXIT=0"), s);
        assertTrue(s.contains("rw-r--r--"), "the wider mode is said before it is tightened: " + s);

        List<LoggedRequest> checks = stand.requestLog().of(Operation.GET_CALLER_IDENTITY);
        assertEquals(1, checks.size(), checks.toString());
        assertEquals(keys.accessKeyId(), checks.get(0).accessKeyId(), "signed with the key typed");
        Path credentials = dir.resolve(".aws/credentials");
        String written = Files.readString(credentials);
        assertTrue(written.startsWith(CREDENTIALS + "\n"), written);
        assertTrue(written.endsWith("[bedrock]\naws_access_key_id = " + keys.accessKeyId()
                + "\naws_secret_access_key = " + secret + "\n"), written);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        assertEquals(CONFIG + "\n[profile bedrock]\nregion = us-west-2\n", home.read(".aws/config"));

        Run reset = home.run("reset", "--yes", "--remove-profile");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(CREDENTIALS, home.read(".aws/credentials"), "byte for byte");
        assertEquals(CONFIG, home.read(".aws/config"), "byte for byte");
        assertEquals(SETTINGS, home.read(".claude/settings.json"));

        String journal = Files.readString(home.env().stateDirectory().resolve("journal.json"));
        String backups;
        try (Stream<Path> files = Files.walk(home.env().stateDirectory().resolve("backups"))) {
            backups = files.map(Path::toString).collect(Collectors.joining("\n"));
        }
        for (String shown : List.of(terminal.screen(), reset.out, reset.err, journal, backups)) {
            assertFalse(shown.contains(secret), "the secret shown: " + shown);
        }
    }
}
