package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.cli.WizardHook;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Enter an access key (IAM user)" with scripted answers, through `bedrock-setup init` against the stand-in: the keys
 * are checked with STS before anything is written, a wrong one is said and asked again, the files hold what
 * `aws configure` would write, the secret is shown nowhere, and reset takes it all back.
 */
class AccessKeyWizardTest {
    static final String CONFIG = "# mine\n[profile dev]\nregion = eu-west-1\n";
    static final String SETTINGS = "{\n  \"theme\": \"dark\"\n}\n";

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
        home.write(".claude/settings.json", SETTINGS);
        keys = stand.scenario.issueUserKeys(StandInHome.ACCOUNT, "dev");
    }

    @AfterEach
    void tearDown() {
        WizardHook.use(null);
        stand.close();
    }

    private Run wizard(ScriptedPrompter p) {
        WizardHook.use(p);
        return home.run("init");
    }

    @Test
    void keysAreCheckedWrittenOwnerOnlyUsedThroughTheProfileAndTakenBack() throws Exception {
        String wrongSecret = keys.secretAccessKey().substring(1) + "x";
        ScriptedPrompter p = new ScriptedPrompter(AccessKeyProfile.CHOICE, "dev", "", "AKIA-not-a-key",
                keys.accessKeyId(), wrongSecret, keys.accessKeyId(), keys.secretAccessKey(), "us-west-2",
                "us.anthropic.claude-sonnet-4-5", Review.PROCEED);
        Run r = wizard(p);
        String said = String.join("\n", p.transcript);
        assertEquals(0, r.exit, r + "\n" + said);
        assertTrue(p.finished(), said);
        assertTrue(said.contains("IAM Identity Center is the better choice"), said);
        assertTrue(said.contains("! profile 'dev' already exists in " + dir.resolve(".aws/config")), said);
        assertTrue(said.contains("? Profile name -> \n"), "the default is a free name: " + said);
        assertTrue(said.contains("! an access key ID is 20 capitals and digits starting with AKIA"), said);
        assertTrue(said.contains("! the secret access key does not belong to " + keys.accessKeyId().substring(0, 8)
                + "************ (SignatureDoesNotMatch)"), said);
        assertTrue(said.contains("✔ Identity: account 111122223333, user/dev"), said);
        assertFalse(said.contains(CredentialsStep.QUESTION) || said.contains(RefreshStep.QUESTION),
                "static keys: AWS_PROFILE, no export mode, no awsAuthRefresh: " + said);

        List<LoggedRequest> checks = stand.requestLog().of(Operation.GET_CALLER_IDENTITY);
        assertEquals(List.of(403, 200), checks.stream().map(LoggedRequest::status).toList(), checks.toString());
        assertTrue(checks.stream().allMatch(c -> keys.accessKeyId().equals(c.accessKeyId())), checks.toString());

        Path credentials = dir.resolve(".aws/credentials");
        assertEquals("[bedrock]\naws_access_key_id = " + keys.accessKeyId() + "\naws_secret_access_key = "
                + keys.secretAccessKey() + "\n", Files.readString(credentials));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        assertEquals(CONFIG + "\n[profile bedrock]\nregion = us-west-2\n", home.read(".aws/config"));
        String settings = home.read(".claude/settings.json");
        assertTrue(settings.contains("\"AWS_PROFILE\": \"bedrock\""), settings);
        assertFalse(settings.contains("awsAuthRefresh") || settings.contains("awsCredentialExport"), settings);
        String masked = keys.secretAccessKey().substring(0, 4) + "…(40 chars)";
        assertTrue(said.contains("+aws_secret_access_key = " + masked),
                "the diff shows the secret masked: " + said);
        assertSecretNowhere(said + r.out + r.err);

        Run doctor = home.run("doctor");
        assertEquals(0, doctor.exit, "no false FAIL for what was written: " + doctor);
        assertFalse(doctor.out.contains("FAIL"), "no false FAIL for what was written: " + doctor);
        assertSecretNowhere(doctor.out + doctor.err);

        Run reset = home.run("reset", "--yes", "--remove-profile");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(CONFIG, home.read(".aws/config"));
        assertFalse(Files.exists(credentials), "bedrock-setup created it, so reset removes it");
        assertEquals(SETTINGS, home.read(".claude/settings.json"));
        assertSecretNowhere(reset.out + reset.err);
    }

    @Test
    void anUnknownKeyIsSaidInOneLineAndEscGoesBackToTheSecret() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter(AccessKeyProfile.CHOICE, "mine", "AKIAIOSFODNN7EXAMPLE",
                keys.secretAccessKey(), "<back>", keys.secretAccessKey(), "<back>", "<back>", keys.accessKeyId(),
                keys.secretAccessKey(), "us-west-2", "us.anthropic.claude-sonnet-4-5", Review.CANCEL);
        Run r = wizard(p);
        String said = String.join("\n", p.transcript);
        assertEquals(0, r.exit, r + "\n" + said);
        assertTrue(said.contains("! AWS does not know the access key ID AKIAIOSF************ (InvalidClientTokenId)"),
                said);
        assertTrue(p.finished(), said);
        assertFalse(Files.exists(dir.resolve(".aws/credentials")), "declined: nothing written");
        assertEquals(CONFIG, home.read(".aws/config"));
        assertSecretNowhere(said + r.out + r.err);
    }

    /** The secret is in ~/.aws/credentials and in no other file bedrock-setup keeps, nor in {@code shown}. */
    private void assertSecretNowhere(String shown) throws Exception {
        assertFalse(shown.contains(keys.secretAccessKey()), "secret shown: " + shown);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                boolean allowed = f.equals(dir.resolve(".aws/credentials"))
                        || f.toString().contains("/.bedrock-setup/backups/"); // owner-only copies, for undo
                if (!allowed) {
                    assertFalse(Files.readString(f).contains(keys.secretAccessKey()), "secret written to " + f);
                }
            }
        }
    }
}
