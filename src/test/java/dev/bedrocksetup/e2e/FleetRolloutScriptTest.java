package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.standin.StandInFixture;
import dev.bedrocksetup.testing.StandInHome;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/fleet/rollout.sh run for real (issue 18 item 5): by dash and by bash in POSIX mode (macOS's /bin/sh),
 * with bedrock-setup as a real child JVM, against the AWS stand-in, the managed settings in a temp home.
 */
class FleetRolloutScriptTest {
    static final Path SCRIPT = Path.of("packaging/fleet/rollout.sh").toAbsolutePath();
    static final String SONNET_US = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String FRAGMENT = "managed/managed-settings.d/50-bedrock-setup.json";

    @TempDir
    Path dir;
    StandInHome stand;
    Path preset;

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        stand = new StandInHome(Files.createDirectories(dir.resolve("home")), StandInFixture.twoAccounts());
        stand.staticKeysProfile("dev", "dev", "us-east-1");
        preset = stand.home.write("team.json", "{\"profile\": \"dev\", \"region\": \"us-east-1\", \"model\": \""
                + SONNET_US + "\", \"auth-refresh\": \"none\"}\n");
        // bedrock-setup as a device's command line would start it: a program on disk
        Path launcher = dir.resolve("bedrock-setup");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
                + "' dev.bedrocksetup.Main \"$@\"\n");
        launcher.toFile().setExecutable(true);
        stand.home.vars.put("BEDROCK_SETUP", launcher.toString());
    }

    @AfterEach
    void close() {
        stand.close();
    }

    private Result run(String shell, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(SCRIPT.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(stand.home.vars);
        File out = dir.resolve("stdout").toFile();
        File err = dir.resolve("stderr").toFile();
        Process p = pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null"))).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the script finished");
        return new Result(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    @Test
    void writesTheManagedSettingsThenTheVerifyJson() throws Exception {
        Path report = dir.resolve("reports/verify.json");
        Files.createDirectories(report.getParent());
        Result r = run("/bin/dash", "--preset", preset.toString(), "--output", report.toString());
        assertEquals(0, r.exit, r.toString());
        assertEquals("", r.out, "stdout carries nothing else");
        assertTrue(r.err.contains(FRAGMENT.substring("managed/".length())), "init's report in the log: " + r.err);
        String fragment = stand.home.read(FRAGMENT);
        assertTrue(fragment.contains("\"AWS_PROFILE\": \"dev\"") && fragment.contains(SONNET_US), fragment);
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals(1, json.get("schemaVersion").asInt());
        assertTrue(json.get("pass").asBoolean(), json.toPrettyString());
        assertEquals(List.of("verify.json"), List.of(report.getParent().toFile().list()), "no temporary file left");

        // the account loses the model: still set up, verify fails, the JSON (to stdout this time) says so
        stand.scenario.grantOnly(StandInFixture.ACCOUNT, "us-east-1", "anthropic.claude-haiku-4-5-20251001-v1:0");
        Result fail = run("/bin/bash --posix", "--preset", preset.toString(), "--", "--skip-probe");
        assertEquals(1, fail.exit, fail.toString());
        JsonNode failed = new ObjectMapper().readTree(fail.out);
        assertFalse(failed.get("pass").asBoolean(), fail.out);
    }

    @Test
    void aWrongPresetStopsBeforeVerifyWithInitsExitCode() throws Exception {
        Path bad = stand.home.write("typo.json", "{\"regoin\": \"us-east-1\"}");
        Path report = dir.resolve("verify.json");
        Result r = run("/bin/dash", "--preset", bad.toString(), "--output", report.toString());
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("unknown key \"regoin\""), r.err);
        assertTrue(r.err.contains("bedrock-setup init exited 2; nothing verified"), r.err);
        assertFalse(Files.exists(report), "no JSON for a run that set nothing up");
        assertEquals(0, dir.toFile().list((d, n) -> n.startsWith("verify.json")).length, "no temporary file left");
        assertFalse(Files.exists(stand.home.home.resolve(FRAGMENT)), "nothing written");
    }

    @Test
    void itsOwnUsageErrorsAndAnUnwritableOutputHaveTheirCodes() throws Exception {
        Result none = run("/bin/dash");
        assertEquals(2, none.exit, none.toString());
        assertTrue(none.err.startsWith("rollout.sh: --preset is required"), none.err);

        Result unknown = run("/bin/dash", "--presett", "x");
        assertEquals(2, unknown.exit, unknown.toString());

        Result unwritable = run("/bin/dash", "--preset", preset.toString(), "--output",
                dir.resolve("no/such/dir/verify.json").toString());
        assertEquals(3, unwritable.exit, unwritable.toString());
        assertTrue(unwritable.err.contains("cannot write"), unwritable.err);
        assertFalse(Files.exists(stand.home.home.resolve(FRAGMENT)), "checked before anything is changed");
    }

    @Test
    void theScriptIsPosixShell() throws Exception {
        Process p = new ProcessBuilder("/bin/dash", "-n", SCRIPT.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(Files.isExecutable(SCRIPT), "shipped executable");
    }
}
