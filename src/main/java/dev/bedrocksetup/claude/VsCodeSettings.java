package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.json.JsonEditor;
import dev.bedrocksetup.json.JsonNode;
import dev.bedrocksetup.json.JsonText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Claude Code extension's settings in VS Code's user settings.json (JSON with comments):
 * {@code claudeCode.environmentVariables} is an ARRAY of {@code {"name", "value"}} objects, and
 * {@code claudeCode.disableLoginPrompt} stops the Anthropic login screen. Entries for other variables are kept.
 */
public final class VsCodeSettings {
    public static final String VARIABLES = "claudeCode.environmentVariables";
    public static final String DISABLE_LOGIN = "claudeCode.disableLoginPrompt";

    private VsCodeSettings() {}

    /** VS Code's user settings file on this OS (stable channel). */
    public static Path path(Environment env) {
        switch (env.os()) {
            case MACOS:
                return env.home().resolve("Library/Application Support/Code/User/settings.json");
            case WINDOWS: {
                String appData = env.nonBlank("APPDATA");
                return appData != null ? Path.of(appData, "Code", "User", "settings.json")
                        : env.home().resolve("AppData/Roaming/Code/User/settings.json");
            }
            default: {
                String xdg = env.nonBlank("XDG_CONFIG_HOME");
                return (xdg != null ? Path.of(xdg) : env.home().resolve(".config")).resolve("Code/User/settings.json");
            }
        }
    }

    /** The values to write (raw JSON) for the given variables; other variables already in the array are kept. */
    public static Map<List<String>, String> desired(JsonEditor current, Map<String, String> variables) {
        List<Map<String, Object>> entries = new ArrayList<>();
        JsonNode.Member existing = current.find(List.of(VARIABLES));
        Map<String, String> pending = new LinkedHashMap<>(variables);
        if (existing != null && existing.value().toValue() instanceof List) {
            for (Object o : (List<?>) existing.value().toValue()) {
                if (o instanceof Map && ((Map<?, ?>) o).get("name") instanceof String) {
                    String name = (String) ((Map<?, ?>) o).get("name");
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("name", name);
                    e.put("value", pending.containsKey(name) ? pending.remove(name) : ((Map<?, ?>) o).get("value"));
                    entries.add(e);
                }
            }
        }
        for (Map.Entry<String, String> v : pending.entrySet()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", v.getKey());
            e.put("value", v.getValue());
            entries.add(e);
        }
        String indent = current.indentUnit();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < entries.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('\n').append(indent).append(indent).append(JsonText.write(entries.get(i))
                    .replace("\":\"", "\": \"").replace("\",\"", "\", \""));
        }
        sb.append('\n').append(indent).append(']');
        Map<List<String>, String> out = new LinkedHashMap<>();
        out.put(List.of(VARIABLES), sb.toString());
        out.put(List.of(DISABLE_LOGIN), "true");
        return out;
    }

    /** The variables the extension needs, from the settings bedrock-setup writes for Claude Code. */
    public static Map<String, String> variablesFor(BedrockSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("CLAUDE_CODE_USE_BEDROCK", "1");
        if (s.region != null) {
            v.put("AWS_REGION", s.region);
        }
        if (s.profile != null && s.credentials != BedrockSettings.CredentialsMode.EXPORT) {
            v.put("AWS_PROFILE", s.profile);
        }
        if (s.model != null) {
            v.put("ANTHROPIC_MODEL", s.model);
        }
        if (s.opusModel != null) {
            v.put("ANTHROPIC_DEFAULT_OPUS_MODEL", s.opusModel);
        }
        if (s.sonnetModel != null) {
            v.put("ANTHROPIC_DEFAULT_SONNET_MODEL", s.sonnetModel);
        }
        if (s.haikuModel != null) {
            v.put("ANTHROPIC_DEFAULT_HAIKU_MODEL", s.haikuModel);
        }
        return v;
    }
}
