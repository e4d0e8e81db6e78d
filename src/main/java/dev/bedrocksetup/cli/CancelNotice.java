package dev.bedrocksetup.cli;

/**
 * What Ctrl-C (SIGINT) prints while a login waits for the user: the process ends through its shutdown hooks, and
 * without this the user would see nothing at all. Open it around the wait; closing it (done or failed) removes it.
 */
final class CancelNotice implements AutoCloseable {
    private final Thread hook;

    private CancelNotice(Thread hook) {
        this.hook = hook;
    }

    static CancelNotice during(CliContext ctx, String whatHappened) {
        Thread hook = new Thread(() -> {
            ctx.err.println();
            ctx.err.println("Cancelled: " + whatHappened);
            ctx.err.flush();
        }, "bedrock-setup-cancel-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new CancelNotice(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs or has run: the notice is the right last word
        }
    }
}
