package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.fs.TextFile;
import java.util.Set;

/**
 * How a line bedrock-setup wrote is kept in the journal, for undo: as written, except a secret's line, which is kept
 * as its key and a SHA-256 of the whole line. Undo finds the line by that fingerprint just as exactly, and the journal
 * (a plain file a user may paste into a bug report) never holds a secret (docs/decisions/0034).
 */
final class JournalledLine {
    static final Set<String> SECRET_KEYS = Set.of("aws_secret_access_key", "aws_session_token");
    private static final String MARK = " = <sha256:";

    private JournalledLine() {}

    /** The journal's form of {@code line}. */
    static String of(String line) {
        int eq = line.indexOf('=');
        String key = eq < 0 ? "" : line.substring(0, eq).strip();
        return SECRET_KEYS.contains(key) ? key + MARK + TextFile.sha256(line) + ">" : line;
    }

    /** Whether {@code actual}, a line of the file now, is the line the journal recorded as {@code recorded}. */
    static boolean matches(String recorded, String actual) {
        return recorded.equals(actual) || recorded.contains(MARK) && recorded.equals(of(actual));
    }
}
