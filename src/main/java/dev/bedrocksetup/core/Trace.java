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
}
