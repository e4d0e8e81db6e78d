package dev.bedrocksetup.cli;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * What this process's standard streams are attached to. Java 17 has no isatty and no terminal size; jline's native
 * provider asks the operating system. Without native access the answers are the safe ones: not a terminal.
 */
final class TerminalStreams {
    private TerminalStreams() {}

    static boolean stderrIsTerminal() {
        try {
            return TerminalProvider.load("jni").isSystemStream(SystemStream.Error);
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** The width of the terminal stdout is on, or 0 when it is not on one (or the width is unknown). */
    static int stdoutColumns() {
        try {
            TerminalProvider jni = TerminalProvider.load("jni");
            return jni.isSystemStream(SystemStream.Output) ? Math.max(0, jni.systemStreamWidth(SystemStream.Output))
                    : 0;
        } catch (Exception | LinkageError e) {
            return 0;
        }
    }
}
