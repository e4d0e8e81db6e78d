package dev.bedrocksetup.claude;

import java.util.LinkedHashMap;
import java.util.Map;

/** The modelOverrides in force: model ID → provider model ID, the highest-precedence settings file's entry winning. */
public final class ModelOverrides {
    private ModelOverrides() {}

    public static Map<String, String> inForce(SettingsSnapshot snapshot) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingsSnapshot.FileState f : snapshot.files()) {
            if (f.readable() && f.root.get(OwnedKeys.MODEL_OVERRIDES) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    if (v instanceof String target) {
                        out.putIfAbsent(String.valueOf(k), target);
                    }
                });
            }
        }
        return out;
    }
}
