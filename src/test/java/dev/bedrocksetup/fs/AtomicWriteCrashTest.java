package dev.bedrocksetup.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A write interrupted anywhere leaves the old file or the new one, never a truncated or mixed one. */
class AtomicWriteCrashTest {
    @TempDir
    Path dir;

    /** A self-checking file content: a header naming the version and size, filler, and an end marker. */
    static String version(int v, int size) {
        StringBuilder sb = new StringBuilder("version " + v + " size " + size + "\n");
        String line = "line of version " + v + " ......................................\n";
        while (sb.length() < size) {
            sb.append(line);
        }
        return sb.append("END ").append(v).append('\n').toString();
    }

    private static final Pattern HEADER = Pattern.compile("^version (\\d+) size (\\d+)\n");

    /** Returns the version the file holds, failing unless it is exactly one complete version. */
    static int completeVersion(String content) {
        Matcher m = HEADER.matcher(content);
        assertTrue(m.find(), "file starts with a header, got: " + content.substring(0, Math.min(60, content.length())));
        int v = Integer.parseInt(m.group(1));
        assertEquals(version(v, Integer.parseInt(m.group(2))), content, "file is complete version " + v);
        return v;
    }

    @ParameterizedTest
    @EnumSource(value = AtomicFileWriter.Step.class, names = "IN_PLACE_WRITTEN", mode = EnumSource.Mode.EXCLUDE)
    void aFailureAtEachStepLeavesOldOrNew(AtomicFileWriter.Step failAt) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, version(1, 5000));
        AtomicFileWriter w = new AtomicFileWriter((step, temp, target) -> {
            if (step == failAt) {
                throw new IOException("injected failure at " + step);
            }
        });
        BedrockSetupException e = assertThrows(BedrockSetupException.class,
                () -> w.write(file, version(2, 5000).getBytes(StandardCharsets.UTF_8), "rw-------", null));
        assertEquals(ExitCode.LOCAL, e.exitCode());
        int v = completeVersion(Files.readString(file));
        assertEquals(failAt == AtomicFileWriter.Step.RENAMED ? 2 : 1, v);
        assertEquals(List.of("settings.json"), names(), "no temporary file left behind");
    }

    /** SIGKILL while the child is paused inside its third write, at each step before the rename. */
    @ParameterizedTest
    @EnumSource(value = AtomicFileWriter.Step.class, names = {"TEMP_CREATED", "TEMP_WRITTEN", "TEMP_SYNCED", "RENAMED"})
    void aWriterKilledAtAKnownStepLeavesOldOrNew(AtomicFileWriter.Step step) throws Exception {
        Path file = dir.resolve("settings.json");
        int size = 512 * 1024;
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.start(log, CrashingWriterMain.class, file.toString(), Integer.toString(size), step.name());
        awaitLine(log, "paused " + step + " 3");
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        int v = completeVersion(Files.readString(file));
        assertEquals(step == AtomicFileWriter.Step.RENAMED ? 3 : 2, v, "old file before the rename, new after");
        if (step != AtomicFileWriter.Step.RENAMED) {
            assertEquals(2, names().size(), "the killed write left its temporary file: " + names());
        }
        new AtomicFileWriter().write(file, version(99, 100).getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(99, completeVersion(Files.readString(file)));
        assertEquals(List.of("settings.json"), names(), "the next write removed the stale temporary file");
    }

    /** SIGKILL at random moments of a busy writer: whatever the moment, the file is one complete version. */
    @Test
    void aWriterKilledAtRandomMomentsLeavesACompleteFile() throws Exception {
        Path file = dir.resolve("settings.json");
        int size = 2 * 1024 * 1024;
        Files.writeString(file, version(0, size));
        Random rnd = new Random(42);
        for (int round = 0; round < 5; round++) {
            Path log = dir.resolve("child-" + round + ".log");
            Process p = ChildJvm.start(log, CrashingWriterMain.class, file.toString(), Integer.toString(size));
            awaitLine(log, "wrote 2");
            Thread.sleep(rnd.nextInt(40));
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            completeVersion(Files.readString(file));
        }
    }

    private static void awaitLine(Path log, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("child never printed '" + line + "': " + Files.readString(log));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".log")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
