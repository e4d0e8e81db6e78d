package dev.bedrocksetup.core;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A wait shown on a terminal: after {@link #DELAY} without an answer, one row "⠋ what 2s" that turns and counts the
 * seconds, taken back (carriage return, erase to the end of the row) when the wait ends, so the screen reads as if it
 * had never been there. Only on a terminal that moves its cursor: {@link #none()} everywhere else (a pipe, a file, a
 * dumb terminal), so nothing of it reaches a log. Whatever else prints during the wait goes through
 * {@link #above(Runnable)}, which takes the row back first and lets the next turn draw it again.
 */
public final class Progress implements AutoCloseable {
    /** Waits shorter than this show nothing: a spinner that flashes for a moment is noise. */
    public static final Duration DELAY = Duration.ofMillis(300);
    private static final long TURN_MILLIS = 100;

    private final PrintWriter out;
    private final Style style;
    private final String what;
    private final long started = System.nanoTime();
    private final Thread turner;
    private boolean shown;
    private boolean closed;

    private Progress(PrintWriter out, Style style, String what) {
        this.out = out;
        this.style = style;
        this.what = what;
        this.turner = out == null ? null : new Thread(this::turn, "progress");
        if (turner != null) {
            turner.setDaemon(true); // never keeps the process alive
        }
    }

    /** A wait that shows nothing. */
    public static Progress none() {
        return new Progress(null, null, null);
    }

    /** Shows {@code what} waiting on {@code out}, a terminal, until closed. */
    public static Progress start(PrintWriter out, Style style, String what) {
        Progress p = new Progress(out, style, what);
        p.turner.start();
        return p;
    }

    private void turn() {
        try {
            Thread.sleep(DELAY.toMillis());
            for (long tick = 0; ; tick++) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                    out.print("\r  " + style.spinner(tick) + " " + what + " " + seconds + "s\u001b[K");
                    out.flush();
                    shown = true;
                }
                Thread.sleep(TURN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints something during the wait: the spinner's row is taken back first and drawn again on its next turn. */
    public synchronized void above(Runnable print) {
        erase();
        print.run();
    }

    private void erase() {
        if (shown) {
            out.print("\r\u001b[K");
            out.flush();
            shown = false;
        }
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        synchronized (this) {
            closed = true;
            erase();
        }
        turner.interrupt();
    }
}
