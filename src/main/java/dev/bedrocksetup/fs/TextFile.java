package dev.bedrocksetup.fs;

import dev.bedrocksetup.core.BedrockSetupException;
import java.io.IOException;
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

    /** The file's text, or null when it does not exist. */
    public static String readOrNull(Path path) {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw BedrockSetupException.local(path + " is a directory, not a file", "remove or rename it", null);
            }
            bytes = Files.readAllBytes(path);
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
        if (text == null) {
            return null;
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
