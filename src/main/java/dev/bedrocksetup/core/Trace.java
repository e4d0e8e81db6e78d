package dev.bedrocksetup.core;

/**
 * Start-up tracing for performance work (docs/performance.md): with {@code -Dbedrock.trace} (e.g. through
 * JAVA_TOOL_OPTIONS) each mark prints the milliseconds since the process started, the process's CPU time (user + system, all
 * threads) and the thread, to stderr. Off, a
 * mark is one field read; nothing it would print is secret (names of steps and classes only).
 */
public final class Trace {
    private Trace() {}

    private static final boolean ON = System.getProperty("bedrock.trace") != null;
    private static final long START = ON ? ProcessHandle.current().info().startInstant()
            .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis()) : 0;

    /** Whether marks are printed: for tracing aids that cost something even when they print nothing. */
    public static boolean on() {
        return ON;
    }

    public static void mark(String step) {
        if (ON) {
            // CPU time too: on a shared machine the wall time says more about the other work than about ours
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            System.err.println("[trace " + (System.currentTimeMillis() - START) + " ms, cpu " + cpu + " ms, "
                    + Thread.currentThread().getName() + "] " + step);
        }
    }

    /**
     * With tracing on, prints each thread's CPU time so far (user + system, from /proc, JVM threads included): which
     * thread a start-up's CPU went to. Nothing where /proc is not.
     */
    public static void threads() {
        if (!ON) {
            return;
        }
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(tasks)) {
            StringBuilder out = new StringBuilder("[trace] CPU by thread (ms):");
            list.map(task -> {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    return new Object[] {name, ticks * 10};
                } catch (java.io.IOException | RuntimeException e) {
                    return null;
                }
            }).filter(java.util.Objects::nonNull).filter(a -> (long) a[1] > 0)
                    .sorted((a, b) -> Long.compare((long) b[1], (long) a[1]))
                    .forEach(a -> out.append(' ').append(a[0]).append('=').append(a[1]));
            System.err.println(out);
        } catch (java.io.IOException | RuntimeException e) {
            // no /proc: nothing to print
        }
    }
}
