package dev.bedrocksetup.setup;

import dev.bedrocksetup.claude.Preset;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.TerminalText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where `--preset` points: a file, or a URL (fetched over HTTPS only, by {@link PresetDownload}). Either way the
 * text is validated by {@link Preset#parse}, so a preset means the same wherever it came from.
 */
public final class PresetSource {
    private PresetSource() {}

    // "https://…", or a scheme people type without the slashes ("file:team.json"); never "C:\team.json"
    private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]+://.*|(?:file|https?|ftp|data):.*");

    public static boolean isUrl(String arg) {
        return URL.matcher(arg).matches();
    }

    /** Reads the preset {@code arg} names (null: none). */
    public static Preset load(String arg, Environment env) {
        if (arg == null) {
            return null;
        }
        if (isUrl(arg)) {
            return PresetDownload.fetch(arg, env);
        }
        Path file;
        try {
            file = Path.of(arg);
        } catch (InvalidPathException e) {
            throw BedrockSetupException.usage("--preset " + TerminalText.quote(arg) + " is not a file name",
                    "give the path of a JSON file, or an https:// URL");
        }
        return Preset.read(file);
    }
}
