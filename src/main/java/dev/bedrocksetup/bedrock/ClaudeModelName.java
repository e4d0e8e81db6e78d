package dev.bedrocksetup.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a Claude model ID says about the model: its family (opus, sonnet, haiku, or a newer one) and version, read
 * from the ID's shape, e.g. {@code anthropic.claude-opus-4-6-v1} (Opus 4.6), {@code anthropic.claude-sonnet-4-5-
 * 20250929-v1:0} (Sonnet 4.5), {@code anthropic.claude-3-5-sonnet-20240620-v1:0} (Sonnet 3.5, legacy naming).
 */
public record ClaudeModelName(String family, List<Integer> version) implements Comparable<ClaudeModelName> {
    /** The tiers Claude Code pins, in the order they are shown; newer families come after them. */
    public static final List<String> TIERS = List.of("opus", "sonnet", "haiku");

    public ClaudeModelName {
        version = List.copyOf(version);
    }

    /** Parses a foundation-model or inference-profile ID; null when it is not a Claude model. */
    public static ClaudeModelName parse(String id) {
        if (id == null) {
            return null;
        }
        int at = id.indexOf("anthropic.claude-");
        if (at < 0) {
            return null;
        }
        String rest = id.substring(at + "anthropic.claude-".length());
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            rest = rest.substring(0, colon);
        }
        String family = null;
        List<Integer> version = new ArrayList<>();
        for (String token : rest.split("-")) {
            if (token.matches("[0-9]{1,2}")) {
                version.add(Integer.parseInt(token));
            } else if (token.matches("[a-z]+") && family == null && !token.matches("v[0-9]*")) {
                family = token.toLowerCase(Locale.ROOT);
            }
        }
        return family == null ? null : new ClaudeModelName(family, version);
    }

    /** "Opus 4.6", "Sonnet 4.5", "Opus 5". */
    public String label() {
        StringBuilder sb = new StringBuilder(Character.toUpperCase(family.charAt(0)) + family.substring(1));
        if (!version.isEmpty()) {
            sb.append(' ');
            for (int i = 0; i < version.size(); i++) {
                sb.append(i == 0 ? "" : ".").append(version.get(i));
            }
        }
        return sb.toString();
    }

    public boolean isLegacy() {
        return !version.isEmpty() && version.get(0) <= 3;
    }

    /** Family order (Opus, Sonnet, Haiku, then newer families by name), then newest version first. */
    @Override
    public int compareTo(ClaudeModelName o) {
        int f = Integer.compare(familyRank(family), familyRank(o.family));
        if (f != 0) {
            return f;
        }
        if (familyRank(family) == TIERS.size()) {
            int byName = family.compareTo(o.family);
            if (byName != 0) {
                return byName;
            }
        }
        for (int i = 0; i < Math.max(version.size(), o.version.size()); i++) {
            int a = i < version.size() ? version.get(i) : 0;
            int b = i < o.version.size() ? o.version.get(i) : 0;
            if (a != b) {
                return Integer.compare(b, a);
            }
        }
        return 0;
    }

    private static int familyRank(String family) {
        int i = TIERS.indexOf(family);
        return i < 0 ? TIERS.size() : i;
    }
}
