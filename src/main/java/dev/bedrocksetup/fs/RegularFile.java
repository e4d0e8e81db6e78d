package dev.bedrocksetup.fs;

import dev.bedrocksetup.core.BedrockSetupException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one check every reader and writer of a user's file makes before opening it: only a regular file, reached
 * directly or through symbolic links, is read or replaced. A device (a link to /dev/null), a FIFO (reading one
 * blocks until someone writes), a socket or a directory is refused with one line naming the path and what it is.
 * The type is taken from the file's attributes, never by opening it, so a FIFO cannot hang the check itself.
 */
public final class RegularFile {
    /** No file the tool reads is anywhere near this; it keeps a runaway file (or /dev/zero) from exhausting memory. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private RegularFile() {}

    /** The file's attributes (links followed), or null when it does not exist; anything but a regular file fails. */
    public static BasicFileAttributes check(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null; // absent, or a dangling link: a writer creates the target
        } catch (AccessDeniedException e) {
            throw BedrockSetupException.local("permission denied reading " + path, "check its permissions", e);
        } catch (IOException e) {
            throw BedrockSetupException.local("cannot inspect " + path + ": " + e.getMessage(),
                    "check the path and its symbolic links", e);
        }
        if (!attributes.isRegularFile()) {
            throw BedrockSetupException.local(path + linkNote(path) + " is " + kind(path, attributes)
                    + ", not a regular file; bedrock-setup only reads and replaces regular files, so it was left alone",
                    "point it at a regular file, or move it away", null);
        }
        return attributes;
    }

    /** As {@link #check}, and refuses a file larger than {@link #MAX_BYTES}; returns its size (-1: absent). */
    public static long checkReadable(Path path) {
        BasicFileAttributes attributes = check(path);
        if (attributes == null) {
            return -1;
        }
        if (attributes.size() > MAX_BYTES) {
            throw BedrockSetupException.local(path + " is " + attributes.size() / (1024 * 1024) + " MiB; bedrock-setup "
                    + "reads files of at most " + MAX_BYTES / (1024 * 1024) + " MiB", "check that it is the right file",
                    null);
        }
        return attributes.size();
    }

    private static String linkNote(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return "";
        }
        try {
            return " (a symbolic link to " + path.toRealPath() + ")";
        } catch (IOException e) {
            return " (a symbolic link)";
        }
    }

    /** What a non-regular file is, in words ("a character device", "a FIFO (named pipe)"). */
    static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode")) & 0170000;
            switch (type) {
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0010000: return "a FIFO (named pipe)";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no "unix" view on this platform: the generic word below
        }
        return "a special file";
    }

    /** The number of hard links of a regular file (1 where the platform cannot tell). */
    public static int linkCount(Path path) {
        try {
            Object n = Files.getAttribute(path, "unix:nlink");
            return n instanceof Integer ? (Integer) n : 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }
}
