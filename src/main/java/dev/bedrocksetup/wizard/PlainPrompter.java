package dev.bedrocksetup.wizard;

import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.core.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;
import org.jline.utils.Signals;

/**
 * The wizard on a terminal that cannot move its cursor (TERM=dumb, or one jline cannot drive): numbered lists printed
 * whole, and every answer a line the terminal itself echoes and edits. A number picks that item; other text picks
 * the best match by name ({@link ChoiceFilter}); Enter alone takes the default. No escape sequence is ever printed.
 * A line holding only Esc goes back a question, as Esc does on a full terminal.
 */
public final class PlainPrompter implements Prompter {
    private final Terminal terminal;
    private final PrintWriter out;
    private final Style style;
    private final AfterFirstQuestion afterFirstQuestion = new AfterFirstQuestion();

    public PlainPrompter(Terminal terminal, Style style) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.style = style.withoutColor();
    }

    /** Whether {@code terminal} cannot move its cursor, so the drawn lists of {@link TerminalPrompter} would break. */
    public static boolean needed(Terminal terminal) {
        return terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB)
                || terminal.getStringCapability(InfoCmp.Capability.cursor_up) == null;
    }

    /** Runs {@code work} once, right after the first question is printed (the AWS warm-up: WizardLauncher). */
    public PlainPrompter afterFirstQuestion(Runnable work) {
        afterFirstQuestion.set(work);
        return this;
    }

    /**
     * An answer to {@code prompt}, printed and flushed before the line is read. The terminal edits the line itself, so
     * Ctrl-C there is its SIGINT, which would end the JVM with nothing said: while a question waits it cancels the
     * wizard instead ("Cancelled: nothing was written.", exit 130), as the key does on a full terminal.
     */
    private String readLine(String prompt) {
        AtomicBoolean interrupted = new AtomicBoolean();
        Object previous = Signals.register("INT", () -> interrupted.set(true)); // before the prompt shows
        try {
            out.print(prompt);
            out.flush();
            afterFirstQuestion.shown();
            NonBlockingReader reader = terminal.reader();
            StringBuilder line = new StringBuilder();
            while (true) {
                if (interrupted.get()) {
                    throw new Cancelled();
                }
                int c = reader.read(INTERRUPT_CHECK_MS);
                if (c == NonBlockingReader.READ_EXPIRED || c == '\r') {
                    continue;
                }
                if (c < 0) {
                    if (line.length() == 0) {
                        throw new Cancelled(); // end of input: nobody is there to answer
                    }
                    break;
                }
                if (c == '\n') {
                    break;
                }
                line.append((char) c);
            }
            if (line.toString().strip().equals("\u001b")) {
                throw new Back();
            }
            return line.toString().strip();
        } catch (IOException e) {
            throw new Cancelled();
        } finally {
            Signals.unregister("INT", previous);
        }
    }

    /** How often a waiting question looks whether Ctrl-C was pressed. */
    private static final long INTERRUPT_CHECK_MS = 50;

    @Override
    public int select(String question, List<String> choices, int initial) {
        int dflt = Math.max(0, Math.min(initial, choices.size() - 1));
        out.println("? " + TerminalText.oneLine(question));
        for (int i = 0; i < choices.size(); i++) {
            out.println(String.format(Locale.ROOT, "%3d) %s", i + 1, TerminalText.oneLine(choices.get(i))));
        }
        while (true) {
            String typed = readLine("Number or name (Enter: " + (dflt + 1) + "): ");
            int chosen = typed.isEmpty() ? dflt : pick(choices, typed);
            if (chosen >= 0) {
                answered(question, ChoiceFilter.name(TerminalText.oneLine(choices.get(chosen))));
                return chosen;
            }
            out.println("  " + TerminalText.oneLine(typed) + " is none of these: type a number from 1 to "
                    + choices.size() + " or a name");
        }
    }

    /** The item a typed number names, else the best match of typed text, else -1. */
    private static int pick(List<String> choices, String typed) {
        if (typed.matches("\\d{1,6}")) {
            int n = Integer.parseInt(typed);
            return n >= 1 && n <= choices.size() ? n - 1 : -1;
        }
        List<Integer> matches = ChoiceFilter.matches(choices, typed);
        return matches.isEmpty() ? -1 : matches.get(0);
    }

    @Override
    public String text(String question, String dflt, Function<String, String> validate) {
        while (true) {
            String typed = readLine("? " + TerminalText.oneLine(question)
                    + (dflt != null ? " (" + TerminalText.oneLine(dflt) + ")" : "") + " ");
            String value = typed.isEmpty() && dflt != null ? dflt : typed;
            String error = validate.apply(value);
            if (error == null) {
                answered(question, TerminalText.oneLine(value));
                return value;
            }
            out.println("  " + TerminalText.oneLine(error));
        }
    }

    /** The terminal's own echo is off while the secret is typed (a terminal setting, not an escape sequence). */
    @Override
    public String secret(String question, Function<String, String> validate) {
        while (true) {
            Attributes saved = terminal.getAttributes();
            Attributes quiet = new Attributes(saved);
            quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
            terminal.setAttributes(quiet);
            String value;
            try {
                value = readLine("? " + TerminalText.oneLine(question) + " ");
            } finally {
                terminal.setAttributes(saved);
                out.println();
            }
            String error = validate.apply(value);
            if (error == null) {
                answered(question, "********");
                return value;
            }
            out.println("  " + TerminalText.oneLine(error));
        }
    }

    @Override
    public boolean confirm(String question, boolean dflt) {
        while (true) {
            String typed = readLine("? " + TerminalText.oneLine(question) + (dflt ? " [Y/n] " : " [y/N] "))
                    .toLowerCase(Locale.ROOT);
            if (typed.isEmpty() || typed.equals("y") || typed.equals("yes") || typed.equals("n")
                    || typed.equals("no")) {
                boolean yes = typed.isEmpty() ? dflt : typed.startsWith("y");
                answered(question, yes ? "yes" : "no");
                return yes;
            }
            out.println("  y or n, then Enter");
        }
    }

    private void answered(String question, String answer) {
        out.println(style.check() + " " + TerminalText.oneLine(question) + " " + answer);
        out.flush();
    }

    @Override
    public void say(String line) {
        out.println(TerminalText.escape(line));
        out.flush();
    }

    @Override
    public Style style() {
        return style;
    }
}
