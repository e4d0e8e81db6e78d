package dev.bedrocksetup.doctor;

import dev.bedrocksetup.core.CallThreads;
import dev.bedrocksetup.core.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs the checks: offline ones in catalogue order; a check that throws becomes a failed finding, never a crash. */
public final class Doctor {
    private Doctor() {}

    /** How long the online checks may take together; each call also has its own deadline. */
    static final long ONLINE_LIMIT_SECONDS = 30;

    /** Hears of the report as it is made: each group once its findings are final, in catalogue order. */
    public interface Progress {
        Progress NONE = (group, findings) -> { };

        /** {@code group}'s findings are final; called for the groups in catalogue order. */
        void groupDone(String group, List<Finding> findings);

        /** The report now waits for the checks of {@code group} (the first one not answered yet). */
        default void waitingFor(String group) {}
    }

    public static DoctorReport run(DoctorInputs in, boolean offline) {
        return run(in, offline, Progress.NONE);
    }

    /**
     * The online checks all at once, each on its own thread, while the offline ones run in order on this one; so the
     * doctor takes about as long as its slowest probe. {@code progress} hears of each group as soon as its findings
     * are final (the verdicts that weigh one finding against another applied), in catalogue order.
     */
    public static DoctorReport run(DoctorInputs in, boolean offline, Progress progress) {
        OnlineRun started = offline ? null : in.takeStartedOnline();
        if (!offline && started == null) {
            started = OnlineRun.start(in);
        }
        Trace.mark("doctor starts");
        List<Check> checks = CheckCatalog.all();
        Finding[] findings = new Finding[checks.size()];
        Groups groups = new Groups(checks, findings, verdicts(in), progress);
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
        try {
            for (int i = 0; i < checks.size(); i++) {
                if (!checks.get(i).online) {
                    findings[i] = safely(checks.get(i), in);
                    groups.publishReady();
                }
            }
            Trace.mark("offline checks done");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ONLINE_LIMIT_SECONDS);
            for (int pending = online.size(); pending > 0; pending--) {
                Integer i = started.answered.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (i == null) {
                    break;
                }
                findings[i] = answer(checks.get(i), started.futures[i]);
                groups.publishReady();
            }
            for (int i : online) {
                if (findings[i] == null) {
                    started.futures[i].cancel(true);
                    findings[i] = checks.get(i).fail("no answer within " + ONLINE_LIMIT_SECONDS + " s",
                            "check the network and proxy settings (HTTPS_PROXY), then run again");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (int i = 0; i < checks.size(); i++) {
                if (findings[i] == null) {
                    findings[i] = checks.get(i).skipped("interrupted");
                }
            }
        } finally {
            if (started != null) {
                started.pool.shutdownNow();
                in.closeOnline();
            }
        }
        Trace.mark("online checks done");
        groups.publishReady();
        return new DoctorReport(in.effective, Arrays.asList(findings), in.claudeVersion());
    }

    /**
     * Starts the online checks now and returns at once; {@link #run} on the same inputs then collects their answers
     * instead of starting them. For the doctor command, which starts them before its command line is parsed.
     */
    public static void startOnline(DoctorInputs in) {
        in.startedOnline(OnlineRun.start(in));
    }

    /**
     * After {@link #startOnline}: waits, at most a second, until the online checks' AWS calls leave (credentials
     * resolved, clients built, the first request sent), so that what the caller does next (picocli, the offline
     * checks) does not take the CPU that preparing them needs; it then runs while the calls wait for their answers
     * (decision 0047).
     */
    public static void awaitCallsReady(DoctorInputs in) {
        in.online().awaitCallsReady(CALLS_READY_WAIT);
    }

    static final java.time.Duration CALLS_READY_WAIT = java.time.Duration.ofSeconds(1);

    /**
     * The online checks, started: each on its own thread, waiting on the network while the offline ones run. They
     * read the same inputs and write nothing, and the report keeps catalogue order whatever finishes first.
     */
    static final class OnlineRun {
        private final ExecutorService pool;
        private final Future<?>[] futures;
        private final BlockingQueue<Integer> answered = new LinkedBlockingQueue<>();

        private OnlineRun(ExecutorService pool, int size) {
            this.pool = pool;
            this.futures = new Future<?>[size];
        }

        static OnlineRun start(DoctorInputs in) {
            in.goOnline();
            // first the work every AWS call waits for: the credentials and the SDK clients, each on its own thread
            in.online().prepareAhead();
            List<Check> checks = CheckCatalog.all();
            List<Integer> online = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).online) {
                    online.add(i);
                }
            }
            OnlineRun run = new OnlineRun(Executors.newFixedThreadPool(Math.max(1, online.size()), r -> {
                Thread t = new Thread(r, "doctor-online");
                t.setDaemon(true);
                return t;
            }), checks.size());
            for (int i : online) {
                run.futures[i] = run.pool.submit(() -> {
                    try {
                        return safely(checks.get(i), in);
                    } finally {
                        run.answered.add(i);
                    }
                });
            }
            // the region's catalogue, which offline checks read, leaves with the online calls rather than after them
            CallThreads.oneEach("catalogue-ahead").execute(() -> {
                try {
                    in.regionCatalogue();
                } catch (RuntimeException e) {
                    // the check that reads it meets it again and reports it
                }
            });
            Trace.mark("online checks started");
            return run;
        }
    }

    /**
     * The verdicts that weigh one finding against another, each with every finding it reads or changes: it is
     * applied once all of those are in, and a group is final once every verdict touching it was applied.
     */
    private static List<Verdict> verdicts(DoctorInputs in) {
        return List.of(
                new Verdict(Set.of("bedrock.models", "bedrock.control-plane", "network.control-plane-endpoint"),
                        ControlPlaneFallback::apply),
                new Verdict(Set.of("aws.identity", "aws.static-shadow"), StaticKeysVerdict::apply),
                new Verdict(Set.of("sso.token", "aws.credentials"), f -> SsoLoginVerdict.apply(f, in)));
    }

    private record Verdict(Set<String> ids, Consumer<Finding[]> apply) {}

    /** The catalogue's groups (runs of checks of one group), published in order as each becomes final. */
    private static final class Groups {
        private final List<Check> checks;
        private final Finding[] findings;
        private final List<Verdict> verdicts;
        private final boolean[] applied;
        private final Progress progress;
        private int next;
        private String waitingFor;

        Groups(List<Check> checks, Finding[] findings, List<Verdict> verdicts, Progress progress) {
            this.checks = checks;
            this.findings = findings;
            this.verdicts = verdicts;
            this.applied = new boolean[verdicts.size()];
            this.progress = progress;
        }

        void publishReady() {
            applyVerdicts();
            while (next < checks.size()) {
                int end = next;
                while (end < checks.size() && checks.get(end).group.equals(checks.get(next).group)) {
                    end++;
                }
                if (!isFinal(next, end)) {
                    announceWaiting();
                    return;
                }
                progress.groupDone(checks.get(next).group, List.copyOf(Arrays.asList(findings).subList(next, end)));
                next = end;
            }
        }

        /** Names the group of the first check not answered yet (a group may also wait on a later group's). */
        private void announceWaiting() {
            for (int i = next; i < checks.size(); i++) {
                if (findings[i] == null) {
                    String group = checks.get(i).group;
                    if (!group.equals(waitingFor)) {
                        waitingFor = group;
                        progress.waitingFor(group);
                    }
                    return;
                }
            }
        }

        private void applyVerdicts() {
            for (int v = 0; v < verdicts.size(); v++) {
                if (!applied[v] && verdicts.get(v).ids.stream().allMatch(id -> findingOf(id) != null)) {
                    verdicts.get(v).apply.accept(findings);
                    applied[v] = true;
                }
            }
        }

        private boolean isFinal(int from, int to) {
            for (int i = from; i < to; i++) {
                if (findings[i] == null) {
                    return false;
                }
                for (int v = 0; v < verdicts.size(); v++) {
                    if (!applied[v] && verdicts.get(v).ids.contains(checks.get(i).id)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private Finding findingOf(String id) {
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).id.equals(id)) {
                    return findings[i];
                }
            }
            throw new IllegalStateException("no check " + id);
        }
    }

    private static Finding answer(Check c, Future<?> future) throws InterruptedException {
        try {
            return (Finding) future.get();
        } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException r ? failed(c, r)
                    : c.fail("the check itself failed: " + e.getCause(), "run again with --verbose and report it");
        }
    }

    private static Finding safely(Check c, DoctorInputs in) {
        try {
            Finding f = c.run(in);
            if (c.online) {
                Trace.mark("answered: " + c.id);
            }
            return f;
        } catch (RuntimeException e) {
            return failed(c, e);
        }
    }

    /** A check that threw: a problem already put in words (a file it cannot read) says so, with its fix. */
    private static Finding failed(Check c, RuntimeException e) {
        if (e instanceof dev.bedrocksetup.core.BedrockSetupException said) {
            return c.fail(said.getMessage(), said.fix() != null ? said.fix() : "run again with --verbose for details");
        }
        return c.fail("the check itself failed: " + e, "run again with --verbose and report it");
    }
}
