package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.json.JsonNode;
import dev.bedrocksetup.json.JsonText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Claude Code would use, name by name, with where each value comes from and what it shadows — like
 * `git config --show-origin`. Variables: a settings `env` block (managed, local, project, user, in that order),
 * then the legacy `env` block of ~/.claude.json, beat the shell. Settings keys: managed, local, project, user. Files Claude Code skips contribute nothing.
 */
public final class EffectiveConfiguration {
    /** The variables that matter for Claude Code on Bedrock, in display order (from the catalogue). */
    public static final List<String> VARIABLES = ClaudeCodeSurface.shownVariables();
    /** Top-level settings keys that matter. */
    public static final List<String> SETTINGS_KEYS = ClaudeCodeSurface.shownSettings();
    /** Names whose values are secrets: shown masked, everywhere. */
    public static final Set<String> SECRET_NAMES = ClaudeCodeSurface.secretNames();

    /** One value and where it comes from. */
    public static final class Source {
        public final String origin;
        public final Path file;
        /** The settings scope the value comes from; null for the shell environment. */
        public final SettingsScope scope;
        /** The value: a String for strings, else the plain JSON value (a number, true, ...). */
        public final Object value;

        Source(String origin, Path file, Object value, SettingsScope scope) {
            this.origin = origin;
            this.file = file;
            this.value = value;
            this.scope = scope;
        }

        public boolean isString() {
            return value instanceof String;
        }

        /** The value as Claude Code sees it as text. */
        public String text() {
            return value instanceof String ? (String) value : JsonText.write(value);
        }
    }

    /** A name with its winning value first and the shadowed ones after. */
    public static final class Entry {
        public final String name;
        public final boolean variable;
        public final List<Source> sources;

        Entry(String name, boolean variable, List<Source> sources) {
            this.name = name;
            this.variable = variable;
            this.sources = Collections.unmodifiableList(sources);
        }

        public Source winner() {
            return sources.isEmpty() ? null : sources.get(0);
        }

        public List<Source> shadowed() {
            return sources.size() <= 1 ? List.of() : sources.subList(1, sources.size());
        }

        /**
         * The value shown to a person: a pasted blob by its start; masked when secret, and by its structure (URLs,
         * headers) otherwise.
         */
        public String display(Source s) {
            String t = TerminalText.shortenRuns(s.text(), TerminalText.LONGEST_SHOWN_RUN);
            if (SECRET_NAMES.contains(name)) {
                return Secrets.mask(t);
            }
            return Secrets.HEADER_VARIABLES.contains(name) ? Secrets.maskHeaderValues(t) : Secrets.redact(Secrets.maskUrl(t));
        }
    }

    private final Map<String, Entry> entries;

    private EffectiveConfiguration(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static EffectiveConfiguration resolve(SettingsSnapshot snapshot, Environment env) {
        Map<String, Entry> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(VARIABLES);
        for (SettingsSnapshot.FileState f : envFiles(snapshot)) {
            Object e = f.root.get("env");
            if (e instanceof Map) {
                for (Object k : ((Map<?, ?>) e).keySet()) {
                    if (!names.contains(k) && String.valueOf(k).matches("(AWS|ANTHROPIC|CLAUDE_CODE)_.*")) {
                        names.add((String) k);
                    }
                }
            }
        }
        for (String name : names) {
            List<Source> sources = new ArrayList<>();
            for (SettingsSnapshot.FileState f : envFiles(snapshot)) {
                Object e = f.root.get("env");
                if (e instanceof Map && ((Map<?, ?>) e).containsKey(name)) {
                    sources.add(new Source(f.origin(), f.path, ((Map<?, ?>) e).get(name), f.scope));
                }
            }
            String shell = env.get(name);
            if (shell != null) {
                sources.add(new Source("shell environment", null, shell, null));
            }
            out.put(name, new Entry(name, true, sources));
        }
        for (String key : SETTINGS_KEYS) {
            List<Source> sources = new ArrayList<>();
            for (SettingsSnapshot.FileState f : snapshot.files()) {
                if (f.root.containsKey(key)) {
                    sources.add(new Source(f.origin(), f.path, f.root.get(key), f.scope));
                }
            }
            out.put(key, new Entry(key, false, sources));
        }
        return new EffectiveConfiguration(out);
    }

    /**
     * The files whose env block Claude Code applies, highest precedence first: the settings files, then the legacy
     * env block of ~/.claude.json. Claude Code 2.1.330 assigns that block to its environment before the settings
     * files' blocks (so they beat it) and over the shell's (so it beats the shell).
     */
    private static List<SettingsSnapshot.FileState> envFiles(SettingsSnapshot snapshot) {
        List<SettingsSnapshot.FileState> files = new ArrayList<>(snapshot.files());
        if (snapshot.globalConfig() != null) {
            files.add(snapshot.globalConfig());
        }
        return files;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public Entry entry(String name) {
        Entry e = entries.get(name);
        return e != null ? e : new Entry(name, true, List.of());
    }

    /** The winning value as text, or null when nothing sets it. */
    public String value(String name) {
        Source w = entry(name).winner();
        return w == null || w.value == JsonNode.NULL ? null : w.text();
    }

    /** True when the winning value is set and not empty. */
    public boolean isSet(String name) {
        String v = value(name);
        return v != null && !v.isEmpty();
    }

    /**
     * Claude Code's reading of an on/off variable: 1, true, yes or on, in any case (e2e/ClaudeCodeBedrockSurfaceTest:
     * CLAUDE_CODE_USE_BEDROCK "yes" switches Bedrock on).
     */
    public boolean isTruthy(String name) {
        return ClaudeCodeValues.isOn(value(name));
    }
}
