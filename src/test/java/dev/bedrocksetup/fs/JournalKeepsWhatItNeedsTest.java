package dev.bedrocksetup.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups the journal points to survive pruning; a journal from a newer bedrock-setup is refused, not rewritten. */
class JournalKeepsWhatItNeedsTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String ORIGINAL = "{\n  \"theme\": \"dark\"\n}\n";

    @TempDir
    Path dir;

    private Run init(TempHome home, String region) {
        return home.run("init", "--yes", "--profile", "dev", "--region", region, "--model", SONNET, "--skip-probe");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOriginalBackupOutlivesPruning() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        home.write(".claude/settings.json", ORIGINAL);
        for (int i = 0; i < Backups.KEEP + 3; i++) {
            Run r = init(home, i % 2 == 0 ? "us-west-2" : "us-east-1");
            assertEquals(0, r.exit, r.toString());
        }
        ChangeJournal journal = new ChangeJournal(home.env().stateDirectory(), new AtomicFileWriter());
        Map<String, Object> first = ((List<Map<String, Object>>) journal.changeSets().get(0).get("files")).get(0);
        Path backup = Path.of((String) first.get("backup"));
        assertTrue(Files.exists(backup), "the first change's backup (the file before bedrock-setup) is kept");
        assertEquals(ORIGINAL, Files.readString(backup));
        for (Map<String, Object> set : journal.changeSets()) {
            for (Map<String, Object> f : (List<Map<String, Object>>) set.get("files")) {
                assertTrue(Files.exists(Path.of((String) f.get("backup"))), "every backup the journal names exists");
            }
        }
    }

    @Test
    void backupsNoEntryNeedsAreStillBoundedToTheNewestTen() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        home.write(".claude/settings.json", ORIGINAL);
        for (int i = 0; i < 8; i++) {
            assertEquals(0, init(home, "us-west-2").exit);
            assertEquals(0, home.run("reset", "--yes").exit); // reset drops the entry: its backup is no longer needed
        }
        try (var s = Files.list(home.env().stateDirectory().resolve("backups"))) {
            assertEquals(Backups.KEEP, s.count());
        }
    }

    @Test
    void aJournalOfAFutureVersionIsRefusedAndLeftUntouched() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        home.write(".claude/settings.json", ORIGINAL);
        byte[] future = ("{\"version\": 99, \"changeSets\": [], \"somethingNew\": {\"undo\": \"elsewhere\"}}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path journal = home.write(".bedrock-setup/journal.json", new String(future,
                java.nio.charset.StandardCharsets.UTF_8));
        for (String[] command : List.of(new String[] {"reset", "--yes"}, new String[] {"init", "--yes", "--profile",
            "dev", "--region", "us-west-2", "--model", SONNET, "--skip-probe"})) {
            Run r = home.run(command);
            assertEquals(3, r.exit, r.toString());
            assertTrue(r.err.contains("version 99"), r.toString());
            assertEquals(2, r.err.strip().lines().count(), "one line and its fix: " + r);
            assertArrayEquals(future, Files.readAllBytes(journal), "the journal is not rewritten");
            assertEquals(ORIGINAL, home.read(".claude/settings.json"));
        }
    }
}
