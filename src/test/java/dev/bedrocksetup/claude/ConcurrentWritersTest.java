package dev.bedrocksetup.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.ChangeApplier;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.testing.ChildJvm;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several bedrock-setup processes writing one settings file at once: no update is lost, and reset still works. */
class ConcurrentWritersTest {
    @TempDir
    Path dir;

    @Test
    void noLostUpdates() throws Exception {
        TempHome home = new TempHome(dir);
        String original = "{\n  \"permissions\": {\"allow\": [\"Bash(ls)\"]},\n  \"env\": {\n    \"KEEP\": \"me\"\n  }\n}\n";
        Path settings = home.write(".claude/settings.json", original);
        int processes = 4;
        int writes = 6;
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            children.add(ChildJvm.start(dir.resolve("child-" + i + ".log"), ConcurrentWriterMain.class,
                    dir.toString(), "KEY_" + i, Integer.toString(writes)));
        }
        for (int i = 0; i < processes; i++) {
            Process p = children.get(i);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child-" + i + ".log")));
        }
        Map<?, ?> root = (Map<?, ?>) JsonDocument.parse(Files.readString(settings)).root().toValue();
        Map<?, ?> env = (Map<?, ?>) root.get("env");
        assertEquals("me", env.get("KEEP"));
        for (int i = 0; i < processes; i++) {
            assertEquals("v" + writes, env.get("KEY_" + i), "last write of process " + i + " is there");
        }
        ChangeApplier applier = new ChangeApplier(home.env().stateDirectory(), new AtomicFileWriter(),
                home.env().clock(), Duration.ofSeconds(5));
        assertEquals(processes * writes, applier.journal().changeSets().size(), "every write is journaled");
        new SettingsService(home.env(), applier).reset(Set.of(), null, false);
        assertEquals(original, Files.readString(settings), "reset undoes all of them exactly");
    }
}
