package dev.bedrocksetup.doctor;

import java.util.ArrayList;
import java.util.List;

/** Runs the checks: offline ones in catalogue order; a check that throws becomes a failed finding, never a crash. */
public final class Doctor {
    private Doctor() {}

    public static DoctorReport run(DoctorInputs in, boolean offline) {
        List<Finding> findings = new ArrayList<>();
        for (Check c : CheckCatalog.all()) {
            if (c.online && offline) {
                findings.add(c.skipped("skipped (--offline)"));
                continue;
            }
            try {
                findings.add(c.run(in));
            } catch (RuntimeException e) {
                findings.add(c.fail("the check itself failed: " + e, "run again with --verbose and report it"));
            }
        }
        findings.add(new Finding("online", "AWS", Status.SKIPPED, "Credentials, identity and model access",
                offline ? "skipped (--offline)" : "the online checks (credential chain, STS identity, model probes, "
                        + "endpoint reachability) are not built yet (issues #5, #7)", null));
        return new DoctorReport(in.effective, findings, in.claudeVersion());
    }
}
