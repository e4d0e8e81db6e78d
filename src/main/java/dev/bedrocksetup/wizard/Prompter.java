package dev.bedrocksetup.wizard;

import dev.bedrocksetup.core.Progress;
import dev.bedrocksetup.core.Style;
import java.util.List;
import java.util.function.Function;

/**
 * How the wizard asks. The real one draws on a terminal (arrows, type-to-filter, Esc to go back, Ctrl-C to quit);
 * tests script the answers. Every method may throw {@link Back} (Esc) or {@link Cancelled} (Ctrl-C).
 */
public interface Prompter {
    /** One of {@code choices} (labels); returns its index. {@code initial} is preselected. */
    int select(String question, List<String> choices, int initial);

    /** A line of text; {@code validate} returns an error message or null. Empty input takes {@code dflt}. */
    String text(String question, String dflt, Function<String, String> validate);

    /** A secret line (shown as *), validated like text; never echoed or recorded. */
    String secret(String question, Function<String, String> validate);

    /** Yes or no; Enter takes {@code dflt}. */
    boolean confirm(String question, boolean dflt);

    /** Information for the user (progress, results, a diff). */
    void say(String line);

    /**
     * A wait about to start (AWS answering, a login being confirmed): shows that it is still going while it lasts,
     * where the terminal can show it, and nothing otherwise. Close it when the wait ends.
     */
    default Progress waiting(String what) {
        return Progress.none();
    }

    /** Information of a kind a colour terminal paints; elsewhere the same as {@link #say(String)}. */
    default void say(String line, Tone tone) {
        say(line);
    }

    /** What a line is, for its colour: a warning (yellow), who the credentials are (green), a unified diff. */
    enum Tone { WARNING, IDENTITY, DIFF }

    /** The symbols (and colour) this prompter's output can show: ASCII where the terminal does not decode UTF-8. */
    default Style style() {
        return Style.plain();
    }

    /** Esc: go back one step. */
    final class Back extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Back() {
            super("back", null, false, false);
        }
    }

    /** Ctrl-C: leave the wizard; nothing is written. */
    final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
