package dev.bedrocksetup.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A settings file with several hard links (a dotfiles checkout linked into ~/.claude) stays one file under all its
 * names: it is written in place, and an in-place write cut short is recognised and undone.
 */
class HardLinkedSettingsTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String ORIGINAL = "{\n  \"theme\": \"dark\"\n}\n";

    @TempDir
    Path dir;

    @Test
    void initAndResetKeepBothNamesOneFile() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        Path settings = home.write(".claude/settings.json", ORIGINAL);
        Path other = dir.resolve("dotfiles/settings.json");
        Files.createDirectories(other.getParent());
        Files.createLink(other, settings);
        Run init = home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET,
                "--skip-probe");
        assertEquals(0, init.exit, init.toString());
        assertTrue(Files.readString(other).contains("\"AWS_REGION\": \"us-west-2\""), "the other name sees the change");
        assertTrue(Files.isSameFile(settings, other), "still one file");
        assertEquals(2, Files.getAttribute(settings, "unix:nlink"));
        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(ORIGINAL, Files.readString(other));
        assertTrue(Files.isSameFile(settings, other));
    }

    @Test
    void anInPlaceWriteThatFailsHalfWayIsPutBack() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, ORIGINAL);
        Files.createLink(dir.resolve("link.json"), file);
        int[] writes = {0};
        AtomicFileWriter failing = new AtomicFileWriter((step, temp, target) -> {
            if (step == AtomicFileWriter.Step.IN_PLACE_WRITTEN && writes[0]++ == 0) {
                throw new IOException("No space left on device");
            }
        });
        ChangeApplier applier = new ChangeApplier(dir.resolve("state"), failing, java.time.Clock.systemUTC(),
                java.time.Duration.ofSeconds(1));
        String longer = "{\n  \"theme\": \"light\",\n  \"env\": {}\n}\n";
        assertThrows(BedrockSetupException.class, () -> applier.apply(java.util.List.of(file), current ->
                new ChangeApplier.Plan(java.util.List.of(new FileChange(file, "settings.json", ORIGINAL, longer,
                        null, null, null)), null), false));
        assertEquals(2, writes[0], "the torn file was written once more, with the old content");
        assertEquals(ORIGINAL, Files.readString(dir.resolve("link.json")));
        assertEquals(2, RegularFile.linkCount(file));
    }

    @Test
    void aTornInPlaceWriteIsRecognisedExactly() {
        byte[] before = "0123456789".getBytes(StandardCharsets.UTF_8);
        byte[] after = "abcdefghijklmno".getBytes(StandardCharsets.UTF_8);
        assertTrue(AtomicFileWriter.isTornWrite("abc3456789".getBytes(StandardCharsets.UTF_8), before, after));
        assertTrue(AtomicFileWriter.isTornWrite("abcdefghijkl".getBytes(StandardCharsets.UTF_8), before, after));
        assertFalse(AtomicFileWriter.isTornWrite(before, before, after));
        assertFalse(AtomicFileWriter.isTornWrite(after, before, after));
        assertFalse(AtomicFileWriter.isTornWrite("abc3X56789".getBytes(StandardCharsets.UTF_8), before, after),
                "an edit of the user's is not a torn write");
        assertFalse(AtomicFileWriter.isTornWrite("abcdefghijkX".getBytes(StandardCharsets.UTF_8), before, after));
    }
}
