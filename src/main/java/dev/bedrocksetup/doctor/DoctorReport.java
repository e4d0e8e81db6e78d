package dev.bedrocksetup.doctor;

import dev.bedrocksetup.claude.EffectiveConfiguration;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.json.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The doctor's result and its two renderings. The JSON schema (version 1) is stable:
 * {@code {schemaVersion, claudeCodeVersion, effective: [{name, value, origin, file, shadowed: [{value, origin,
 * file}]}], findings: [{id, group, status, title, detail, fix}], summary: {ok, warn, fail, skipped}}}; statuses are
 * "ok", "warn", "fail", "skipped"; secrets are masked.
 */
public final class DoctorReport {
    public final EffectiveConfiguration effective;
    public final List<Finding> findings;
    public final String claudeVersion;

    public DoctorReport(EffectiveConfiguration effective, List<Finding> findings, String claudeVersion) {
        this.effective = effective;
        this.findings = findings;
        this.claudeVersion = claudeVersion;
    }

    public int count(Status s) {
        int n = 0;
        for (Finding f : findings) {
            if (f.status == s) {
                n++;
            }
        }
        return n;
    }

    public boolean hasFailures() {
        return count(Status.FAIL) > 0;
    }

    public Finding finding(String id) {
        for (Finding f : findings) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }

    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", 1);
        doc.put("claudeCodeVersion", claudeVersion);
        List<Object> eff = new ArrayList<>();
        for (EffectiveConfiguration.Entry e : effective.entries()) {
            if (e.winner() == null) {
                continue;
            }
            Map<String, Object> m = source(e, e.winner());
            m.put("name", e.name);
            List<Object> sh = new ArrayList<>();
            for (EffectiveConfiguration.Source s : e.shadowed()) {
                sh.add(source(e, s));
            }
            m.put("shadowed", sh);
            Map<String, Object> ordered = new LinkedHashMap<>();
            ordered.put("name", e.name);
            ordered.putAll(m);
            eff.add(ordered);
        }
        doc.put("effective", eff);
        List<Object> fs = new ArrayList<>();
        for (Finding f : findings) {
            fs.add(f.toJson());
        }
        doc.put("findings", fs);
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            summary.put(s.name().toLowerCase(Locale.ROOT), count(s));
        }
        doc.put("summary", summary);
        return JsonText.pretty(doc, "  ") + "\n";
    }

    private static Map<String, Object> source(EffectiveConfiguration.Entry e, EffectiveConfiguration.Source s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", e.display(s));
        m.put("origin", s.origin);
        m.put("file", s.file == null ? null : s.file.toString());
        return m;
    }

    /** The whole human report, every check (doctor --all): the effective configuration, each group, the counts. */
    public String toText(Style style) {
        StringBuilder sb = new StringBuilder(effectiveText(effective, style, true));
        String group = null;
        List<Finding> run = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.group.equals(group) && !run.isEmpty()) {
                sb.append(groupText(style, group, run));
                run.clear();
            }
            group = f.group;
            run.add(f);
        }
        if (!run.isEmpty()) {
            sb.append(groupText(style, group, run));
        }
        return sb.append(countsText()).toString();
    }

    /**
     * The default report (decision 0036): the effective configuration in short, then each failure and each warning
     * with its fix, then one line naming the failing checks; a healthy setup is the configuration and one line.
     */
    public String toProblemsText(Style style) {
        return effectiveText(effective, style, false) + problemsText(style) + summaryText(style);
    }

    /**
     * What Claude Code would use. {@code full}: each set name with its value, where it comes from and the values it
     * shadows; else one {@code NAME=value} a line, which fits 80 columns for a model ID under the longest name.
     */
    public static String effectiveText(EffectiveConfiguration effective, Style style, boolean full) {
        StringBuilder sb = new StringBuilder();
        sb.append(style.bold("Effective configuration")).append(full
                ? " (what Claude Code would use; highest precedence first)\n"
                : " (what Claude Code would use; --all shows where each value comes from)\n");
        int width = 0;
        for (EffectiveConfiguration.Entry e : effective.entries()) {
            if (e.winner() != null) {
                width = Math.max(width, e.name.length());
            }
        }
        boolean any = false;
        for (EffectiveConfiguration.Entry e : effective.entries()) {
            if (e.winner() == null) {
                continue;
            }
            any = true;
            if (!full) {
                String v = line(e.display(e.winner()));
                sb.append("  ").append(e.name).append('=').append(v.isEmpty() || v.matches(".*\\s.*") ? quote(v) : v)
                        .append('\n');
                continue;
            }
            sb.append("  ").append(pad(e.name, width)).append(" = ").append(quote(e.display(e.winner())))
                    .append("  ").append(style.dim(origin(e.winner()))).append('\n');
            for (EffectiveConfiguration.Source s : e.shadowed()) {
                sb.append("  ").append(pad("", width)).append("   ").append(style.dim("shadows " + quote(e.display(s))
                        + "  " + origin(s))).append('\n');
            }
        }
        if (!any) {
            sb.append("  (nothing set)\n");
        }
        return Secrets.redact(sb.toString());
    }

    /** One group of checks as doctor --all shows it: its name, then each finding, with the fix of a problem. */
    public static String groupText(Style style, String group, List<Finding> groupFindings) {
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append(style.bold(group)).append('\n');
        for (Finding f : groupFindings) {
            sb.append(findingText(style, f, false));
        }
        return Secrets.redact(sb.toString());
    }

    /** The line counting every status, which ends doctor --all. */
    public String countsText() {
        return "\n" + count(Status.OK) + " ok, " + count(Status.WARN) + " warnings, " + count(Status.FAIL)
                + (count(Status.FAIL) == 1 ? " failure, " : " failures, ") + count(Status.SKIPPED) + " skipped\n";
    }

    /** Each failure, then each warning, with its check's id and its fix; empty when there is none. */
    public String problemsText(Style style) {
        StringBuilder sb = new StringBuilder();
        for (Status s : new Status[] {Status.FAIL, Status.WARN}) {
            for (Finding f : findings) {
                if (f.status == s) {
                    sb.append(findingText(style, f, true));
                }
            }
        }
        return sb.length() == 0 ? "" : Secrets.redact("\n" + style.bold("Problems") + "\n" + sb);
    }

    /**
     * One line: "All 31 checks passed", or the failing checks and the warnings by id ("2 failed: sso.token,
     * bedrock.models; 1 warning: settings.max-tokens"), and how many passed.
     */
    public String summaryText(Style style) {
        List<String> failed = ids(Status.FAIL);
        List<String> warned = ids(Status.WARN);
        String skipped = count(Status.SKIPPED) == 0 ? "" : " (" + count(Status.SKIPPED) + " did not apply; "
                + "bedrock-setup doctor --all shows every check)";
        if (failed.isEmpty() && warned.isEmpty()) {
            return "\n" + style.ok("All " + count(Status.OK) + " checks passed") + skipped + "\n";
        }
        List<String> parts = new ArrayList<>();
        if (!failed.isEmpty()) {
            parts.add(style.fail(failed.size() + " failed: " + String.join(", ", failed)));
        }
        if (!warned.isEmpty()) {
            parts.add(style.warn(warned.size() + (warned.size() == 1 ? " warning: " : " warnings: ")
                    + String.join(", ", warned)));
        }
        parts.add(count(Status.OK) + " passed");
        return "\n" + String.join("; ", parts) + "\n";
    }

    private List<String> ids(Status s) {
        List<String> ids = new ArrayList<>();
        for (Finding f : findings) {
            if (f.status == s) {
                ids.add(f.id);
            }
        }
        return ids;
    }

    /** A finding under its title ({@code --all}), or under its check's id, shorter, as the summary names it. */
    private static String findingText(Style style, Finding f, boolean byId) {
        StringBuilder sb = new StringBuilder();
        sb.append("  ").append(symbol(f.status, style)).append(' ').append(byId ? f.id : line(f.title))
                .append(": ").append(line(f.detail)).append('\n');
        if (f.fix != null && (f.status == Status.FAIL || f.status == Status.WARN)) {
            sb.append("      fix: ").append(line(f.fix)).append('\n');
        }
        return sb.toString();
    }

    private static String origin(EffectiveConfiguration.Source s) {
        return line(s.origin + (s.file == null ? "" : " (" + s.file + ")"));
    }

    private static String quote(String v) {
        return "\"" + line(v) + "\"";
    }

    /**
     * Text that may carry a value from a settings file or the environment, as one line of the report: a blob cut to
     * its start, control characters and line breaks escaped (the JSON report keeps values whole).
     */
    private static String line(String text) {
        return TerminalText.oneLine(TerminalText.shortenRuns(text, TerminalText.LONGEST_SHOWN_RUN));
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String symbol(Status s, Style style) {
        switch (s) {
            case OK:
                return style.ok("ok  ");
            case WARN:
                return style.warn("warn");
            case FAIL:
                return style.fail("FAIL");
            default:
                return style.dim("skip");
        }
    }
}
