package dev.bedrocksetup.doctor;

import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.json.JsonText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A settings change that repairs a finding without guessing: key values (raw JSON; null removes) in one settings
 * scope. Applied by `doctor --fix` through the same plan, diff and journal as `init`, so `reset` undoes it.
 */
public final class SafeFix {
    public final SettingsScope scope;
    public final Map<List<String>, String> values;
    public final String description;

    public SafeFix(SettingsScope scope, Map<List<String>, String> values, String description) {
        this.scope = scope;
        this.values = values;
        this.description = description;
    }

    /** This fix and another of the same scope, as one change (one diff, one confirmation, one journal entry). */
    public SafeFix and(SafeFix other) {
        if (other.scope != scope) {
            throw new IllegalArgumentException("fixes of different scopes: " + scope + ", " + other.scope);
        }
        Map<List<String>, String> m = new LinkedHashMap<>(values);
        m.putAll(other.values);
        return new SafeFix(scope, m, description + "; " + other.description);
    }

    /** Set env.NAME to a string value. */
    public static SafeFix setEnv(SettingsScope scope, String name, String value, String description) {
        Map<List<String>, String> m = new LinkedHashMap<>();
        m.put(List.of("env", name), JsonText.quote(value));
        return new SafeFix(scope, m, description);
    }
}
