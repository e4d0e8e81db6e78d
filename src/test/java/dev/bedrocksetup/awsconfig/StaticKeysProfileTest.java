package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.ChangeApplier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile with an IAM user's keys through the engine: both files in one change, the credentials file owner-only,
 * the secret masked in the diff and absent from the journal, and the undo byte-identical for both files.
 */
class StaticKeysProfileTest {
    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final StaticKeysRequest REQUEST = new StaticKeysRequest("bedrock", KEY_ID, SECRET, "us-west-2");
    static final String CONFIG = "# mine\n[profile dev]\nregion = eu-west-1\n";
    static final String CREDENTIALS = "[other]\naws_access_key_id = AKIAOTHER00000000000\n"
            + "aws_secret_access_key = otherSecretOtherSecretOtherSecretOther00\n";

    private static AwsConfigService service(Path home, Map<String, String> vars) {
        Environment env = Environment.forTest(home, vars);
        return new AwsConfigService(env, new ChangeApplier(env.stateDirectory(), new AtomicFileWriter(),
                Clock.systemUTC(), ChangeApplier.DEFAULT_LOCK_WAIT));
    }

    @Test
    void writesBothFilesInOneChangeAndResetRemovesTheCreatedCredentialsFile(@TempDir Path home) throws Exception {
        Path config = Files.createDirectories(home.resolve(".aws")).resolve("config");
        Files.writeString(config, CONFIG);
        AwsConfigService svc = service(home, Map.of());
        List<AwsConfigEdit> edits = svc.createStaticKeysProfile(REQUEST, false);
        Path credentials = home.resolve(".aws/credentials");
        assertEquals("[bedrock]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET + "\n",
                Files.readString(credentials));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        assertEquals(CONFIG + "\n[profile bedrock]\nregion = us-west-2\n", Files.readString(config));
        String diff = edits.get(0).maskedDiff();
        assertTrue(diff.contains("+aws_secret_access_key = wJal…(40 chars)"), diff);
        assertFalse(diff.contains(SECRET) || diff.contains(KEY_ID), diff);
        String journal = Files.readString(home.resolve(".bedrock-setup/journal.json"));
        assertFalse(journal.contains(SECRET), "the journal keeps a fingerprint of the secret's line: " + journal);
        assertEquals(1, journal.split("\"command\"").length - 1, "one change set for both files: " + journal);
        assertEquals(ProfileKind.STATIC_KEYS, svc.listProfiles().stream().filter(p -> p.name().equals("bedrock"))
                .findFirst().orElseThrow().kind());

        svc.reset(AwsConfigReset.forProfile("bedrock"), false);
        assertEquals(CONFIG, Files.readString(config));
        assertFalse(Files.exists(credentials), "bedrock-setup created it: reset removes it, as it does ~/.aws/config");
    }

    @Test
    void anExistingCredentialsFileIsTightenedAndRestoredByteForByte(@TempDir Path home) throws Exception {
        Path credentials = home.resolve("keys/creds");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, CREDENTIALS.replace("\n", "\r\n").strip()); // CRLF, no final newline
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        AwsConfigService svc = service(home, Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString()));
        assertTrue(svc.credentialsModeNote().contains("rw-r--r--"), svc.credentialsModeNote());
        String before = Files.readString(credentials);
        svc.createStaticKeysProfile(REQUEST, false);
        assertTrue(Files.readString(credentials).startsWith(before), Files.readString(credentials));
        assertTrue(Files.readString(credentials).contains("[bedrock]"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        assertFalse(Files.exists(home.resolve(".aws/credentials")), "AWS_SHARED_CREDENTIALS_FILE is honoured");

        svc.reset(AwsConfigReset.forProfile("bedrock"), false);
        assertEquals(before, Files.readString(credentials));
        assertFalse(Files.exists(home.resolve(".aws/config")), "the config file it created is gone again");
    }

    @Test
    void anExistingProfileNameIsRefusedAndNothingIsWritten(@TempDir Path home) throws Exception {
        Path credentials = Files.createDirectories(home.resolve(".aws")).resolve("credentials");
        Files.writeString(credentials, CREDENTIALS);
        AwsConfigService svc = service(home, Map.of());
        BedrockSetupException e = assertThrows(BedrockSetupException.class, () -> svc.createStaticKeysProfile(
                new StaticKeysRequest("other", KEY_ID, SECRET, "us-west-2"), false));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("profile 'other' already exists in " + credentials), e.getMessage());
        assertEquals(CREDENTIALS, Files.readString(credentials));
        assertFalse(Files.exists(home.resolve(".aws/config")));
    }

    @Test
    void aSecretLineChangedSinceIsLeftAloneByReset(@TempDir Path home) throws Exception {
        AwsConfigService svc = service(home, Map.of());
        svc.createStaticKeysProfile(REQUEST, false);
        Path credentials = home.resolve(".aws/credentials");
        String rotated = Files.readString(credentials).replace(SECRET, SECRET.replace('w', 'v'));
        Files.writeString(credentials, rotated);
        List<AwsConfigReset.Result> results = svc.reset(AwsConfigReset.forProfile("bedrock"), false);
        String kept = Files.readString(credentials);
        assertTrue(kept.contains("aws_secret_access_key = " + SECRET.replace('w', 'v')), kept);
        assertTrue(results.stream().flatMap(r -> r.leftAlone().stream())
                .anyMatch(s -> s.contains("'aws_secret_access_key' was changed or removed since")), results.toString());
    }

    @Test
    void theRequestNeverShowsTheSecret() {
        assertFalse(REQUEST.toString().contains(SECRET), REQUEST.toString());
        assertEquals(null, AccessKeyInput.keyIdProblem(KEY_ID));
        assertTrue(AccessKeyInput.keyIdProblem("ASIAIOSFODNN7EXAMPLE").contains("session token"));
        assertTrue(AccessKeyInput.keyIdProblem("akia-lower").contains("starting with AKIA"));
        assertEquals(null, AccessKeyInput.secretProblem(SECRET));
        assertFalse(AccessKeyInput.secretProblem("short").contains("short"));
    }
}
