package dev.bedrocksetup.wizard;

/**
 * Work that waits until the wizard's first question is on screen, then runs once on the asking thread (it should
 * only start a thread): while the user reads the question the CPU is free, and nothing before the question competes
 * with drawing it (docs/performance.md: the first question's budget).
 */
final class AfterFirstQuestion {
    private Runnable work;

    void set(Runnable work) {
        this.work = work;
    }

    /** The question is drawn and flushed: run the work, once. */
    void shown() {
        Runnable w = work;
        work = null;
        if (w != null) {
            w.run();
        }
    }
}
