package dev.bedrocksetup.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.cli.StartupTraining;
import dev.bedrocksetup.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher's start-up aids rest on: the class-data-sharing training run really drives the commands that call
 * AWS (so the archive holds the SDK classes they load), and the warm-up thread starts only for those commands.
 */
class StartupTrainingTest {
    @TempDir
    Path dir;

    @Test
    void theTrainingRunLoadsTheClassesOfEachAwsCall() throws Exception {
        Path classList = dir.resolve("online.classlist");
        Process p = ChildJvm.start(dir.resolve("training.log"), List.of("-XX:DumpLoadedClassList=" + classList),
                StartupTraining.class, dir.resolve("work").toString());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the training run did not finish in 2 minutes");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("training.log")));
        String classes = Files.readString(classList);
        for (String name : List.of(
                // STS answered (identity, clock): the response was read, not just the client made
                "software/amazon/awssdk/services/sts/model/GetCallerIdentityResponse",
                // the control plane: listing and one profile
                "software/amazon/awssdk/services/bedrock/model/ListInferenceProfilesResponse",
                "software/amazon/awssdk/services/bedrock/model/GetInferenceProfileResponse",
                // the streaming probe got its events back
                "software/amazon/awssdk/services/bedrockruntime/model/PayloadPart",
                "dev/bedrocksetup/doctor/OnlineChecks",
                "dev/bedrocksetup/cli/ExportCredentialsCommand",
                // the device-code login's token, and the offline commands' help and checks
                "software/amazon/awssdk/services/ssooidc/model/CreateTokenResponse",
                "dev/bedrocksetup/cli/RootHelp",
                "dev/bedrocksetup/doctor/EnvironmentChecks",
                // what a user's ~/.aws makes every SDK client build load (the SDK's own reading of the shared files)
                "software/amazon/awssdk/profiles/internal/ProfileFileRefresher",
                // doctor as Main runs it: the early start and the warm-up thread
                "dev/bedrocksetup/cli/DoctorEarlyStart",
                "dev/bedrocksetup/aws/Warmup")) {
            assertTrue(classes.contains(name + "\n") || classes.contains(name + " "), name + " was not loaded");
        }
        // its home is the directory it was given: the login cached its token there, init wrote the settings
        String sessionKey = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest("training".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(Files.exists(dir.resolve("work/home/.aws/sso/cache/" + sessionKey + ".json")),
                "the device-code login cached the SSO session's token");
        assertTrue(Files.readString(dir.resolve("work/home/.claude/settings.json"))
                .contains("\"AWS_PROFILE\": \"standin\""));
    }

    @Test
    void theWarmUpStartsOnlyForCommandsThatCallAws() {
        for (String command : List.of("doctor", "verify", "models --all-regions", "export-credentials --profile p",
                "policy", "login", "init --yes", "setup --yes --profile p")) {
            assertTrue(Warmup.callsAws(command.split(" ")), command);
        }
        // the wizard (init without --yes) starts it itself, once its first question is on screen
        for (String command : List.of("doctor --offline", "reset", "completion bash", "--version", "--help",
                "doctor --help", "init --demo", "models -h", "init", "setup", "init --profile p", "")) {
            assertFalse(Warmup.callsAws(command.isEmpty() ? new String[0] : command.split(" ")), command);
        }
    }
}
