package dev.bedrocksetup.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.TempHome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the two judges said about one row, and whether they agree. */
record AgreementRow(AgreementCase c, boolean claudeWorks, String claudeSays, int doctorExit, List<String> failed,
                    String firstFinding, String detail) {

    static AgreementRow judge(AgreementCase c, String reply, ClaudeCode.Result claude, TempHome.Run doctor) {
        boolean works = !claude.timedOut() && claude.exit() == 0 && claude.out().contains(reply);
        List<Map<?, ?>> failures = failures(doctor);
        List<String> failed = failures.stream().map(f -> String.valueOf(f.get("id"))).toList();
        String first = failures.isEmpty() ? "" : failures.get(0).get("detail") + " / " + failures.get(0).get("fix");
        return new AgreementRow(c, works, works ? "works" : claudeMessage(claude), doctor.exit, failed, first,
                "--- Claude Code " + claude + "\n--- doctor " + doctor);
    }

    /** The failed findings, in the doctor's report order (the first is what a user reads first). */
    private static List<Map<?, ?>> failures(TempHome.Run doctor) {
        List<Map<?, ?>> failed = new ArrayList<>();
        try {
            Map<?, ?> report = new ObjectMapper().readValue(doctor.out, Map.class);
            for (Object o : (List<?>) report.get("findings")) {
                Map<?, ?> f = (Map<?, ?>) o;
                if ("fail".equals(f.get("status"))) {
                    failed.add(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            failed.add(Map.of("id", "(no JSON report)"));
        }
        return failed;
    }

    /** Claude Code's own words: the first line that is not a notice about models, shortened for the table. */
    private static String claudeMessage(ClaudeCode.Result r) {
        if (r.timedOut()) {
            return "still retrying after " + AgreementMatrixTest.CLAUDE_TIMEOUT.toSeconds() + " s";
        }
        for (String line : (r.out() + "\n" + r.err()).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("Warning: ")) {
                return "exit " + r.exit() + ": " + (l.length() > 110 ? l.substring(0, 107) + "..." : l);
            }
        }
        return "exit " + r.exit() + " without a message";
    }

    boolean doctorPasses() {
        return doctorExit == 0;
    }

    String firstFailure() {
        return failed.isEmpty() ? null : failed.get(0);
    }

    /** Claude Code did what the row says it does. */
    boolean asExpected() {
        return claudeWorks == c.claudeCodeWorks();
    }

    /** The doctor passes exactly when Claude Code works. */
    boolean agrees() {
        return doctorPasses() == claudeWorks;
    }

    /** On a failing row, the doctor's first failure is the row's cause. */
    boolean firstFailureIsTheCause() {
        return claudeWorks || (c.cause() != null && c.cause().equals(firstFailure())
                && (c.naming() == null || firstFinding.contains(c.naming())));
    }

    boolean holds() {
        return asExpected() && agrees() && firstFailureIsTheCause();
    }

    /** Why the row does not hold, in one line; null when it does. */
    String problem() {
        if (!asExpected()) {
            return "Claude Code " + (claudeWorks ? "works" : "fails (" + claudeSays + ")") + " but the row says it "
                    + (c.claudeCodeWorks() ? "works" : "fails with " + c.cause());
        }
        if (!agrees()) {
            return claudeWorks ? "the doctor fails (" + String.join(", ", failed) + ") where Claude Code works"
                    : "the doctor passes where Claude Code fails (" + claudeSays + ")";
        }
        if (!firstFailureIsTheCause()) {
            return "the doctor's first failure is " + firstFailure() + " (" + firstFinding + "), the cause is "
                    + c.cause() + (c.naming() == null ? "" : " saying \"" + c.naming() + "\"") + " (failed: "
                    + String.join(", ", failed) + ")";
        }
        return null;
    }

    String markdown(int n) {
        String doctor = doctorPasses() ? "exit 0" : "exit " + doctorExit + ": " + String.join(", ", failed);
        return "| " + n + " | " + c.group() + " | " + c.name() + " | " + cell(claudeSays) + " | " + doctor + " | "
                + (agrees() ? "yes" : "**NO**") + " | "
                + (claudeWorks ? "–" : firstFailureIsTheCause() ? "yes"
                        : "**no**" + (c.cause() == null ? "" : " (cause: " + c.cause() + ")")) + " |";
    }

    static String header() {
        return "| # | kind | setup | Claude Code | doctor --json | agree | first failure is the cause |\n"
                + "|---|---|---|---|---|---|---|";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("`", "'");
    }
}
