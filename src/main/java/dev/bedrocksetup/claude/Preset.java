package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.InputLimits;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonNode;
import dev.bedrocksetup.json.JsonSyntaxException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team preset: one JSON object whose keys are init's answers (schema in docs/preset-schema.md and docs/schema/preset.schema.json). Every key is
 * optional; flags given on the command line win. An unknown key or a value of the wrong type is refused, exit 2.
 */
public final class Preset {
    /** Preset keys: each init flag's name without the dashes, with the type of its value. */
    public static final Map<String, String> KEYS;

    static {
        Map<String, String> k = new LinkedHashMap<>();
        for (String name : List.of("profile", "sso-start-url", "sso-region", "sso-session", "account-id", "role-name",
                "region", "model", "opus-model", "sonnet-model", "haiku-model", "fable-model", "default-model",
                "region-prefix", "service-tier", "prompt-caching", "auth", "credentials", "auth-refresh", "scope")) {
            k.put(name, "string");
        }
        k.put("max-output-tokens", "number");
        k.put("max-thinking-tokens", "number");
        k.put("aws-chain-timeout-ms", "number");
        for (String name : List.of("use-device-code", "no-browser", "skip-login", "skip-probe", "vscode",
                "scrub-subprocess-env", "skip-aws-cred-cache", "no-auth-refresh-lock", "enforce-models")) {
            k.put(name, "boolean");
        }
        // the managed policy (issue 18): checked as its flags are (ModelPolicyAnswers: managed scope only)
        k.put("managed-fragment", "string");
        k.put("allow-model", "array");
        KEYS = java.util.Collections.unmodifiableMap(k);
    }

    private final Map<String, Object> values;
    private final String source;

    private Preset(Map<String, Object> values, String source) {
        this.values = values;
        this.source = source;
    }

    /** Where the answers came from, as the wizard and init show it: "preset team.json". */
    public String source() {
        return source;
    }

    public static Preset read(Path file) {
        dev.bedrocksetup.fs.RegularFile.checkReadable(file); // a device, FIFO or directory: exit 3, never read
        String text;
        try {
            text = TextFile.readOrNull(file);
        } catch (BedrockSetupException e) {
            throw BedrockSetupException.usage("--preset " + file + " cannot be read: " + e.getMessage(),
                    "give a readable JSON file");
        }
        if (text == null) {
            throw BedrockSetupException.usage("--preset " + file + " does not exist", "check the path");
        }
        return parse(text, file.toString(), String.valueOf(file.getFileName()));
    }

    /**
     * Validates a preset's text, wherever it came from (a file, a URL): {@code label} names it in messages and must
     * hold no secret; {@code name} is the short name answers are shown with ("team.json").
     */
    public static Preset parse(String text, String label, String name) {
        JsonDocument doc;
        try {
            doc = JsonDocument.parse(text);
        } catch (JsonSyntaxException e) {
            throw BedrockSetupException.usage("--preset " + label + ":" + e.line() + ":" + e.column() + ": "
                    + e.reason(), "fix the preset (strict JSON)");
        }
        for (String[] duplicate : doc.duplicateKeys()) {
            // JSON readers differ on which of two values they keep: a preset says one thing or is refused
            throw BedrockSetupException.usage("--preset " + label + ":" + duplicate[1] + ": \"" + duplicate[0]
                    + "\" is given a second time", "keep one \"" + duplicate[0] + "\" in the preset");
        }
        Object root = doc.root().toValue();
        if (!(root instanceof Map)) {
            throw BedrockSetupException.usage("--preset " + label + " must hold a JSON object", "see docs/preset-schema.md");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) root).entrySet()) {
            String key = (String) e.getKey();
            Object v = e.getValue();
            if (key.startsWith("$") || key.equals("description")) {
                continue; // "$schema", "description": for people
            }
            if (!KEYS.containsKey(key)) {
                throw BedrockSetupException.usage("--preset " + label + ": unknown key \"" + key + "\"",
                        "use the keys of docs/preset-schema.md: " + String.join(", ", KEYS.keySet()));
            }
            String type = KEYS.get(key);
            boolean ok = switch (type) {
                case "number" -> v instanceof BigDecimal;
                case "boolean" -> v instanceof Boolean;
                case "array" -> v instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
                default -> v instanceof String;
            };
            if (!ok || v == JsonNode.NULL) {
                throw BedrockSetupException.usage("--preset " + label + ": \"" + key + "\" must be "
                        + (type.equals("array") ? "an array of strings" : "a " + type), "correct the preset");
            }
            if (v instanceof List<?> list) {
                for (Object item : list) {
                    InputLimits.require("--preset " + label + ": \"" + key + "\"", (String) item);
                }
            }
            if (v instanceof BigDecimal n && !isCount(n)) {
                throw BedrockSetupException.usage("--preset " + label + ": \"" + key + "\" must be a whole number from 1"
                        + " to " + Integer.MAX_VALUE + ", not " + n, "correct the preset, e.g. \"" + key + "\": 32000");
            }
            if (v instanceof String s) {
                InputLimits.require("--preset " + label + ": \"" + key + "\"", s);
            }
            values.put(key, v);
        }
        return new Preset(values, "preset " + name);
    }

    /** A token count: whole, positive, and an int (1e10 and 32000.5 are not). */
    private static boolean isCount(BigDecimal n) {
        return n.signum() > 0 && n.stripTrailingZeros().scale() <= 0
                && n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    public String string(String key) {
        Object v = values.get(key);
        return v instanceof String ? (String) v : null;
    }

    public Integer number(String key) {
        Object v = values.get(key);
        return v instanceof BigDecimal ? ((BigDecimal) v).intValueExact() : null;
    }

    /** An array key's strings, or null. */
    public List<String> strings(String key) {
        Object v = values.get(key);
        return v instanceof List<?> list ? list.stream().map(String.class::cast).toList() : null;
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }
}
