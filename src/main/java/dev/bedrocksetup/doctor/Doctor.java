package dev.bedrocksetup.doctor;

import java.util.ArrayList;
import java.util.List;

/** Runs the checks: offline ones in catalogue order; a check that throws becomes a failed finding, never a crash. */
public final class Doctor {
    private Doctor() {}

    /** How long the online checks may take together; each call also has its own deadline. */
    static final long ONLINE_LIMIT_SECONDS = 30;

    /**
     * Offline checks first, in order; then the online ones all at once, so the doctor takes about as long as its
     * slowest probe.
     */
    public static DoctorReport run(DoctorInputs in, boolean offline) {
        List<Check> checks = CheckCatalog.all();
        Finding[] findings = new Finding[checks.size()];
        List<Integer> online = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            if (c.online) {
                if (offline) {
                    findings[i] = c.skipped("skipped (--offline)");
                } else {
                    online.add(i);
                }
                continue;
            }
            findings[i] = safely(c, in);
        }
        if (!online.isEmpty()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(online.size(),
                    r -> {
                        Thread t = new Thread(r, "doctor-online");
                        t.setDaemon(true);
                        return t;
                    });
            try {
                List<java.util.concurrent.Future<Finding>> futures = new ArrayList<>();
                for (int i : online) {
                    futures.add(pool.submit(() -> safely(checks.get(i), in)));
                }
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(ONLINE_LIMIT_SECONDS);
                for (int j = 0; j < online.size(); j++) {
                    Check c = checks.get(online.get(j));
                    try {
                        findings[online.get(j)] = futures.get(j).get(Math.max(1, deadline - System.nanoTime()),
                                java.util.concurrent.TimeUnit.NANOSECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        futures.get(j).cancel(true);
                        findings[online.get(j)] = c.fail("no answer within " + ONLINE_LIMIT_SECONDS + " s",
                                "check the network and proxy settings (HTTPS_PROXY), then run again");
                    } catch (java.util.concurrent.ExecutionException e) {
                        findings[online.get(j)] = c.fail("the check itself failed: " + e.getCause(),
                                "run again with --verbose and report it");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        findings[online.get(j)] = c.skipped("interrupted");
                    }
                }
            } finally {
                pool.shutdownNow();
                in.closeOnline();
            }
        }
        return new DoctorReport(in.effective, java.util.Arrays.asList(findings), in.claudeVersion());
    }

    private static Finding safely(Check c, DoctorInputs in) {
        try {
            return c.run(in);
        } catch (RuntimeException e) {
            return c.fail("the check itself failed: " + e, "run again with --verbose and report it");
        }
    }
}
