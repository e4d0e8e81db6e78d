package dev.bedrocksetup.cli;

import dev.bedrocksetup.bedrock.BedrockRegions;
import dev.bedrocksetup.bedrock.Catalogue;
import dev.bedrocksetup.bedrock.ClaudeProfile;
import dev.bedrocksetup.bedrock.ModelListing;
import dev.bedrocksetup.bedrock.Recommendation;
import dev.bedrocksetup.core.TerminalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How `models` shows a catalogue: a table for people, JSON for scripts. */
final class ModelsView {
    private ModelsView() {}

    /** The table at any width: for a pipe, a file, or a wide enough terminal. */
    static String table(Catalogue c) {
        return table(c, Integer.MAX_VALUE);
    }

    /** The table for a terminal {@code width} columns wide: stacked records where the columns would not fit. */
    static String table(Catalogue c, int width) {
        StringBuilder sb = new StringBuilder();
        String geo = BedrockRegions.geographyPrefix(c.region());
        sb.append("Claude inference profiles in ").append(c.region()).append(" (Claude Code derives the prefix ")
                .append(geo).append(".)\n");
        if (c.isFallback()) {
            sb.append("FALLBACK: ").append(c.fallbackReason()).append("\n");
        }
        if (c.profiles().isEmpty()) {
            sb.append("No Claude inference profiles here; try --all-regions.\n");
            return wrapped(sb.toString(), width);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"MODEL", "PROFILE ID", "TYPE", "STATUS", "RUNS"});
        c.byModel().forEach((label, profiles) -> {
            boolean first = true;
            for (ClaudeProfile p : profiles) {
                rows.add(new String[] {first ? label : "", p.id(),
                    p.type().equals(ClaudeProfile.APPLICATION) ? "application" : "system", String.valueOf(p.status()),
                    String.join(", ", p.modelIds())});
                first = false;
            }
        });
        sb.append(fit(rows, width));
        Recommendation r = c.recommend();
        sb.append("\nRecommended pins (settings env):\n");
        List<String[]> pins = new ArrayList<>();
        pins.add(new String[] {"  ANTHROPIC_MODEL", orNone(r.primary())});
        pins.add(new String[] {"  ANTHROPIC_DEFAULT_OPUS_MODEL", orNone(r.opus())});
        pins.add(new String[] {"  ANTHROPIC_DEFAULT_SONNET_MODEL", orNone(r.sonnet())});
        pins.add(new String[] {"  ANTHROPIC_DEFAULT_HAIKU_MODEL", orNone(r.haiku())});
        String pinColumns = columns(pins);
        sb.append(widest(pinColumns) <= width ? pinColumns : stacked(pins, null, width));
        return wrapped(sb.toString(), width);
    }

    /** The region the wizard recommends too: the one with the most Claude profiles of its geography. */
    static String recommendedRegion(List<ModelListing.RegionOutcome> outcomes) {
        return BedrockRegions.recommended(outcomes.stream().map(ModelListing.RegionOutcome::catalogue).toList());
    }

    static String table(List<ModelListing.RegionOutcome> outcomes) {
        return table(outcomes, Integer.MAX_VALUE);
    }

    static String table(List<ModelListing.RegionOutcome> outcomes, int width) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"REGION", "PREFIX", "CLAUDE", "RECOMMENDED ANTHROPIC_MODEL"});
        List<String> problems = new ArrayList<>();
        for (ModelListing.RegionOutcome o : outcomes) {
            String prefix = BedrockRegions.geographyPrefix(o.region()) + ".";
            if (o.failed()) {
                rows.add(new String[] {o.region(), prefix, "error", "-"});
                problems.add(o.region() + ": " + o.error() + (o.fix() == null ? "" : "\n  fix: " + o.fix()));
                continue;
            }
            Catalogue c = o.catalogue();
            String count = c.isFallback() ? "unknown (listing denied)" : String.valueOf(c.profiles().size());
            rows.add(new String[] {o.region(), prefix, count, c.isFallback() || c.profiles().isEmpty() ? "-"
                    : orNone(c.recommend().primary())});
        }
        StringBuilder sb = new StringBuilder(fit(rows, width));
        sb.append("\nRecommended default region: ").append(recommendedRegion(outcomes)).append('\n');
        if (!problems.isEmpty()) {
            sb.append("\nRegions that could not be listed:\n");
            problems.forEach(p -> sb.append(p).append('\n'));
        }
        return wrapped(sb.toString(), width);
    }

    static Map<String, Object> json(Catalogue c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", c.region());
        out.put("geographyPrefix", BedrockRegions.geographyPrefix(c.region()));
        out.put("fallback", c.fallbackReason());
        List<Object> profiles = new ArrayList<>();
        for (ClaudeProfile p : c.profiles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("arn", p.arn());
            m.put("name", p.name());
            m.put("type", p.type());
            m.put("status", p.status());
            m.put("prefix", p.prefix());
            m.put("family", p.model().family());
            m.put("model", p.model().label());
            m.put("modelIds", p.modelIds());
            profiles.add(m);
        }
        out.put("profiles", profiles);
        Recommendation r = c.recommend();
        Map<String, Object> pins = new LinkedHashMap<>();
        pins.put("ANTHROPIC_MODEL", r.primary());
        pins.put("ANTHROPIC_DEFAULT_OPUS_MODEL", r.opus());
        pins.put("ANTHROPIC_DEFAULT_SONNET_MODEL", r.sonnet());
        pins.put("ANTHROPIC_DEFAULT_HAIKU_MODEL", r.haiku());
        out.put("recommended", pins);
        return out;
    }

    static Map<String, Object> json(List<ModelListing.RegionOutcome> outcomes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recommendedDefaultRegion", recommendedRegion(outcomes));
        List<Object> regions = new ArrayList<>();
        for (ModelListing.RegionOutcome o : outcomes) {
            if (o.failed()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("region", o.region());
                m.put("geographyPrefix", BedrockRegions.geographyPrefix(o.region()));
                m.put("error", o.error());
                m.put("fix", o.fix());
                regions.add(m);
            } else {
                regions.add(json(o.catalogue()));
            }
        }
        out.put("regions", regions);
        return out;
    }

    private static String orNone(String s) {
        return s == null ? "(none offered here)" : s;
    }

    /** Columns when they fit {@code width}, else each row stacked under its first cell. */
    private static String fit(List<String[]> rows, int width) {
        String table = columns(rows);
        return widest(table) <= width ? table : stacked(rows.subList(1, rows.size()), rows.get(0), width);
    }

    /** The sentences around the table wrapped at words to {@code width}; lines that fit stay as they are. */
    private static String wrapped(String text, int width) {
        if (widest(text) <= width) {
            return text;
        }
        return String.join("\n", TerminalText.wrap(text.substring(0, text.length() - 1), width)) + "\n";
    }

    private static int widest(String text) {
        return text.lines().mapToInt(TerminalText::width).max().orElse(0);
    }

    /**
     * The narrow layout: a row's first cell on its own line (a row whose first cell is empty continues the one
     * above), then its second cell on a line of its own and its other cells as "heading: value", as many to a line
     * as fit, indented.
     */
    static String stacked(List<String[]> rows, String[] headings, int width) {
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            if (!r[0].isBlank()) {
                sb.append(r[0]).append('\n');
            }
            String line = "";
            for (int i = 1; i < r.length; i++) {
                if (r[i].isEmpty()) {
                    continue;
                }
                String cell = headings == null ? r[i] : headings[i].toLowerCase(Locale.ROOT) + ": " + r[i];
                String indent = r[0].startsWith(" ") ? "    " : "  ";
                boolean joins = i > 2; // the row's second cell (what it is: the profile ID) has its own line
                if (joins && !line.isEmpty() && !line.contains("\n")
                        && TerminalText.width(line + "  " + cell) <= width) {
                    line += "  " + cell;
                    continue;
                }
                if (!line.isEmpty()) {
                    sb.append(line).append('\n');
                }
                line = String.join("\n", TerminalText.wrap(indent + cell, width));
            }
            if (!line.isEmpty()) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** Left-aligned columns two spaces apart; trailing spaces trimmed. */
    static String columns(List<String[]> rows) {
        int n = rows.get(0).length;
        int[] width = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.append(r[i]);
                if (i < n - 1) {
                    line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
