package dev.bedrocksetup.doctor;

import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.core.TerminalText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One check's result: status, a one-line explanation, and the exact fix (a command or an edit), secrets masked. */
public final class Finding {
    public final String id;
    public final String group;
    public final Status status;
    public final String title;
    public final String detail;
    public final String fix;
    /** A change `doctor --fix` may make for this finding, or null. */
    public final SafeFix safeFix;

    public Finding(String id, String group, Status status, String title, String detail, String fix) {
        this(id, group, status, title, detail, fix, null);
    }

    public Finding(String id, String group, Status status, String title, String detail, String fix, SafeFix safeFix) {
        this.id = id;
        this.group = group;
        this.status = status;
        this.title = title;
        // a value pasted into a settings file may be megabytes: shown by its start, which keeps masking cheap
        this.detail = Secrets.redact(TerminalText.shortenRuns(detail, TerminalText.LONGEST_SHOWN_RUN));
        this.fix = Secrets.redact(TerminalText.shortenRuns(fix, TerminalText.LONGEST_SHOWN_RUN));
        this.safeFix = safeFix;
    }

    public Finding withSafeFix(SafeFix f) {
        return new Finding(id, group, status, title, detail, fix, f);
    }

    /**
     * This finding in JSON, the one mapping: doctor --json shows all of it, verify --json all but group and title
     * ({@link VerifyVerdict#toJson}).
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("group", group);
        m.put("status", status.name().toLowerCase(Locale.ROOT));
        m.put("title", title);
        m.put("detail", detail);
        m.put("fix", fix);
        return m;
    }

    @Override
    public String toString() {
        return status + " " + id + ": " + detail + (fix == null ? "" : " (fix: " + fix + ")");
    }
}
