package dev.bedrocksetup.fs;

import dev.bedrocksetup.core.BedrockSetupException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The only way bedrock-setup replaces a file: a temporary file in the same directory, written and fsynced, then
 * renamed over the target, then the directory fsynced. A reader sees the old file or the new one, never a mix.
 * A symlink is followed and its target replaced, so the link stays a link. The target's permissions are kept.
 */
public final class AtomicFileWriter {
    /** Points of a write at which a test can inject a fault. */
    public enum Step { TEMP_CREATED, TEMP_WRITTEN, TEMP_SYNCED, RENAMED }

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
        try {
            createDirectories(dir, newDirMode);
            Set<PosixFilePermission> perms = null;
            boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (exists) {
                perms = posixPermissions(target);
                if (perms != null && !perms.contains(PosixFilePermission.OWNER_WRITE)) {
                    throw BedrockSetupException.local(target + " is read-only (mode "
                            + PosixFilePermissions.toString(perms) + "); nothing was written",
                            "make it writable with: chmod u+w " + target, null);
                }
                if (perms != null && requiredMode != null) {
                    perms = PosixFilePermissions.fromString(requiredMode);
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
            throw BedrockSetupException.local("permission denied writing " + target + "; nothing was written",
                    "check the permissions of " + dir, e);
        } catch (IOException e) {
            throw BedrockSetupException.local("could not write " + target + ": " + e.getMessage()
                    + "; the file is unchanged", "check free disk space and permissions of " + dir, e);
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

    /** Deletes a file (following a symlink to its target only when asked: a link we did not create stays). */
    public void delete(Path path) {
        try {
            Path target = resolveTarget(path);
            Files.deleteIfExists(target);
            syncDirectory(target.getParent());
        } catch (IOException e) {
            throw BedrockSetupException.local("could not delete " + path + ": " + e.getMessage(),
                    "check permissions of " + path.getParent(), e);
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

    /** A crash (power loss, SIGKILL) can leave a temporary file behind: the next write of the same file removes it. */
    private static void removeStaleTemps(Path target) throws IOException {
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
