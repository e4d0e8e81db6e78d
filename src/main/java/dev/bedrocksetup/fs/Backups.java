package dev.bedrocksetup.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A timestamped copy of a file before each change. The newest {@link #KEEP} per file are kept, and beyond them every
 * backup the journal still points to (the state before bedrock-setup first touched a file is the one most worth
 * having; an interrupted change is rolled back from its backup).
 */
public final class Backups {
    public static final int KEEP = 10;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Marks the copy of what an in-place write is about to put into a file (needed to recognise a torn write). */
    static final String NEW_SUFFIX = ".new";

    private final Path dir;
    private final AtomicFileWriter writer;

    public Backups(Path stateDir, AtomicFileWriter writer) {
        this.dir = stateDir.resolve("backups");
        this.writer = writer;
    }

    /**
     * Saves {@code content} (the file as it was) and returns the backup's path; prunes older backups of the same
     * file except those in {@code keep}. Call under the original's lock.
     */
    public Path save(Path original, String content, Instant now, Set<Path> keep) {
        return save(original, content, "", now, keep);
    }

    /** Saves what an in-place write will put into {@code original}: recovery compares a torn file with it. */
    public Path saveNew(Path original, String content, Instant now, Set<Path> keep) {
        return save(original, content, NEW_SUFFIX, now, keep);
    }

    private Path save(Path original, String content, String suffix, Instant now, Set<Path> keep) {
        String base = base(original);
        try (WriteLock lock = lock()) {
            Path backup = dir.resolve(STAMP.format(now) + "-" + base + suffix);
            int n = 1;
            while (Files.exists(backup)) {
                backup = dir.resolve(STAMP.format(now) + "-" + (n++) + "-" + base + suffix);
            }
            writer.write(backup, content.getBytes(StandardCharsets.UTF_8), "rw-------", "rwx------");
            prune(base, keep);
            return backup;
        }
    }

    /** Held while a backup is written, so that {@link #removeStaleTemps} never takes a temporary file in use. */
    private WriteLock lock() {
        return WriteLock.acquire(stateDirOf(dir), dir.toString(), "the backups", Duration.ofSeconds(10));
    }

    private static Path stateDirOf(Path backupsDir) {
        return backupsDir.getParent();
    }

    private static String base(Path original) {
        return TextFile.sha1Hex(original.toAbsolutePath().toString()).substring(0, 12) + "-"
                + original.getFileName().toString();
    }

    private void prune(String base, Set<Path> keep) {
        List<Path> mine = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*-" + base + "*")) {
            for (Path p : ds) {
                if (!AtomicFileWriter.isTempFile(p)) {
                    mine.add(p);
                }
            }
        } catch (IOException e) {
            return; // pruning is housekeeping
        }
        Collections.sort(mine);
        for (int i = 0; i < mine.size() - KEEP; i++) {
            if (keep.contains(mine.get(i))) {
                continue; // the journal still needs it
            }
            try {
                Files.deleteIfExists(mine.get(i));
            } catch (IOException ignored) {
                // try again next time
            }
        }
    }

    /** A backup write killed half-way leaves its temporary file: the next writing command removes it. */
    public void removeStaleTemps() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (WriteLock lock = lock(); DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*")) {
            for (Path p : ds) {
                if (AtomicFileWriter.isTempFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // housekeeping: the next run tries again
        }
    }
}
