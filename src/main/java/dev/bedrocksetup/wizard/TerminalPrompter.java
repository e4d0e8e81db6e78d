package dev.bedrocksetup.wizard;

import dev.bedrocksetup.core.Progress;
import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.core.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * The wizard on a real terminal (jline): lists with arrow keys and type-to-filter, text with a default, yes/no.
 * Esc goes back a step, Ctrl-C leaves. The terminal is in raw mode only while a question is open.
 */
public final class TerminalPrompter implements Prompter, AutoCloseable {
    private static final int ESC = 27;
    private static final int CTRL_C = 3;
    private static final int CTRL_U = 21;
    private static final int MAX_VISIBLE = 10;
    private static final int UP = -2;
    private static final int DOWN = -3;
    private static final int OTHER = -4;
    private static final int HOME = -5;
    private static final int END = -6;
    private static final int PAGE_UP = -7;
    private static final int PAGE_DOWN = -8;

    private final Terminal terminal;
    private final PrintWriter out;
    private final Style style;
    /** The wait in progress (or the last one, which prints nothing once closed). */
    private volatile Progress waiting;
    private final AfterFirstQuestion afterFirstQuestion = new AfterFirstQuestion();

    public TerminalPrompter(Terminal terminal, Style style) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.style = style;
    }

    /** Runs {@code work} once, right after the first question is drawn (the AWS warm-up: WizardLauncher). */
    public TerminalPrompter afterFirstQuestion(Runnable work) {
        afterFirstQuestion.set(work);
        return this;
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }

    /** Raw input: no echo, no line editing, Ctrl-C arrives as a key (so we can leave cleanly). */
    private Attributes raw() {
        Attributes saved = terminal.enterRawMode();
        Attributes a = terminal.getAttributes();
        a.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(a);
        return saved;
    }

    private int read(NonBlockingReader r) {
        try {
            return r.read();
        } catch (IOException e) {
            throw new Cancelled();
        }
    }

    /**
     * A key: a char, ESC alone, or one of the named keys below. Escape sequences are read to their final byte
     * (ESC [ 5 ~ is PgUp), so no part of one is ever taken as typed text.
     */
    private int key(NonBlockingReader r) {
        int c = read(r);
        if (c != ESC) {
            return c;
        }
        try {
            int n = r.read(60);
            if (n == 'O') {
                return named(r.read(60), "");
            }
            if (n != '[') {
                return ESC;
            }
            StringBuilder parameters = new StringBuilder();
            int k = r.read(60);
            while (k >= 0x20 && k <= 0x3f) { // parameter and intermediate bytes
                parameters.append((char) k);
                k = r.read(60);
            }
            return named(k, parameters.toString());
        } catch (IOException e) {
            throw new Cancelled();
        }
    }

    /** The key an escape sequence's final byte (and parameters) stands for: xterm's, VT220's and tmux's spellings. */
    private static int named(int last, String parameters) {
        return switch (last) {
            case 'A' -> UP;
            case 'B' -> DOWN;
            case 'H' -> HOME;
            case 'F' -> END;
            case '~' -> switch (parameters) {
                case "1", "7" -> HOME;
                case "4", "8" -> END;
                case "5" -> PAGE_UP;
                case "6" -> PAGE_DOWN;
                default -> OTHER;
            };
            default -> OTHER;
        };
    }

    @Override
    public int select(String question, List<String> choices, int initial) {
        Attributes saved = raw();
        int drawn = 0;
        try {
            String filter = "";
            String ranked = "";
            int cursor = Math.max(0, initial);
            NonBlockingReader r = terminal.reader();
            while (true) {
                List<Integer> visible = ChoiceFilter.matches(choices, filter);
                if (!visible.isEmpty() && (!visible.contains(cursor) || !filter.equals(ranked))) {
                    cursor = filter.isEmpty() ? Math.max(0, initial) : visible.get(0); // the best match
                    cursor = visible.contains(cursor) ? cursor : visible.get(0);
                }
                ranked = filter;
                drawn = draw(drawn, question, filter, choices, visible, cursor);
                int k = key(r);
                int pos = visible.indexOf(cursor);
                int page = Math.max(1, listRows(header(question, filter).size()) - 1);
                if (k == CTRL_C) {
                    throw new Cancelled();
                } else if (k == ESC) {
                    if (!filter.isEmpty()) {
                        filter = "";
                    } else {
                        throw new Back();
                    }
                } else if (k == CTRL_U) {
                    filter = "";
                } else if (pos >= 0 && (k == UP || k == DOWN || k == HOME || k == END || k == PAGE_UP
                        || k == PAGE_DOWN)) {
                    int to = switch (k) {
                        case UP -> pos - 1;
                        case DOWN -> pos + 1;
                        case HOME -> 0;
                        case END -> visible.size() - 1;
                        case PAGE_UP -> pos - page;
                        default -> pos + page;
                    };
                    cursor = visible.get(Math.max(0, Math.min(visible.size() - 1, to)));
                } else if ((k == '\r' || k == '\n') && !visible.isEmpty()) {
                    clear(drawn);
                    drawn = 0;
                    answered(question, ChoiceFilter.name(TerminalText.oneLine(choices.get(cursor))));
                    return cursor;
                } else if (k == 127 || k == 8) {
                    filter = filter.isEmpty() ? "" : filter.substring(0, filter.length() - 1);
                } else if (k >= 32 && k < 127) {
                    filter += (char) k;
                }
            }
        } finally {
            clear(drawn);
            terminal.setAttributes(saved);
        }
    }

    /** The terminal's width, or 80 when it reports none. */
    private int columns() {
        int w = terminal.getWidth();
        return w > 0 ? w : 80;
    }

    /**
     * The question's rows: wrapped at word boundaries to the width, so each row is one row on the screen and the
     * redraw takes back exactly what was drawn (a row the terminal wrapped itself would be left behind, half).
     */
    private List<String> header(String question, String filter) {
        List<String> plain = TerminalText.wrap("? " + TerminalText.oneLine(question), columns() - 1);
        String hint = filter.isEmpty() ? "  (type to filter, Esc: back)" : "  filter: " + filter;
        String shownHint = filter.isEmpty() ? style.dim(hint) : TerminalText.cut(hint, columns() - 1, style.ellipsis());
        List<String> rows = new ArrayList<>();
        plain.replaceAll(row -> TerminalText.cut(row, columns() - 1, style.ellipsis())); // a word wider than a row
        plain.forEach(row -> rows.add(style.bold(row)));
        if (TerminalText.width(plain.get(plain.size() - 1) + hint) < columns()) {
            rows.set(rows.size() - 1, rows.get(rows.size() - 1) + shownHint);
        } else {
            rows.add(shownHint);
        }
        return rows;
    }

    /**
     * How many items the list shows: at most {@link #MAX_VISIBLE}, and few enough that the question, the two
     * "more" markers and the row the cursor rests on fit the terminal's height, so the question never scrolls off.
     */
    private int listRows(int headerRows) {
        int height = terminal.getHeight() > 0 ? terminal.getHeight() : 24;
        return Math.max(1, Math.min(MAX_VISIBLE, height - headerRows - 3));
    }

    private int draw(int previous, String question, String filter, List<String> choices, List<Integer> visible,
            int cursor) {
        clear(previous);
        List<String> lines = new ArrayList<>(header(question, filter));
        int rows = listRows(lines.size());
        int pos = Math.max(0, visible.indexOf(cursor));
        int from = Math.max(0, Math.min(pos - rows / 2, visible.size() - rows));
        int to = Math.min(visible.size(), from + rows);
        if (from > 0) {
            lines.add(style.dim("  " + style.moreAbove() + " " + from + " more"));
        }
        for (int j = from; j < to; j++) {
            int i = visible.get(j);
            lines.add((i == cursor ? style.ok(style.pointer() + " ") : "  ")
                    + TerminalText.cut(TerminalText.oneLine(choices.get(i)), columns() - 3, style.ellipsis()));
        }
        if (to < visible.size()) {
            lines.add(style.dim("  " + style.moreBelow() + " " + (visible.size() - to) + " more"
                    + " (End: last)"));
        }
        if (visible.isEmpty()) {
            lines.add(style.dim("  (nothing matches; Ctrl-U clears)"));
        }
        for (String l : lines) {
            out.print(l + "\r\n");
        }
        out.flush();
        dev.bedrocksetup.core.Trace.mark("question drawn"); // the wizard's first question: its start-up budget
        afterFirstQuestion.shown();
        return lines.size(); // each line fits its row, so rows drawn = lines
    }

    private void clear(int lines) {
        if (lines > 0) {
            out.print("\u001b[" + lines + "A\r\u001b[J");
            out.flush();
        }
    }

    @Override
    public String text(String question, String dflt, Function<String, String> validate) {
        return line(question, dflt, validate, false);
    }

    @Override
    public String secret(String question, Function<String, String> validate) {
        return line(question, null, validate, true);
    }

    private String line(String question, String dflt, Function<String, String> validate, boolean secret) {
        Attributes saved = raw();
        try {
            NonBlockingReader r = terminal.reader();
            String error = null;
            while (true) {
                StringBuilder sb = new StringBuilder();
                String prompt = "? " + TerminalText.oneLine(question)
                        + (dflt != null ? " (" + TerminalText.oneLine(dflt) + ")" : "") + " ";
                if (error != null) {
                    out.print(style.fail("  " + TerminalText.oneLine(error)) + "\r\n");
                }
                out.print(style.bold("? " + TerminalText.oneLine(question))
                        + (dflt != null ? style.dim(" (" + TerminalText.oneLine(dflt) + ")") : "") + " ");
                out.flush();
                while (true) {
                    int k = leaveOn(key(r));
                    if (k == '\r' || k == '\n') {
                        break;
                    }
                    if ((k == 127 || k == 8) && sb.length() > 0) {
                        sb.setLength(sb.length() - 1);
                        out.print("\b \b");
                    } else if (k >= 32 && !TerminalText.isControl((char) k)) {
                        sb.append((char) k);
                        out.print(secret ? '*' : (char) k);
                    }
                    out.flush();
                }
                String value = sb.length() == 0 && dflt != null ? dflt : sb.toString().trim();
                error = validate.apply(value);
                if (error == null) {
                    eraseLine(prompt + (secret ? "*".repeat(sb.length()) : sb));
                    answered(question, secret ? "********" : TerminalText.oneLine(value));
                    return value;
                }
                out.print("\r\n");
            }
        } finally {
            terminal.setAttributes(saved);
        }
    }

    /**
     * Yes or no as a line: y or n, then Enter (Enter alone takes the default). Reading the Enter too means a quick
     * "n⏎" cannot leave its Enter behind to answer the next question unseen.
     */
    @Override
    public boolean confirm(String question, boolean dflt) {
        Attributes saved = raw();
        try {
            String prompt = "? " + TerminalText.oneLine(question) + (dflt ? " [Y/n] " : " [y/N] ");
            out.print(style.bold("? " + TerminalText.oneLine(question)) + style.dim(dflt ? " [Y/n] " : " [y/N] "));
            out.flush();
            NonBlockingReader r = terminal.reader();
            Boolean typed = null;
            while (true) {
                int k = leaveOn(key(r));
                if (k == '\r' || k == '\n') {
                    boolean yes = typed == null ? dflt : typed;
                    eraseLine(prompt + (typed == null ? "" : "y"));
                    answered(question, yes ? "yes" : "no");
                    return yes;
                }
                if (k == 'y' || k == 'Y' || k == 'n' || k == 'N') {
                    out.print((typed == null ? "" : "\b") + (char) k);
                    typed = k == 'y' || k == 'Y';
                } else if ((k == 127 || k == 8) && typed != null) {
                    out.print("\b \b");
                    typed = null;
                }
                out.flush();
            }
        } finally {
            terminal.setAttributes(saved);
        }
    }

    /** Takes back the line the cursor is on, and the rows above it that {@code shown} wrapped into. */
    private void eraseLine(String shown) {
        int rows = TerminalText.rows(shown, columns()) - 1;
        out.print((rows > 0 ? "\u001b[" + rows + "A" : "") + "\r\u001b[J");
    }

    /**
     * An answered question: "✔ question answer", as every kind of question leaves it; wrapped at word boundaries
     * when it is wider than the terminal.
     */
    private void answered(String question, String answer) {
        String text = TerminalText.oneLine(question) + " " + answer;
        List<String> rows = TerminalText.wrap(text, columns() - 3);
        if (rows.size() == 1) {
            out.print(style.check() + " " + TerminalText.oneLine(question) + " " + style.bold(answer) + "\r\n");
        } else {
            for (int i = 0; i < rows.size(); i++) {
                out.print((i == 0 ? style.check() + " " : "  ") + rows.get(i) + "\r\n");
            }
        }
        out.flush();
    }

    @Override
    public Style style() {
        return style;
    }

    /** Ctrl-C leaves the wizard, Esc goes back: both end the line first. Other keys pass through. */
    private int leaveOn(int k) {
        if (k == CTRL_C || k == ESC) {
            out.print("\r\n");
            out.flush();
            throw k == CTRL_C ? new Cancelled() : new Back();
        }
        return k;
    }

    /**
     * Prose and results, wrapped at word boundaries to the terminal's width. A spinner turning meanwhile is taken
     * back first and turns on below.
     */
    @Override
    public void say(String line) {
        // a warning ("! …") is painted as such
        say(line, line.startsWith("! ") ? Tone.WARNING : null);
    }

    @Override
    public void say(String line, Tone tone) {
        // line breaks of the wizard's own text stay; every other control character a value brought is escaped
        // before anything is painted, so only the wizard's colours reach jline; rows wrapped, then painted
        List<String> rows = TerminalText.wrap(TerminalText.escape(line), columns() - 1);
        Runnable print = () -> {
            rows.forEach(row -> out.print((tone == Tone.DIFF ? style.diff(row) : tone == Tone.WARNING
                    ? style.warn(row) : tone == Tone.IDENTITY ? style.ok(row) : row) + "\r\n"));
            out.flush();
        };
        Progress wait = waiting;
        if (wait != null) {
            wait.above(print);
        } else {
            print.run();
        }
    }

    /** A spinner with the seconds below the last line, from 300 ms into the wait until it ends. */
    @Override
    public Progress waiting(String what) {
        waiting = Progress.start(out, style, what);
        return waiting;
    }
}
