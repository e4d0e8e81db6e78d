package dev.bedrocksetup.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diff `--dry-run` and every confirmation show is a correct unified diff: GNU patch turns the old text into the
 * new one with it, and it changes no more lines than GNU diff's minimal diff does.
 */
class UnifiedDiffTest {
    @TempDir
    Path dir;

    @Test
    void patchAppliesItAndItIsMinimal() throws Exception {
        Random random = new Random(15);
        for (int round = 0; round < 60; round++) {
            String before = text(random);
            String after = mutate(before, random);
            String diff = UnifiedDiff.of("f", before, after);
            Path file = dir.resolve("f");
            Files.writeString(file, before, StandardCharsets.UTF_8);
            Path patch = dir.resolve("f.patch");
            Files.writeString(patch, diff, StandardCharsets.UTF_8);
            run(List.of("patch", "--quiet", "--force", "--no-backup-if-mismatch", file.toString(), patch.toString()));
            assertEquals(after, Files.readString(file), "round " + round + ":\n" + diff);

            Path a = dir.resolve("a");
            Path b = dir.resolve("b");
            Files.writeString(a, before, StandardCharsets.UTF_8);
            Files.writeString(b, after, StandardCharsets.UTF_8);
            String gnu = run(List.of("diff", "--minimal", "-u", a.toString(), b.toString()));
            assertEquals(changedLines(gnu), changedLines(diff), "round " + round + ":\n" + diff + "\nGNU:\n" + gnu);
        }
    }

    @Test
    void equalTextsHaveNoDiffAndNewAndDeletedFilesNameDevNull() {
        assertEquals("", UnifiedDiff.of("f", "a\n", "a\n"));
        assertEquals("--- /dev/null\n+++ f\n@@ -0,0 +1 @@\n+a\n", UnifiedDiff.of("f", null, "a\n"));
        assertEquals("--- f\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n", UnifiedDiff.of("f", "a\n", null));
    }

    @Test
    void aLargeRewriteStaysCheap() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            a.append("old ").append(i).append('\n');
            b.append("new ").append(i).append('\n');
        }
        long start = System.nanoTime();
        String diff = UnifiedDiff.of("f", a.toString(), b.toString());
        assertEquals(40_000, changedLines(diff));
        assertEquals(true, System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "took too long");
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int lines = random.nextInt(25);
        for (int i = 0; i < lines; i++) {
            sb.append("line ").append((char) ('a' + random.nextInt(5))).append('\n');
        }
        if (lines > 0 && random.nextInt(6) == 0) {
            sb.setLength(sb.length() - 1); // no newline at the end
        }
        return sb.toString();
    }

    private static String mutate(String before, Random random) {
        List<String> lines = new ArrayList<>(List.of(before.split("(?<=\n)")));
        if (before.isEmpty()) {
            lines.clear();
        }
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = lines.isEmpty() ? 0 : random.nextInt(lines.size() + 1);
            String line = "line " + (char) ('a' + random.nextInt(7)) + "\n";
            switch (random.nextInt(3)) {
                case 0 -> lines.add(at, line);
                case 1 -> {
                    if (at < lines.size()) {
                        lines.remove(at);
                    }
                }
                default -> {
                    if (at < lines.size()) {
                        lines.set(at, line);
                    }
                }
            }
        }
        String after = String.join("", lines);
        if (!after.isEmpty() && after.endsWith("\n") && random.nextInt(8) == 0) {
            after = after.substring(0, after.length() - 1);
        }
        return after;
    }

    private static int changedLines(String diff) {
        int n = 0;
        for (String line : diff.split("\n")) {
            if ((line.startsWith("+") && !line.startsWith("+++")) || (line.startsWith("-") && !line.startsWith("---"))) {
                n++;
            }
        }
        return n;
    }

    private String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        if (p.exitValue() > 1) {
            throw new AssertionError(command + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
