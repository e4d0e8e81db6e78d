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

    /** The human report, for stderr. */
    public String toText(Style style) {
        StringBuilder sb = new StringBuilder();
        sb.append(style.bold("Effective configuration")).append(" (what Claude Code would use; highest precedence first)\n");
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
        String group = null;
        for (Finding f : findings) {
            if (!f.group.equals(group)) {
                group = f.group;
                sb.append('\n').append(style.bold(group)).append('\n');
            }
            sb.append("  ").append(symbol(f.status, style)).append(' ').append(line(f.title)).append(": ")
                    .append(line(f.detail)).append('\n');
            if (f.fix != null && (f.status == Status.FAIL || f.status == Status.WARN)) {
                sb.append("      fix: ").append(line(f.fix)).append('\n');
            }
        }
        sb.append('\n').append(count(Status.OK)).append(" ok, ").append(count(Status.WARN)).append(" warnings, ")
                .append(count(Status.FAIL)).append(count(Status.FAIL) == 1 ? " failure, " : " failures, ")
                .append(count(Status.SKIPPED)).append(" skipped\n");
        return Secrets.redact(sb.toString());
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
