package dev.bedrocksetup.core;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where work that waits (a call on the network, a file to read and parse) runs beside the caller: a daemon thread of
 * its own. Never the common fork-join pool (what {@code CompletableFuture.supplyAsync} without an executor uses on
 * Java 25 even with one worker): on two cores that pool has one worker, so two calls queued on it take two round
 * trips (the image's doctor took 2.5 s at 1 s latency; OnlineDoctorTest).
 */
public final class CallThreads {
    private CallThreads() {}

    private static final AtomicInteger COUNT = new AtomicInteger();

    /** An executor that runs each task on a new daemon thread named {@code name-N}. */
    public static Executor oneEach(String name) {
        return task -> {
            Thread t = new Thread(task, name + "-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            t.start();
        };
    }
}
