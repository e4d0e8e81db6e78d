package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.Settings;
import dev.bedrocksetup.testing.StandInExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code doctor}'s online checks started at JVM start (as Main does, before picocli): the command takes them over,
 * so every AWS call is made once and the report and exit code are those of a doctor that started them itself; a
 * command line whose meaning needs picocli starts nothing.
 */
class DoctorEarlyStartTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @BeforeEach
    void setUp() throws Exception {
        aws.stand().staticKeysProfile("dev", "dev", "us-east-1");
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("AWS_PROFILE", "dev").env("ANTHROPIC_MODEL", SONNET).env("ANTHROPIC_DEFAULT_HAIKU_MODEL", HAIKU)
                .json());
    }

    private record Result(int exit, String out, List<Operation> calls) {}

    private Result doctor(boolean startedEarly, String... args) {
        aws.requestLog().clear();
        Environment env = aws.home().env();
        if (startedEarly) {
            DoctorEarlyStart.startFor(env, args);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = BedrockSetup.run(env, new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream(), false,
                args);
        // what was timed differs from run to run: the clocks' distance and the TCP connection's time
        String text = out.toString(StandardCharsets.UTF_8).replaceAll("within \\d+ s of AWS", "within N s of AWS")
                .replaceAll("TCP \\d+ ms", "TCP N ms");
        return new Result(exit, text, aws.requestLog().operations().stream().sorted().toList());
    }

    @Test
    void theCommandTakesOverTheStartedChecksWithTheSameReportAndEachCallOnce() {
        for (String[] args : new String[][] {{"doctor", "--all"}, {"doctor"}, {"doctor", "--json"}}) {
            Result itself = doctor(false, args);
            Result early = doctor(true, args);
            assertEquals(itself.exit, early.exit, String.join(" ", args));
            assertEquals(itself.out, early.out, String.join(" ", args));
            assertEquals(itself.calls, early.calls, "each AWS call once: " + String.join(" ", args));
            assertEquals(1, early.calls.stream().filter(o -> o == Operation.GET_CALLER_IDENTITY).count());
        }
    }

    /**
     * Picocli's command model and the offline checks come after the AWS calls can leave (decision 0047): the early
     * start returns once the credentials are resolved and the clients built, here after an assume-role profile's STS
     * AssumeRole answered (300 ms late); the report is the same as ever.
     */
    @Test
    void theEarlyStartReturnsOnceTheAwsCallsCanLeave() throws Exception {
        aws.scenario().addIamRole(dev.bedrocksetup.standin.StandInFixture.ACCOUNT, "BedrockAccess",
                "arn:aws:iam::" + dev.bedrocksetup.testing.Examples.ACCOUNT + ":user/dev");
        aws.scenario().latency(Operation.ASSUME_ROLE, java.time.Duration.ofMillis(300));
        aws.home().write(".aws/config", "[profile dev]\nregion = us-east-1\n\n[profile bedrock]\n"
                + "role_arn = arn:aws:iam::" + dev.bedrocksetup.testing.Examples.ACCOUNT
                + ":role/BedrockAccess\nsource_profile = dev\nregion = us-east-1\n");
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("AWS_PROFILE", "bedrock").env("ANTHROPIC_MODEL", SONNET).env("ANTHROPIC_DEFAULT_HAIKU_MODEL", HAIKU)
                .json());
        Environment env = aws.home().env();
        doctor(false, "doctor"); // a warm JVM, as the image's cache gives: a cold one may take the wait's whole second
        aws.requestLog().clear();
        DoctorEarlyStart.startFor(env, new String[] {"doctor"});
        org.junit.jupiter.api.Assertions.assertTrue(aws.requestLog().operations().contains(Operation.ASSUME_ROLE),
                "returned before the credentials were resolved: " + aws.requestLog().all());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = BedrockSetup.run(env, new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream(), false,
                "doctor");
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCommandLineThatNeedsPicocliStartsNothing() {
        Environment env = aws.home().env();
        for (String[] args : new String[][] {{"doctor", "--offline"}, {"doctor", "--fix", "--yes"},
            {"doctor", "--project-dir", aws.dir().toString()}, {"doctor", "--help"}, {"verify"}, {}}) {
            DoctorEarlyStart.startFor(env, args);
            assertNull(DoctorEarlyStart.take(env, null), String.join(" ", args));
        }
        DoctorEarlyStart.startFor(env, new String[] {"doctor", "--verbose"});
        assertNull(DoctorEarlyStart.take(aws.home().env(), null), "another environment: not taken over");
        DoctorEarlyStart.startFor(env, new String[] {"doctor", "--verbose"});
        assertNull(DoctorEarlyStart.take(env, Path.of("elsewhere")), "another project: not taken over");
        DoctorEarlyStart.startFor(env, new String[] {"doctor", "--verbose"});
        assertNotNull(DoctorEarlyStart.take(env, null));
    }
}
