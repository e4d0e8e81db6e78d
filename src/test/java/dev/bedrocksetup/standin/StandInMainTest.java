package dev.bedrocksetup.standin;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.core.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandInMainTest {
    @Test
    void printsTheVariablesToUseAndWritesAWorkingProfileWithoutPrintingSecrets(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path profileDir = dir.resolve("aws");
        try (StandInServer server = StandInMain.start(new String[] {"--region", "eu-west-1", "--profile-dir",
                profileDir.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String out = bytes.toString(StandardCharsets.UTF_8);
            String base = server.baseUri().toString();
            assertTrue(base.startsWith("http://127.0.0.1:"), base);
            assertTrue(out.contains("export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=" + base + "\n"), out);
            assertTrue(out.contains("export ANTHROPIC_BEDROCK_BASE_URL=" + base + "\n"), out);
            assertTrue(out.contains("export AWS_PROFILE=standin\n"), out);

            String credentials = Files.readString(profileDir.resolve("credentials"));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(profileDir.resolve("credentials"))));
            for (String line : credentials.split("\n")) {
                if (line.contains(" = ")) {
                    assertFalse(out.contains(line.substring(line.indexOf(" = ") + 3)), "secret printed: " + line);
                }
            }
            String apiKey = Files.readString(profileDir.resolve("bedrock-api-key")).trim();
            assertFalse(out.contains(apiKey));
            List<String> userKeys = Files.readAllLines(profileDir.resolve("iam-user-keys"));
            assertTrue(userKeys.get(0).startsWith("AKIA"), "an IAM user's key ID: " + userKeys.get(0));
            assertFalse(out.contains(userKeys.get(1)), "the user's secret is not printed");
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(profileDir.resolve("iam-user-keys"))));

            // The written profile is what a user would export; the SDK's own profile parser reads it.
            ProfileFile files = ProfileFile.aggregator()
                    .addFile(ProfileFile.builder().content(profileDir.resolve("config"))
                            .type(ProfileFile.Type.CONFIGURATION).build())
                    .addFile(ProfileFile.builder().content(profileDir.resolve("credentials"))
                            .type(ProfileFile.Type.CREDENTIALS).build())
                    .build();
            Environment env = Environment.forTest(dir, Map.of("AWS_ENDPOINT_URL", base));
            try (AwsClients clients = AwsClients.builder(env).region("eu-west-1").profileFile(files, "standin")
                    .credentials(ProfileCredentialsProvider.builder().profileFile(files).profileName("standin")
                            .build()).build()) {
                assertEquals("111122223333", clients.sts().getCallerIdentity().account());
            }
            LoggedRequest logged = server.requestLog().all().get(0);
            assertFalse(logged.toString().contains(logged.accessKeyId()), "the log line masks the key");
        }
    }

    @Test
    void latencyOptionDelaysEveryAnswer(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path profileDir = dir.resolve("aws");
        try (StandInServer server = StandInMain.start(new String[] {"--latency-ms", "400", "--profile-dir",
                profileDir.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            ProfileFile files = ProfileFile.builder().content(profileDir.resolve("credentials"))
                    .type(ProfileFile.Type.CREDENTIALS).build();
            Environment env = Environment.forTest(dir, Map.of("AWS_ENDPOINT_URL", server.baseUri().toString()));
            try (AwsClients clients = AwsClients.builder(env).region("us-east-1")
                    .credentials(ProfileCredentialsProvider.builder().profileFile(files).profileName("standin")
                            .build()).build()) {
                clients.sts().getCallerIdentity();
                long start = System.nanoTime();
                clients.sts().getCallerIdentity();
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis >= 400, "answered after " + millis + " ms");
            }
        }
    }
}
