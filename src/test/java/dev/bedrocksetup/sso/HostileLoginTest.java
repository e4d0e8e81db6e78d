package dev.bedrocksetup.sso;

import static dev.bedrocksetup.testing.Examples.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.Main;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.Examples;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens and client secrets stay out of places others can reach: no login into a world-writable cache, no client
 * registration left behind by a login stopped with Ctrl-C, and `reset --remove-profile` takes the session's cached
 * login with it (unless another profile still uses the session).
 */
class HostileLoginTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @BeforeEach
    void start() throws Exception {
        aws.home().ssoProfiles("dev");
        aws.stand().browser();
    }

    private Path cache() {
        return aws.dir().resolve(".aws/sso/cache");
    }

    private List<Path> filesWithSecrets() throws Exception {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(cache())) {
            try (Stream<Path> files = Files.list(cache())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.readString(f).contains("clientSecret")) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noLoginIntoAWorldWritableCache() throws Exception {
        Files.createDirectories(cache());
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rwxrwxrwx"));
        Run r = aws.home().run("login", "--profile", "dev", "--use-device-code", "--no-browser");
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains("writable by every user") && r.err.contains("chmod o-w " + cache()), r.err);
        assertEquals(List.of(), filesWithSecrets(), "nothing written there");
        assertTrue(aws.requestLog().of(dev.bedrocksetup.standin.Operation.REGISTER_CLIENT).isEmpty(),
                "refused before the user goes through a login");
    }

    @Test
    void noApiKeyIntoAWorldWritableClaudeDirectory() throws Exception {
        Path claude = Files.createDirectories(aws.dir().resolve(".claude"));
        Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwxrwxrwx"));
        aws.home().vars.put("AWS_BEARER_TOKEN_BEDROCK", "ABSKQmVkcm9ja0FQSUtleS1FWEFNUExFLWtleS0xMjM0NTY3ODkw");
        Run r = aws.home().run("init", "--yes", "--auth", "bedrock-api-key", "--region", "us-west-2", "--model", SONNET,
                "--skip-probe");
        assertEquals(3, r.exit, r.toString());
        assertFalse(Files.exists(claude.resolve("settings.json")));
    }

    @Test
    void aLoginThatFailsLeavesNoClientSecretBehind() throws Exception {
        aws.scenario().deviceCodeLifetime(Duration.ofSeconds(1)).approveDeviceAfterPolls(1_000);
        Run r = aws.home().run("login", "--profile", "dev", "--use-device-code", "--no-browser");
        assertEquals(4, r.exit, r.toString());
        assertEquals(List.of(), filesWithSecrets());
    }

    @Test
    void ctrlCDuringLoginSaysCancelledAndLeavesNoClientSecret() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/python3").canExecute() || new File("/bin/python3").canExecute(),
                "python3 resets an inherited ignored SIGINT for the child");
        aws.scenario().approveDeviceAfterPolls(1_000_000);
        Path log = aws.dir().resolve("login.log");
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", "import os, signal, sys; "
                + "signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path") + File.pathSeparator
                        + System.getProperty("surefire.test.class.path", ""), Main.class.getName(),
                "login", "--profile", "dev", "--use-device-code", "--no-browser"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(aws.home().vars);
        Process p = pb.start();
        try {
            Instant deadline = Instant.now().plusSeconds(90);
            while (!(Files.exists(log) && Files.readString(log).contains("confirm the code"))) {
                assertTrue(p.isAlive(), "login ended early: " + (Files.exists(log) ? Files.readString(log) : ""));
                assertTrue(Instant.now().isBefore(deadline), "login never asked for the code");
                Thread.sleep(100);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "Ctrl-C ended the login");
            String out = Files.readString(log);
            assertEquals(130, p.exitValue(), out);
            assertTrue(out.contains("Cancelled"), out);
            assertEquals(List.of(), filesWithSecrets(), "no client registration left with its secret");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void resetRemoveProfileTakesTheSessionsCachedLoginUnlessAnotherProfileUsesIt() throws Exception {
        aws.home().write(".aws/config", "");
        String[] init = {"init", "--yes", "--sso-start-url", Examples.START_URL, "--sso-region", "us-east-1",
            "--region", "us-west-2", "--model", SONNET};
        assertEquals(0, aws.home().run(init).exit);
        Path token = cache().resolve(TextFile.sha1Hex("example") + ".json");
        assertTrue(Files.exists(token));
        assertFalse(filesWithSecrets().isEmpty());
        Run reset = aws.home().run("reset", "--yes", "--remove-profile");
        assertEquals(0, reset.exit, reset.toString());
        assertFalse(Files.exists(token), "the session's token is gone with it: " + reset);
        assertEquals(List.of(), filesWithSecrets(), "and its client registration");
        assertTrue(reset.err.contains("Removed the cached login of sso-session example"), reset.err);

        // a profile the user added after init still uses the session: its login stays
        assertEquals(0, aws.home().run(init).exit);
        aws.home().append(".aws/config", "\n[profile mine]\nsso_session = example\nsso_account_id = " + ACCOUNT + "\n"
                + "sso_role_name = Dev\n");
        assertEquals(0, aws.home().run("reset", "--yes", "--remove-profile").exit);
        assertTrue(Files.exists(token), "another profile still needs the login");
    }
}
