package dev.bedrocksetup.doctor;

import dev.bedrocksetup.json.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * verify's pass/fail, taken from the doctor's report: verify fails exactly when the doctor does (issue 14: a verify
 * that judged a subset passed setups in which Claude Code hangs, e.g. an unreachable proxy). It shows a short list,
 * the checks that decide most setups, and after them every other check that failed.
 */
public final class VerifyVerdict {
    private VerifyVerdict() {}

    /** The checks verify always shows. */
    public static final List<String> CHECKS = List.of("settings.syntax", "settings.env-types",
            "settings.bedrock-enabled", "settings.bedrock-shadowed", "models.bare-id", "models.prefix-region",
            "aws.credentials", "aws.identity", "bedrock.models");

    /** The findings verify shows: {@link #CHECKS}, then every other failure in the doctor's order. */
    public static List<Finding> shown(DoctorReport report) {
        List<Finding> out = new ArrayList<>();
        for (String id : CHECKS) {
            out.add(report.finding(id));
        }
        for (Finding f : report.findings) {
            if (f.status == Status.FAIL && !CHECKS.contains(f.id)) {
                out.add(f);
            }
        }
        return out;
    }

    /** True when verify passes the setup: when the doctor finds no failure. */
    public static boolean passes(DoctorReport report) {
        return !report.hasFailures();
    }

    /**
     * The version of verify --json's format (docs/schema/verify.schema.json): raised only when a field goes or
     * changes its meaning, so a fleet's collector can refuse what it does not know.
     */
    public static final int SCHEMA_VERSION = 1;

    /**
     * verify --json: {@code {schemaVersion, pass, claudeCodeVersion, checks: [{id, status, detail, fix}]}}, each
     * check as doctor --json shows it.
     */
    public static String toJson(boolean pass, String claudeCodeVersion, List<Finding> shown) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("pass", pass);
        doc.put("claudeCodeVersion", claudeCodeVersion);
        List<Object> checks = new ArrayList<>();
        for (Finding f : shown) {
            Map<String, Object> m = f.toJson();
            m.remove("group");
            m.remove("title");
            checks.add(m);
        }
        doc.put("checks", checks);
        return JsonText.pretty(doc, "  ") + "\n";
    }
}
