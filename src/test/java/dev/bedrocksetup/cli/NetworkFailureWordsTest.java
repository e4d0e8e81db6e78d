package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.Settings;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome.Run;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 20, item 13: a call that never reaches AWS reads as one sentence naming the host and the cause, with the fix
 * once, not the SDK's four lines ("Received an UnknownHostException when attempting to interact with a service. See
 * cause for …") once per model. Real failures: a host under .invalid (which never resolves, RFC 6761) and a port
 * nothing listens on.
 */
class NetworkFailureWordsTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    static final List<String> SDK_WORDS = List.of("Received an", "See cause", "Exception", "SDK Attempt Count",
            "Unable to execute HTTP request");

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @BeforeEach
    void setUp() throws Exception {
        aws.stand().staticKeysProfile("dev", "dev", "us-east-1");
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("AWS_PROFILE", "dev").env("ANTHROPIC_MODEL", SONNET).env("ANTHROPIC_DEFAULT_HAIKU_MODEL", HAIKU)
                .json());
    }

    static void assertNoSdkWords(Run r) {
        for (String words : SDK_WORDS) {
            assertFalse((r.out + r.err).contains(words), "no SDK text (" + words + "): " + r);
        }
    }

    static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aHostThatDoesNotResolveIsNamedOnceForEveryModel() {
        aws.home().vars.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://bedrock-runtime.invalid");
        Run doctor = aws.home().run("doctor");
        assertEquals(1, doctor.exit, doctor.toString());
        assertNoSdkWords(doctor);
        String models = doctor.out.lines().filter(l -> l.contains("FAIL bedrock.models")).findFirst().orElseThrow();
        assertTrue(models.contains(SONNET + ", " + HAIKU + ": cannot reach Bedrock in us-east-1: "
                + "bedrock-runtime.invalid does not resolve (DNS)"), "one sentence for both models: " + models);
        assertEquals(1, count(doctor.out, "check your network, proxy (HTTPS_PROXY) and any AWS_ENDPOINT_URL*"),
                "the fix once: " + doctor.out);

        Run init = aws.home().run("init", "--yes", "--profile", "dev", "--region", "us-east-1", "--model", SONNET,
                "--haiku-model", HAIKU);
        assertEquals(4, init.exit, init.toString());
        assertNoSdkWords(init);
        assertEquals(1, count(init.err, "bedrock-runtime.invalid does not resolve (DNS)"), "once: " + init.err);
        assertEquals(1, count(init.err, "fix: check your network"), "the fix once: " + init.err);
    }

    @Test
    void aRefusedPortAndAnUnresolvableStsAreNamed() throws Exception {
        int port = closedPort();
        aws.home().vars.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:" + port);
        aws.home().vars.put("AWS_ENDPOINT_URL_STS", "http://sts.invalid");
        Run doctor = aws.home().run("doctor");
        assertEquals(1, doctor.exit, doctor.toString());
        assertNoSdkWords(doctor);
        assertTrue(doctor.out.contains(SONNET + ", " + HAIKU + ": cannot reach Bedrock in us-east-1: 127.0.0.1:" + port
                + " refused the connection"), doctor.out);
        assertTrue(doctor.out.contains("cannot reach STS in us-east-1: sts.invalid does not resolve (DNS)"),
                doctor.out);

        Run models = aws.home().run("policy", "--profile", "dev", "--region", "us-east-1");
        assertNoSdkWords(models);
        assertTrue(models.err.contains("sts.invalid does not resolve (DNS)"), models.toString());
    }
}
