package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.ChangeApplier;
import dev.bedrocksetup.testing.Examples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end through fs/: plan, diff, atomic write, journal entry of kind aws-config, and undo. */
class AwsConfigServiceTest {
    private static final SsoProfileRequest REQUEST = new SsoProfileRequest("bedrock", "my-sso",
            Examples.START_URL, "us-east-1", Examples.ACCOUNT, "BedrockUser", "us-west-2");

    private static AwsConfigService service(Path home, Map<String, String> vars) {
        Environment env = Environment.forTest(home, vars);
        ChangeApplier applier = new ChangeApplier(env.stateDirectory(), new AtomicFileWriter(), Clock.systemUTC(),
                ChangeApplier.DEFAULT_LOCK_WAIT);
        return new AwsConfigService(env, applier);
    }

    @Test
    void createsANewConfigOwnerOnlyAndResetDeletesItAgain(@TempDir Path home) throws IOException {
        AwsConfigService svc = service(home, Map.of());
        AwsConfigEdit edit = svc.createSsoProfile(REQUEST, false);
        Path config = home.resolve(".aws/config");
        assertEquals("[sso-session my-sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"
                + "sso_registration_scopes = sso:account:access\n\n[profile bedrock]\nsso_session = my-sso\n"
                + "sso_account_id = 111122223333\nsso_role_name = BedrockUser\nregion = us-west-2\n",
                Files.readString(config));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertTrue(edit.change().diff().contains("+[profile bedrock]"));
        String journal = Files.readString(home.resolve(".bedrock-setup/journal.json"));
        assertTrue(journal.contains("\"kind\": \"aws-config\""), journal);
        assertEquals(ProfileKind.SSO_SESSION, svc.listProfiles().get(0).kind());

        List<AwsConfigReset.Result> undone = svc.reset(e -> true, false);
        assertEquals(1, undone.size());
        assertFalse(Files.exists(config));
        assertFalse(Files.readString(home.resolve(".bedrock-setup/journal.json")).contains("aws-config"));
    }

    @Test
    void migrationIsUndoneByteForByte(@TempDir Path home) throws IOException {
        Path config = home.resolve(".aws/config");
        Files.createDirectories(config.getParent());
        String original = "; mine\r\n[profile legacy]\r\nsso_start_url = https://example.awsapps.com/start\r\n"
                + "sso_region = us-east-1\r\nsso_account_id = 111122223333\r\nsso_role_name = ReadOnly\r\n"
                + "output = json";
        Files.write(config, original.getBytes(StandardCharsets.UTF_8));
        AwsConfigService svc = service(home, Map.of());
        AwsConfigEdit edit = svc.migrateLegacyProfile("legacy", "corp", false);
        String migrated = Files.readString(config);
        assertTrue(migrated.contains("[profile legacy]\r\nsso_session = corp\r\nsso_account_id"), migrated);
        assertTrue(migrated.endsWith("[sso-session corp]\r\nsso_start_url = https://example.awsapps.com/start\r\n"
                + "sso_region = us-east-1\r\nsso_registration_scopes = sso:account:access\r\n"), migrated);
        assertTrue(edit.notes().stream().anyMatch(n -> n.contains("log in once more")));
        svc.reset(AwsConfigReset.forProfile("legacy"), false);
        assertEquals(original, Files.readString(config));
    }

    @Test
    void dryRunWritesNothing(@TempDir Path home) {
        AwsConfigService svc = service(home, Map.of());
        AwsConfigEdit edit = svc.createSsoProfile(REQUEST, true);
        assertTrue(edit.changesAnything());
        assertFalse(Files.exists(home.resolve(".aws/config")));
        assertFalse(Files.exists(home.resolve(".bedrock-setup/journal.json")));
    }

    @Test
    void refusesAFileTheCliCannotReadAndLeavesItAlone(@TempDir Path home) throws IOException {
        Path config = home.resolve(".aws/config");
        Files.createDirectories(config.getParent());
        String broken = "[default]\nregion = us-east-1\n[default]\noutput = json\n";
        Files.writeString(config, broken);
        BedrockSetupException e = assertThrows(BedrockSetupException.class,
                () -> service(home, Map.of()).createSsoProfile(REQUEST, false));
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains(config + " line 3"), e.getMessage());
        assertEquals(broken, Files.readString(config));
    }

    @Test
    void honoursTheFileVariablesLikeTheSdks(@TempDir Path home) {
        AwsFileLocations loc = new AwsFileLocations(Environment.forTest(home,
                Map.of("AWS_CONFIG_FILE", "~/elsewhere/cfg", "AWS_SHARED_CREDENTIALS_FILE", "/etc/aws/creds")));
        assertEquals(home.resolve("elsewhere/cfg"), loc.configFile());
        assertEquals(Path.of("/etc/aws/creds"), loc.credentialsFile());
        AwsFileLocations plain = new AwsFileLocations(Environment.forTest(home, Map.of()));
        assertEquals(home.resolve(".aws/config"), plain.configFile());
        assertEquals(home.resolve(".aws/credentials"), plain.credentialsFile());
    }

    @Test
    void warnsAboutStaticKeysThatShadowTheSsoProfile(@TempDir Path home) throws IOException {
        Path creds = home.resolve(".aws/credentials");
        Files.createDirectories(creds.getParent());
        Files.writeString(creds, "[bedrock]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        AwsConfigService svc = service(home, Map.of());
        AwsConfigEdit edit = svc.createSsoProfile(REQUEST, false);
        assertTrue(edit.notes().stream().anyMatch(n -> n.contains("holds static keys for [bedrock]")), edit.notes()
                .toString());
        ProfileSummary s = svc.listProfiles().get(0);
        assertEquals(ProfileState.WARNING, s.state());
        assertTrue(s.problems().stream().anyMatch(p -> p.contains("Claude Code")));
        for (String n : edit.notes()) {
            assertFalse(n.contains("wJalr"));
        }
    }
}
