package dev.bedrocksetup.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A timestamped copy of a file before each change, the newest {@link #KEEP} per file kept. */
public final class Backups {
    public static final int KEEP = 10;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final AtomicFileWriter writer;

    public Backups(Path stateDir, AtomicFileWriter writer) {
        this.dir = stateDir.resolve("backups");
        this.writer = writer;
    }

    /** Saves {@code content} (the file as it was) and returns the backup's path. */
    public Path save(Path original, String content, Instant now) {
        String base = TextFile.sha1Hex(original.toAbsolutePath().toString()).substring(0, 12) + "-"
                + original.getFileName().toString();
        Path backup = dir.resolve(STAMP.format(now) + "-" + base);
        int n = 1;
        while (Files.exists(backup)) {
            backup = dir.resolve(STAMP.format(now) + "-" + (n++) + "-" + base);
        }
        writer.write(backup, content.getBytes(StandardCharsets.UTF_8), "rw-------", "rwx------");
        prune(base);
        return backup;
    }

    private void prune(String base) {
        List<Path> mine = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*-" + base)) {
            ds.forEach(mine::add);
        } catch (IOException e) {
            return; // pruning is housekeeping
        }
        Collections.sort(mine);
        for (int i = 0; i < mine.size() - KEEP; i++) {
            try {
                Files.deleteIfExists(mine.get(i));
            } catch (IOException ignored) {
                // try again next time
            }
        }
    }
}
