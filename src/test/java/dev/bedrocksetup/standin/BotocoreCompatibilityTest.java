package dev.bedrocksetup.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stand-in against a second, independent client: botocore, when python3 with botocore is installed (skipped
 * otherwise). Guards against the stand-in merely agreeing with the Java SDK's reading of SigV4 or the event stream.
 */
class BotocoreCompatibilityTest {
    @RegisterExtension
    final StandInFixture f = new StandInFixture();

    @Test
    void botocoreSignsStreamsAndReadsErrorsAgainstTheStandIn(@TempDir Path home) throws Exception {
        String python = dev.bedrocksetup.testing.ExternalTools.botocorePython();
        Path script = home.resolve("session.py");
        try (InputStream in = getClass().getResourceAsStream("botocore_session.py")) {
            Files.write(script, in.readAllBytes());
        }
        IssuedCredentials c = f.roleCredentials();
        f.scenario.replyText("Same answer for Python.");
        ProcessBuilder pb = new ProcessBuilder(python, script.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.putAll(f.environment().variables());
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("none").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString());
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", c.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", c.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", c.sessionToken());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "botocore finished");
        assertEquals(0, p.exitValue(), out);
        int profiles = InferenceProfileCatalog.systemProfiles("eu-west-1", StandInFixture.ACCOUNT).size();
        assertEquals(List.of("account 111122223333", "profiles " + profiles, "invoke Same answer for Python.",
                "stream Same answer for Python.", "error ValidationException The provided model identifier is invalid."),
                out.lines().toList());
        assertEquals((profiles + 3) / 4, f.server.requestLog().of(Operation.LIST_INFERENCE_PROFILES).size(),
                "pages of 4");
    }
}
