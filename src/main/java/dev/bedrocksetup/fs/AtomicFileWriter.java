package dev.bedrocksetup.fs;

import dev.bedrocksetup.core.BedrockSetupException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * The only way bedrock-setup replaces a file: a temporary file in the same directory, written and fsynced, then
 * renamed over the target, then the directory fsynced. A reader sees the old file or the new one, never a mix.
 * A symlink is followed and its target replaced, so the link stays a link. The target's permissions are kept.
 * Only a regular file is replaced ({@link RegularFile}).
 *
 * <p>A file with several hard links is written in place instead (see docs/decisions/0011): a rename would give this
 * name a new file and leave the other names with the old content. In place, a crash can leave a torn file; it is
 * always "the new bytes up to some point, the old bytes after it" ({@link #isTornWrite}), which the change journal's
 * recovery recognises and rolls back from the backup taken before.
 */
public final class AtomicFileWriter {
    /** Points of a write at which a test can inject a fault. */
    public enum Step { TEMP_CREATED, TEMP_WRITTEN, TEMP_SYNCED, RENAMED,
        /** In-place write of a hard-linked file: the new bytes are written over the old, not yet truncated. */
        IN_PLACE_WRITTEN }

    /** Called at each step; a test throws (or kills the process) to simulate a crash there. */
    public interface StepListener {
        void at(Step step, Path temp, Path target) throws IOException;
    }

    private static final String TEMP_MARKER = ".bedrock-setup-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StepListener listener;

    public AtomicFileWriter() {
        this((s, t, p) -> { });
    }

    public AtomicFileWriter(StepListener listener) {
        this.listener = listener;
    }

    /**
     * Follows symlinks (also a dangling one) to the file that really holds the content. Relative link targets are
     * resolved against the link's directory.
     */
    public static Path resolveTarget(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        for (int hops = 0; hops < 40; hops++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link).normalize();
        }
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
    }

    /**
     * Writes {@code content} to {@code path} atomically. {@code newFileMode} applies when the file does not exist yet
     * (e.g. "rw-------"); missing directories are created with {@code newDirMode}.
     */
    public void write(Path path, byte[] content, String newFileMode, String newDirMode) {
        write(path, content, newFileMode, newDirMode, null);
    }

    /** As above; with {@code requiredMode} (e.g. "rw-------") the file gets that mode even when it exists. */
    public void write(Path path, byte[] content, String newFileMode, String newDirMode, String requiredMode) {
        Path target;
        try {
            target = resolveTarget(path);
        } catch (IOException e) {
            throw BedrockSetupException.local("cannot resolve " + path + ": " + e.getMessage(),
                    "check the symbolic link", e);
        }
        Path dir = target.getParent();
        Path temp = null;
        boolean exists = RegularFile.check(target) != null;
        try {
            createDirectories(dir, newDirMode);
            Set<PosixFilePermission> perms = null;
            if (exists) {
                perms = posixPermissions(target);
                if (perms != null && !perms.contains(PosixFilePermission.OWNER_WRITE)) {
                    throw BedrockSetupException.local(target + " is read-only (mode "
                            + PosixFilePermissions.toString(perms) + "); it was not changed",
                            "make it writable with: chmod u+w " + target, null);
                }
                if (perms != null && requiredMode != null) {
                    perms = PosixFilePermissions.fromString(requiredMode);
                }
                if (RegularFile.linkCount(target) > 1) {
                    if (perms != null && requiredMode != null) {
                        Files.setPosixFilePermissions(target, perms); // one inode: private under every name
                    }
                    writeInPlace(target, content);
                    return;
                }
            } else if (newFileMode != null && supportsPosix(dir)) {
                perms = PosixFilePermissions.fromString(newFileMode);
            }
            removeStaleTemps(target);
            temp = dir.resolve("." + target.getFileName() + TEMP_MARKER + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (perms != null) {
                    Files.setPosixFilePermissions(temp, perms);
                }
                listener.at(Step.TEMP_CREATED, temp, target);
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                listener.at(Step.TEMP_WRITTEN, temp, target);
                ch.force(true);
            }
            listener.at(Step.TEMP_SYNCED, temp, target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            listener.at(Step.RENAMED, null, target);
            syncDirectory(dir);
        } catch (AccessDeniedException e) {
            throw BedrockSetupException.local("permission denied writing " + target + "; it was not changed",
                    "check the permissions of " + dir, e);
        } catch (IOException e) {
            throw BedrockSetupException.local("could not write " + target + ": " + e.getMessage()
                    + "; it was not changed", "check free disk space and permissions of " + dir, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the next write cleans it up
                }
            }
        }
    }

    /**
     * Overwrites a hard-linked file's bytes, so every name keeps seeing one file: the new bytes from the start, then
     * the old tail cut off, then fsync. Interrupted, the file is the new bytes up to some point and the old after it.
     */
    private void writeInPlace(Path target, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf, buf.position());
            }
            listener.at(Step.IN_PLACE_WRITTEN, null, target);
            ch.truncate(content.length);
            ch.force(true);
        }
    }

    /**
     * True when {@code current} is what an interrupted {@link #writeInPlace} of {@code after} over {@code before}
     * leaves: the new bytes up to some point, then the old ones (the whole of {@code after} followed by an old tail
     * included). Neither the whole old nor the whole new file counts.
     */
    public static boolean isTornWrite(byte[] current, byte[] before, byte[] after) {
        if (Arrays.equals(current, before) || Arrays.equals(current, after)) {
            return false;
        }
        int common = Arrays.mismatch(current, after);
        if (common < 0) {
            return false;
        }
        if (current.length > before.length) {
            // past the old file's end only new bytes can be: a prefix of the new file
            return common == current.length;
        }
        return current.length == before.length
                && Arrays.equals(current, common, current.length, before, common, before.length);
    }

    /** Deletes a file (following a symlink to its target only when asked: a link we did not create stays). */
    public void delete(Path path) {
        try {
            Path target = resolveTarget(path);
            RegularFile.check(target);
            Files.deleteIfExists(target);
            syncDirectory(target.getParent());
        } catch (IOException e) {
            throw BedrockSetupException.local("could not delete " + path + ": " + e.getMessage(),
                    "check permissions of " + path.getParent(), e);
        }
    }

    /**
     * Removes {@code dir} if it is an empty directory (never one that holds anything, never a symbolic link);
     * returns whether it did.
     */
    public static boolean removeEmptyDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Files.delete(dir); // refuses a directory that is not empty, atomically
            syncDirectory(dir.getParent());
            return true;
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            return false;
        } catch (IOException e) {
            throw BedrockSetupException.local("could not remove the empty directory " + dir + ": " + e.getMessage(),
                    "remove it by hand, or leave it: it does no harm", e);
        }
    }

    public static void createDirectories(Path dir, String mode) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createDirectories(parent, mode);
        }
        try {
            if (mode != null && supportsPosix(parent)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
                // the umask may have narrowed it; set it exactly
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
            } else {
                Files.createDirectory(dir);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static boolean supportsPosix(Path dir) {
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Set<PosixFilePermission> posixPermissions(Path file) throws IOException {
        if (!supportsPosix(file.getParent())) {
            return null;
        }
        return Files.getPosixFilePermissions(file);
    }

    /**
     * A crash (power loss, SIGKILL) can leave a temporary file behind: the next write of the same file, and the
     * journal's recovery of an interrupted change, remove it. Call only under the file's lock.
     */
    public static void removeStaleTemps(Path target) throws IOException {
        String prefix = "." + target.getFileName() + TEMP_MARKER;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent(), prefix + "*.tmp")) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException ignored) {
            // directory vanished: the write itself will report it
        }
    }

    public static boolean isTempFile(Path p) {
        String n = p.getFileName().toString();
        return n.contains(TEMP_MARKER) && n.endsWith(".tmp");
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can fsync a directory (Windows); the rename itself is still atomic
        }
    }
}
