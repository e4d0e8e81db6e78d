package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonEditor;
import dev.bedrocksetup.json.JsonNode;
import dev.bedrocksetup.json.JsonNode.Member;
import dev.bedrocksetup.json.JsonNode.ObjectNode;
import dev.bedrocksetup.json.JsonSyntaxException;
import java.nio.file.Path;

/**
 * A Claude Code settings file read as strictly as Claude Code reads it. Anything Claude Code would skip (comments,
 * trailing commas, a byte order mark, a top level that is not an object) is refused with file, line and column,
 * and the file is left untouched.
 */
public final class ClaudeSettingsDocument {
    private ClaudeSettingsDocument() {}

    /** True when the text is empty or only white space: treated as an empty object, and restored on reset. */
    public static boolean isTrivial(String text) {
        return text != null && text.isBlank();
    }

    /** Opens an editor on the file's text (null or blank text: a new empty object). */
    public static JsonEditor edit(Path path, String text) {
        return edit(path, text, false);
    }

    /** As {@link #edit(Path, String)}; {@code lenient} for files that allow comments (VS Code's settings). */
    public static JsonEditor edit(Path path, String text, boolean lenient) {
        String source = text == null || isTrivial(text) ? "{}" : text;
        if (lenient && source.startsWith("\uFEFF")) {
            throw refuse(path, 1, 1, "a byte order mark (BOM) starts the file");
        }
        JsonDocument doc;
        try {
            doc = JsonDocument.parse(source, lenient);
        } catch (JsonSyntaxException e) {
            throw refuse(path, e.line(), e.column(), e.reason());
        }
        if (!(doc.root() instanceof ObjectNode)) {
            throw refuse(path, doc.lineOf(doc.root().start()), 1,
                    "the settings must be a JSON object ({ ... }), not " + kind(doc.root()));
        }
        checkShape(path, doc);
        try {
            return new JsonEditor(source, lenient);
        } catch (JsonSyntaxException e) {
            throw refuse(path, e.line(), e.column(), e.reason());
        }
    }

    private static void checkShape(Path path, JsonDocument doc) {
        ObjectNode root = (ObjectNode) doc.root();
        for (String[] dup : doc.duplicateKeys()) {
            String key = dup[0];
            if (OwnedKeys.isOwnedOrContainer(key)) {
                throw refuse(path, Integer.parseInt(dup[1]), 1, "the key \"" + key
                        + "\" appears twice; Claude Code uses the last one, so an edit would be ambiguous");
            }
        }
        Member env = root.member("env");
        if (env != null && !(env.value() instanceof ObjectNode)) {
            throw refuse(path, doc.lineOf(env.start()), 1, "\"env\" must be an object of strings, not "
                    + kind(env.value()));
        }
    }

    private static String kind(JsonNode n) {
        if (n instanceof ObjectNode) {
            return "an object";
        }
        if (n instanceof JsonNode.ArrayNode) {
            return "an array";
        }
        Object v = n.toValue();
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v == JsonNode.NULL) {
            return "null";
        }
        return "a number";
    }

    static BedrockSetupException refuse(Path path, int line, int column, String reason) {
        return BedrockSetupException.local(path + ":" + line + ":" + column + ": " + reason
                + "; the file was left untouched",
                "correct the file (strict JSON: no comments, no trailing commas) and run again", null);
    }
}
