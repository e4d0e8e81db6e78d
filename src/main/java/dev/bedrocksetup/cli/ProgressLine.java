package dev.bedrocksetup.cli;

import java.io.PrintWriter;

/**
 * One line of progress on stderr ("Checking AWS (online)…"), rewritten in place and cleared when done; only on a
 * terminal, nothing otherwise. It writes around the escaping filter ({@link TerminalSafeWriter}), which would show its
 * carriage return escaped: so it takes the tool's own fixed words only, never a value from a file.
 */
final class ProgressLine implements AutoCloseable {
    private final CliContext ctx;
    private int shown;

    ProgressLine(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Shows {@code text} in place of the line shown before. */
    void show(String text) {
        PrintWriter raw = ctx.terminalErr;
        if (raw == null) {
            return;
        }
        ctx.err.flush();
        raw.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
        raw.flush();
        shown = text.length();
    }

    /** Clears the line, so what is printed next starts on an empty one. */
    @Override
    public void close() {
        PrintWriter raw = ctx.terminalErr;
        if (raw != null && shown > 0) {
            raw.print("\r" + " ".repeat(shown) + "\r");
            raw.flush();
            shown = 0;
        }
    }
}
