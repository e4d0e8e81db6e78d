package dev.bedrocksetup.fs;

import dev.bedrocksetup.core.BedrockSetupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads a text file strictly as UTF-8: a file we cannot decode exactly is refused, never "repaired". */
public final class TextFile {
    private TextFile() {}

    /** The file's text, or null when it does not exist; only a regular file is read ({@link RegularFile}). */
    public static String readOrNull(Path path) {
        if (RegularFile.checkReadable(path) < 0) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // read at most the cap (plus one byte to notice a file that grew past it since the check)
            bytes = in.readNBytes((int) RegularFile.MAX_BYTES + 1);
            if (bytes.length > RegularFile.MAX_BYTES) {
                throw BedrockSetupException.local(path + " grew past " + RegularFile.MAX_BYTES / (1024 * 1024)
                        + " MiB while being read", "check that it is the right file", null);
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw BedrockSetupException.local("permission denied reading " + path, "check its permissions", e);
        } catch (IOException e) {
            throw BedrockSetupException.local("could not read " + path + ": " + e.getMessage(), null, e);
        }
        return decode(path, bytes);
    }

    public static String decode(Path path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw BedrockSetupException.local(path + " is not valid UTF-8; it was left untouched",
                    "save it as UTF-8", e);
        }
    }

    public static String sha256(String text) {
        return text == null ? null : sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of raw bytes (null for null: an absent file). */
    public static String sha256(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's bytes as they are, or null when absent (a torn file need not be valid UTF-8). */
    public static byte[] bytesOrNull(Path path) {
        if (RegularFile.checkReadable(path) < 0) {
            return null;
        }
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw BedrockSetupException.local("could not read " + path + ": " + e.getMessage(), null, e);
        }
    }

    public static String sha1Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
