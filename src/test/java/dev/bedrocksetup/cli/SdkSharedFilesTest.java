package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK reads the process's own ~/.aws/config at every client build (its global defaults), whatever profile
 * file bedrock-setup gives the client. A config it cannot parse made every AWS command fail with the wrong words:
 * "cannot reach Bedrock in us-east-1: java.lang.IllegalArgumentException: …" and a fix about the network, or an
 * "unexpected error" (init --demo). It is now one line naming the file and its line, exit 3. A child JVM, since the
 * SDK reads the real process environment, not the injected one.
 */
class SdkSharedFilesTest {
    @Test
    void aConfigTheSdkCannotParseIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile broken\nregion = us-east-1\n");
        Path log = dir.resolve("out.log");
        Process p = ChildJvm.start(log, List.of(), Map.of("HOME", dir.toString(), "AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString(),
                "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9"), dev.bedrocksetup.Main.class,
                "models", "--region", "us-east-1");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "models ended");
        String out = Files.readString(log);
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.contains(config + " cannot be read by the AWS SDK") && out.contains("line 1"), out);
        assertFalse(out.contains("cannot reach") || out.contains("unexpected error") || out.contains("Exception"), out);
        assertFalse(out.contains("wJalrXUtnFEMI"), out);
        assertEquals("[profile broken\nregion = us-east-1\n", Files.readString(config), "left untouched");
    }
}
