package dev.bedrocksetup.bedrock;

import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.claude.SettingsSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The managed `availableModels` as Claude Code 2.1.330 reads it: the entries of every managed document joined (its
 * merge joins arrays), each a family alias ("sonnet" allows any Sonnet) or the start of a whole model ID up to a dash
 * ("apac.anthropic.claude-sonnet-4-5" allows apac.anthropic.claude-sonnet-4-5-20250929-v1:0). Claude Code's schema
 * also describes version prefixes such as "claude-sonnet-4-5"; against Bedrock IDs they allow nothing (observed). Only the policy tier counts: an
 * allowlist in a file its user can edit restricts no one (decision 0041).
 */
public final class ModelAllowlist {
    static final List<String> FAMILIES = List.of("opus", "sonnet", "haiku", "fable");

    private final List<String> entries;
    private final List<SettingsSnapshot.FileState> sources;

    private ModelAllowlist(List<String> entries, List<SettingsSnapshot.FileState> sources) {
        this.entries = Collections.unmodifiableList(entries);
        this.sources = Collections.unmodifiableList(sources);
    }

    /** The managed allowlist, or null when no managed document sets availableModels (every model is allowed). */
    public static ModelAllowlist managed(SettingsSnapshot snapshot) {
        List<String> entries = new ArrayList<>();
        List<SettingsSnapshot.FileState> sources = new ArrayList<>();
        List<SettingsSnapshot.FileState> managed = new ArrayList<>();
        for (SettingsSnapshot.FileState f : snapshot.files()) {
            if (f.scope == SettingsScope.MANAGED && f.readable() && f.root.get("availableModels") instanceof List) {
                managed.add(0, f); // back into merge order: the union lists the earliest document's entries first
            }
        }
        for (SettingsSnapshot.FileState f : managed) {
            sources.add(f);
            for (Object o : (List<?>) f.root.get("availableModels")) {
                if (o instanceof String s && !entries.contains(s)) {
                    entries.add(s);
                }
            }
        }
        return sources.isEmpty() ? null : new ModelAllowlist(entries, sources);
    }

    public List<String> entries() {
        return entries;
    }

    /** The documents that set it, in merge order. */
    public List<SettingsSnapshot.FileState> sources() {
        return sources;
    }

    /** Whether {@code model} (a model ID or a Claude Code alias) is allowed by some entry. */
    public boolean allows(String model) {
        for (String e : entries) {
            if (allows(e, model)) {
                return true;
            }
        }
        return false;
    }

    static boolean allows(String entry, String model) {
        String e = normal(entry);
        String m = normal(model);
        if (e.isEmpty() || m.isEmpty()) {
            return false;
        }
        if (FAMILIES.contains(e)) {
            return e.equals(FAMILIES.contains(m) ? m : family(m));
        }
        // any other entry is the start of the whole ID, up to a dash: run against 2.1.330 (e2e), "claude-sonnet-4-5"
        // allows no Bedrock ID while "apac.anthropic.claude-sonnet-4-5" allows apac.anthropic.claude-sonnet-4-5-...
        return m.equals(e) || m.startsWith(e) && m.charAt(e.length()) == '-';
    }

    /** Lower case, the 1M-context tag and surrounding space removed. */
    private static String normal(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replaceAll("\\[1m\\]$", "").strip();
    }

    private static String family(String id) {
        ClaudeModelName n = ClaudeModelName.parse(id.contains("anthropic.") ? id : "anthropic." + id);
        return n == null ? null : n.family();
    }

}
