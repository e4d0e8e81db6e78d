package dev.bedrocksetup.core;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs another program the way the commands bedrock-setup starts must run (the awsCredentialExport helper,
 * {@code claude --version}, {@code claude -p}): exactly the variables given, no input (the null device, as Claude
 * Code gives its helpers), stdout and stderr read as they come (the first 256 KiB of each kept), and at the deadline
 * the whole process tree killed, so a helper's children do not outlive it.
 */
public final class ChildProcess {
    private ChildProcess() {}

    static final int MAX_OUTPUT = 256 * 1024;
    static final Duration DRAIN_WAIT = Duration.ofSeconds(2);

    /** How a run ended: the exit code (-1 when killed at the deadline), what it printed, and how long it took. */
    public record Outcome(int exit, String stdout, String stderr, boolean timedOut, Duration took) {}

    /**
     * Runs {@code command} in {@code workDir} (null: this process's) with {@code variables} as its whole environment;
     * {@code started} sees the process as soon as it runs (for a shutdown hook). Interrupted, the tree is killed
     * and the interruption rethrown.
     */
    public static Outcome run(Environment env, List<String> command, Map<String, String> variables, Path workDir,
            Duration timeout, Consumer<Process> started) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File(env.os() == Environment.Os.WINDOWS ? "NUL"
                        : "/dev/null")));
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().clear();
        pb.environment().putAll(variables);
        Instant start = env.clock().instant();
        Process p = pb.start();
        started.accept(p);
        Output out = new Output(p.getInputStream());
        Output err = new Output(p.getErrorStream());
        boolean done;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(p);
            throw e;
        }
        if (!done) {
            killTree(p);
        }
        Duration took = Duration.between(start, env.clock().instant());
        return new Outcome(done ? p.exitValue() : -1, out.text(), err.text(), !done, took);
    }

    /** Kills the process and everything it started, and waits (10 s at most) for it to end. */
    public static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads a stream to its end on a daemon thread, keeping the first {@link #MAX_OUTPUT} bytes. A program that left
     * a daemon of its own holding the stream open does not hold up the caller: after the program ends, its output
     * is taken as it stands within {@link #DRAIN_WAIT}.
     */
    private static final class Output {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        Output(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        synchronized (kept) {
                            kept.write(buf, 0, Math.max(0, Math.min(n, MAX_OUTPUT - kept.size())));
                        }
                    }
                } catch (IOException e) {
                    // the process was killed or closed its end: what was read is what it said
                }
                ended.complete(null);
            }, "child-output");
            t.setDaemon(true);
            t.start();
        }

        String text() {
            try {
                ended.get(DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // still held open by something the program left behind
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
