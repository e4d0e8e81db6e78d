package dev.bedrocksetup.doctor;

import dev.bedrocksetup.core.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs the checks: offline ones in catalogue order; a check that throws becomes a failed finding, never a crash. */
public final class Doctor {
    private Doctor() {}

    /** How long the online checks may take together; each call also has its own deadline. */
    static final long ONLINE_LIMIT_SECONDS = 30;

    /**
     * The online checks all at once, each on its own thread, while the offline ones run in order on this one; so the
     * doctor takes about as long as its slowest probe.
     */
    public static DoctorReport run(DoctorInputs in, boolean offline) {
        if (!offline) {
            in.goOnline();
        }
        Trace.mark("doctor starts");
        List<Check> checks = CheckCatalog.all();
        Finding[] findings = new Finding[checks.size()];
        List<Integer> online = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).online) {
                if (offline) {
                    findings[i] = checks.get(i).skipped("skipped (--offline)");
                } else {
                    online.add(i);
                }
            }
        }
        // The online checks start first and wait on the network while this thread runs the offline ones: they
        // read the same inputs and write nothing, and the report keeps catalogue order whatever finishes first.
        ExecutorService pool = online.isEmpty() ? null : Executors.newFixedThreadPool(online.size(), r -> {
            Thread t = new Thread(r, "doctor-online");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Finding>> futures = new ArrayList<>();
            for (int i : online) {
                futures.add(pool.submit(() -> safely(checks.get(i), in)));
            }
            for (int i = 0; i < checks.size(); i++) {
                if (!checks.get(i).online) {
                    findings[i] = safely(checks.get(i), in);
                }
            }
            Trace.mark("offline checks done");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ONLINE_LIMIT_SECONDS);
            for (int j = 0; j < online.size(); j++) {
                Check c = checks.get(online.get(j));
                try {
                    findings[online.get(j)] = futures.get(j).get(Math.max(1, deadline - System.nanoTime()),
                            TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    futures.get(j).cancel(true);
                    findings[online.get(j)] = c.fail("no answer within " + ONLINE_LIMIT_SECONDS + " s",
                            "check the network and proxy settings (HTTPS_PROXY), then run again");
                } catch (ExecutionException e) {
                    findings[online.get(j)] = c.fail("the check itself failed: " + e.getCause(),
                            "run again with --verbose and report it");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    findings[online.get(j)] = c.skipped("interrupted");
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
                in.closeOnline();
            }
        }
        Trace.mark("online checks done");
        ControlPlaneFallback.apply(findings);
        StaticKeysVerdict.apply(findings);
        return new DoctorReport(in.effective, java.util.Arrays.asList(findings), in.claudeVersion());
    }

    private static Finding safely(Check c, DoctorInputs in) {
        try {
            Finding f = c.run(in);
            if (c.online) {
                Trace.mark("answered: " + c.id);
            }
            return f;
        } catch (RuntimeException e) {
            return c.fail("the check itself failed: " + e, "run again with --verbose and report it");
        }
    }
}
