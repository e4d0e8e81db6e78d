package dev.bedrocksetup.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Directories every user of the machine can write. A token or key written into one can be read or swapped by any
 * of them (they can rename the file away and put their own in its place), so secrets never go there.
 */
public final class WorldWritable {
    private WorldWritable() {}

    /** The directory's mode ("rwxrwxrwx") when others may write it, else null (also when it does not exist). */
    public static String mode(Path dir) {
        try {
            if (!Files.isDirectory(dir) || !dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return null;
            }
            var perms = Files.getPosixFilePermissions(dir);
            return perms.contains(PosixFilePermission.OTHERS_WRITE) ? PosixFilePermissions.toString(perms) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Refuses (exit 3) to write {@code what} into {@code dir} when it, or a directory between {@code top} and it, is
     * writable by every user.
     */
    public static void refuseSecretIn(Path dir, Path top, String what) {
        Path top0 = top.toAbsolutePath().normalize();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && d.startsWith(top0); d = d.getParent()) {
            String mode = mode(d);
            if (mode != null) {
                throw BedrockSetupException.local(d + " is writable by every user of this machine (" + mode + "), so "
                        + what + " is not written there", "make it yours alone: chmod o-w " + d, null);
            }
        }
    }
}
