package dev.bedrocksetup.fs;

import dev.bedrocksetup.core.BedrockSetupException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * An inter-process lock on one file we are about to change, held for the whole read-modify-write. Lock files live in
 * bedrock-setup's state directory (never beside the user's file). The operating system releases the lock when the
 * process dies, so a crash never leaves a stale lock.
 */
public final class WriteLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private WriteLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for {@code target}, waiting up to {@code wait}; then fails with exit 3.
     * {@code what} names the file for the message.
     */
    public static WriteLock acquire(Path stateDir, String key, String what, Duration wait) {
        Path dir = stateDir.resolve("locks");
        Path lockFile = dir.resolve(TextFile.sha1Hex(key) + ".lock");
        long deadline = System.nanoTime() + wait.toNanos();
        FileChannel ch = null;
        try {
            AtomicFileWriter.createDirectories(dir, "rwx------");
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by this very process (another thread)
                }
                if (l != null) {
                    ch.truncate(0);
                    ch.write(java.nio.ByteBuffer.wrap(
                            (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
                    return new WriteLock(ch, l);
                }
                if (System.nanoTime() > deadline) {
                    String holder = "";
                    try {
                        String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
                        if (!pid.isEmpty()) {
                            holder = " (process " + pid + ")";
                        }
                    } catch (IOException ignored) {
                        // the pid is only a courtesy
                    }
                    ch.close();
                    // no "nothing was written": a command may have written another file before (it says so then)
                    throw BedrockSetupException.local("another bedrock-setup" + holder + " is changing " + what
                            + "; this run left it alone", "wait for it to finish, then run the command again", null);
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            closeQuietly(ch);
            throw BedrockSetupException.local("cannot create the lock file " + lockFile + ": " + e.getMessage(),
                    "check the permissions of " + dir, e);
        } catch (InterruptedException e) {
            closeQuietly(ch);
            Thread.currentThread().interrupt();
            throw new BedrockSetupException(130, "interrupted while waiting for the lock on " + what, null, e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
