package dev.bedrocksetup.bedrock;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What to pin so a fleet does not drift when Claude Code's defaults change: ANTHROPIC_MODEL and
 * ANTHROPIC_DEFAULT_OPUS/SONNET/HAIKU_MODEL. Each tier gets its newest active, non-legacy system profile, the
 * region's own geography preferred over global. (as Claude Code derives it), then global. The primary model is the
 * Opus pin (Claude Code's own default is Opus), else Sonnet. A null pin: the region offers no such model.
 */
public record Recommendation(String primary, String opus, String sonnet, String haiku) {
    static Recommendation from(Catalogue c) {
        String opus = newest(c, "opus").orElse(null);
        String sonnet = newest(c, "sonnet").orElse(null);
        String haiku = newest(c, "haiku").orElse(null);
        return new Recommendation(opus != null ? opus : sonnet, opus, sonnet, haiku);
    }

    private static Optional<String> newest(Catalogue c, String family) {
        String geo = RegionNames.geographyPrefix(c.region());
        List<ClaudeProfile> candidates = c.profiles().stream()
                .filter(p -> p.type().equals(ClaudeProfile.SYSTEM_DEFINED) && p.isActive())
                .filter(p -> p.model().family().equals(family) && !p.model().isLegacy()).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        ClaudeModelName newest = candidates.stream().map(ClaudeProfile::model).sorted().findFirst().get();
        Comparator<ClaudeProfile> byPrefix = Comparator.comparingInt(p -> p.prefix().equals(geo) ? 0
                : p.prefix().equals("global") ? 1 : 2);
        return candidates.stream().filter(p -> p.model().compareTo(newest) == 0).sorted(byPrefix.thenComparing(
                ClaudeProfile::id)).map(ClaudeProfile::id).findFirst();
    }
}
