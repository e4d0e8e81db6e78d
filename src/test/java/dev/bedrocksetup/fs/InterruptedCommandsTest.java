package dev.bedrocksetup.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.ChildJvm;
import dev.bedrocksetup.testing.Examples;
import dev.bedrocksetup.testing.KillingCommandMain;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command killed with SIGKILL at any write step leaves a state the next command settles: files and journal agree,
 * every edit of the user is kept, and no temporary file stays behind. Each test first runs the command to the end in
 * a child JVM to count its write steps, then once per step, killed there, on a freshly prepared home.
 */
class InterruptedCommandsTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String USER_SETTINGS = "{\n  \"theme\": \"dark\",\n  \"env\": {\n    \"AWS_REGION\": \"eu-west-1\"\n  }\n}\n";
    static final String USER_CONFIG = "# mine\n[profile keys]\nregion = eu-west-1\n";
    static final String[] SSO_INIT = {"init", "--yes", "--sso-start-url", Examples.START_URL,
        "--sso-region", "us-east-1", "--account-id", Examples.ACCOUNT, "--role-name", "Dev", "--profile", "dev",
        "--skip-login", "--skip-probe", "--region", "us-west-2", "--model", SONNET};
    static final String[] RESET = {"reset", "--yes", "--remove-profile"};

    @TempDir
    Path dir;

    /** A home where init set things up and the user edited both files afterwards. */
    private TempHome preparedForReset(Path root, boolean hardLinked) throws IOException {
        TempHome home = new TempHome(root);
        home.write(".aws/config", USER_CONFIG);
        Path settings = home.write(".claude/settings.json", USER_SETTINGS);
        if (hardLinked) {
            Files.createDirectories(root.resolve("dotfiles"));
            Files.createLink(root.resolve("dotfiles/settings.json"), settings);
        }
        Run init = home.run(SSO_INIT);
        assertEquals(0, init.exit, init.toString());
        // the user's own edits after init: a key of their own, and a profile of their own
        String s = home.read(".claude/settings.json");
        writeInPlace(settings, s.replace("\"theme\": \"dark\"", "\"theme\": \"light\""));
        home.append(".aws/config", "\n[profile mine]\nregion = ap-south-1\n");
        return home;
    }

    @ParameterizedTest(name = "hard-linked settings: {0}")
    @ValueSource(booleans = {false, true})
    void resetKilledAtEveryWriteStepIsSettledByTheNextReset(boolean hardLinked) throws Exception {
        TempHome reference = preparedForReset(dir.resolve("reference"), hardLinked);
        int steps = steps(reference, "-", RESET);
        String expectedSettings = reference.read(".claude/settings.json");
        String expectedConfig = reference.read(".aws/config");
        assertEquals(USER_SETTINGS.replace("dark", "light"), expectedSettings, "a reset run through keeps the edit");
        assertEquals(USER_CONFIG + "\n[profile mine]\nregion = ap-south-1\n", expectedConfig);
        assertTrue(steps >= 10, "reset writes backups, journal and two files: " + steps + " steps");
        for (int k = 1; k <= steps; k++) {
            if (hardLinked && !stepLine(reference, k).endsWith(" settings.json")) {
                continue; // the plain run covers every other step; here the in-place write of the linked file
            }
            TempHome home = preparedForReset(dir.resolve("kill-" + hardLinked + "-" + k), hardLinked);
            killedAt(home, k, "-", RESET);
            Run next = home.run(RESET);
            String at = "killed at step " + k + "; next reset: " + next;
            assertEquals(0, next.exit, at);
            assertEquals(expectedSettings, home.read(".claude/settings.json"), at);
            assertEquals(expectedConfig, home.read(".aws/config"), at);
            settled(home, at);
            if (hardLinked) {
                assertEquals(expectedSettings, home.read("dotfiles/settings.json"), "both names: " + at);
            }
        }
    }

    @Test
    void aFailingInitKilledAtEveryWriteStepLeavesNothingBehindAfterTheNextCommand() throws Exception {
        TempHome reference = fresh(dir.resolve("reference"));
        int steps = steps(reference, "settings.json", SSO_INIT);
        assertEquals(USER_CONFIG, reference.read(".aws/config"), "the failed init took its profile back");
        assertEquals(USER_SETTINGS, reference.read(".claude/settings.json"));
        settled(reference, "after the failed init");
        for (int k = 1; k <= steps; k++) {
            TempHome home = fresh(dir.resolve("kill-" + k));
            killedAt(home, k, "settings.json", SSO_INIT);
            // the user changes a key init wanted to set, to the value init would have set: that edit is theirs now
            String s = home.read(".claude/settings.json");
            home.write(".claude/settings.json", s.replace("eu-west-1", "us-west-2"));
            Run next = home.run(RESET);
            String at = "killed at step " + k + "; next reset: " + next;
            assertEquals(0, next.exit, at);
            assertEquals(USER_SETTINGS.replace("eu-west-1", "us-west-2"), home.read(".claude/settings.json"), at);
            assertEquals(USER_CONFIG, home.read(".aws/config"), at);
            settled(home, at);
        }
    }

    private TempHome fresh(Path root) throws IOException {
        TempHome home = new TempHome(root);
        home.write(".aws/config", USER_CONFIG);
        home.write(".claude/settings.json", USER_SETTINGS);
        return home;
    }

    /** The journal holds no change and nothing pending, and no temporary file is left anywhere in the home. */
    private static void settled(TempHome home, String at) throws IOException {
        ChangeJournal journal = new ChangeJournal(home.env().stateDirectory(), new AtomicFileWriter());
        assertEquals(List.of(), journal.changeSets(), at);
        assertFalse(Files.exists(journal.file()) && Files.readString(journal.file()).contains("\"pending\""),
                "nothing pending, " + at);
        try (Stream<Path> all = Files.walk(home.home)) {
            List<Path> temps = all.filter(AtomicFileWriter::isTempFile).collect(Collectors.toList());
            assertEquals(List.of(), temps, "stale temporary files, " + at);
        }
    }

    private int steps(TempHome home, String failing, String... command) throws Exception {
        Path log = home.home.resolveSibling(home.home.getFileName() + ".log");
        Process p = start(log, home, -1, failing, command);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), Files.readString(log));
        Matcher m = Pattern.compile("(?m)^steps (\\d+)$").matcher(Files.readString(log));
        assertTrue(m.find(), Files.readString(log));
        return Integer.parseInt(m.group(1));
    }

    /** The counting run's line for step {@code k}: "step K STEP FILENAME". */
    private static String stepLine(TempHome counted, int k) throws IOException {
        Path log = counted.home.resolveSibling(counted.home.getFileName() + ".log");
        Matcher m = Pattern.compile("(?m)^step " + k + " .*$").matcher(Files.readString(log));
        assertTrue(m.find(), "step " + k + " in " + log);
        return m.group();
    }

    private void killedAt(TempHome home, int step, String failing, String... command) throws Exception {
        Path log = home.home.resolveSibling(home.home.getFileName() + ".log");
        Process p = start(log, home, step, failing, command);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), Files.readString(log));
        assertEquals(137, p.exitValue(), "killed by SIGKILL at step " + step + ": " + Files.readString(log));
    }

    private static Process start(Path log, TempHome home, int killAt, String failing, String... command)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(home.home.toString(), Integer.toString(killAt), failing));
        args.addAll(List.of(command));
        return ChildJvm.start(log, KillingCommandMain.class, args.toArray(String[]::new));
    }

    /** Edits a file as an editor that keeps hard links does (rewrites the same inode). */
    private static void writeInPlace(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
