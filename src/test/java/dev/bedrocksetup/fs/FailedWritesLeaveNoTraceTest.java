package dev.bedrocksetup.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.cli.WriteStepsHook;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.testing.Examples;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails (a full disk, a read-only directory: injected as an IOException at the write, since these tests
 * run as root, for whom a read-only directory is writable) leaves the journal as it was, and a command's files are
 * all written or none, with a message that says which.
 */
class FailedWritesLeaveNoTraceTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String USER_SETTINGS = "{\n  \"env\": {\n    \"AWS_REGION\": \"eu-west-1\"\n  }\n}\n";
    static final String USER_CONFIG = "# mine\n[profile keys]\nregion = eu-west-1\n";

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        WriteStepsHook.clear();
    }

    /** Every write of a file named {@code name} fails as on a full disk. */
    private static void diskFullFor(String name) {
        WriteStepsHook.use((step, temp, target) -> {
            if (step == AtomicFileWriter.Step.TEMP_CREATED && target.getFileName().toString().equals(name)) {
                throw new IOException("No space left on device");
            }
        });
    }

    @Test
    void aFailedInitLeavesNoChangeSetSoResetNeverRevertsTheUsersOwnEdit() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        home.write(".claude/settings.json", USER_SETTINGS);
        diskFullFor("settings.json");
        Run failed = home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET,
                "--skip-probe");
        assertEquals(3, failed.exit, failed.toString());
        WriteStepsHook.clear();
        assertEquals(USER_SETTINGS, home.read(".claude/settings.json"));
        // the user sets the region themselves, to the value the failed init wanted
        home.write(".claude/settings.json", USER_SETTINGS.replace("eu-west-1", "us-west-2"));
        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(USER_SETTINGS.replace("eu-west-1", "us-west-2"), home.read(".claude/settings.json"),
                "reset must not revert an edit of the user's: " + reset);
        assertTrue(reset.err.contains("Nothing to undo"), reset.toString());
    }

    @Test
    void ssoInitWhoseSettingsFailTakesItsProfileBackAndSaysSo() throws Exception {
        TempHome home = new TempHome(dir);
        home.write(".aws/config", USER_CONFIG);
        home.write(".claude/settings.json", USER_SETTINGS);
        diskFullFor("settings.json");
        Run failed = home.run("init", "--yes", "--sso-start-url", Examples.START_URL,
                "--sso-region", "us-east-1", "--account-id", Examples.ACCOUNT, "--role-name", "Dev", "--profile", "dev",
                "--skip-login", "--skip-probe", "--region", "us-west-2", "--model", SONNET);
        WriteStepsHook.clear();
        assertEquals(3, failed.exit, failed.toString());
        assertEquals(USER_CONFIG, home.read(".aws/config"), "all files or none: the profile is taken back");
        assertEquals(USER_SETTINGS, home.read(".claude/settings.json"));
        assertFalse(failed.err.contains("nothing was written"), "something was written, then rolled back: " + failed);
        assertTrue(failed.err.contains(dir.resolve(".aws/config") + " (written by this run, profile dev) was rolled "
                + "back"), failed.toString());
        assertEquals(1, failed.err.strip().lines().filter(l -> l.startsWith("bedrock-setup:")).count(), failed.toString());
        Run reset = home.run("reset", "--yes", "--remove-profile");
        assertTrue(reset.err.contains("Nothing to undo"), reset.toString());
    }

    @Test
    void whenTheSecondFileOfAChangeFailsTheFirstIsPutBackAndTheJournalIsUntouched() throws Exception {
        Path first = dir.resolve("a.json");
        Path second = dir.resolve("b.json");
        Files.writeString(first, "old a");
        Path state = dir.resolve("state");
        AtomicFileWriter failingB = new AtomicFileWriter((step, temp, target) -> {
            if (step == AtomicFileWriter.Step.TEMP_CREATED && target.equals(second)) {
                throw new IOException("No space left on device");
            }
        });
        ChangeApplier applier = new ChangeApplier(state, failingB, Clock.systemUTC(), Duration.ofSeconds(1));
        Map<String, Object> entry = new java.util.LinkedHashMap<>(Map.of("kind", "test", "path", first.toString()));
        BedrockSetupException e = assertThrows(BedrockSetupException.class, () -> applier.apply(List.of(first, second),
                current -> new ChangeApplier.Plan(List.of(
                        new FileChange(first, "a.json", "old a", "new a", "rw-------", null, entry),
                        new FileChange(second, "b.json", null, "new b", "rw-------", null, null)),
                        sets -> {
                            sets.add(new java.util.LinkedHashMap<>(Map.of("id", "x", "files",
                                    new java.util.ArrayList<>(List.of(entry)))));
                            return sets;
                        }), false));
        assertEquals("old a", Files.readString(first));
        assertFalse(Files.exists(second));
        assertTrue(e.getMessage().contains("a.json had been written and was rolled back, so nothing was changed"),
                e.getMessage());
        ChangeJournal journal = applier.journal();
        assertEquals(List.of(), journal.changeSets());
        assertFalse(Files.readString(journal.file()).contains("\"pending\""));
    }
}
