package dev.bedrocksetup.wizard;

import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.core.Style;
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
    private static final int MAX_VISIBLE = 10;

    private final Terminal terminal;
    private final PrintWriter out;
    private final Style style;

    public TerminalPrompter(Terminal terminal, Style style) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.style = style;
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

    /** A key: a char, or UP/DOWN, or ESC alone. */
    private int key(NonBlockingReader r) {
        int c = read(r);
        if (c != ESC) {
            return c;
        }
        try {
            int n = r.read(60);
            if (n == '[' || n == 'O') {
                int k = r.read(60);
                if (k == 'A') {
                    return -2; // up
                }
                if (k == 'B') {
                    return -3; // down
                }
                return -4; // other escape sequence: ignore
            }
            return ESC;
        } catch (IOException e) {
            throw new Cancelled();
        }
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
                if (k == CTRL_C) {
                    throw new Cancelled();
                } else if (k == ESC) {
                    if (!filter.isEmpty()) {
                        filter = "";
                    } else {
                        throw new Back();
                    }
                } else if (k == -2 && pos > 0) {
                    cursor = visible.get(pos - 1);
                } else if (k == -3 && pos >= 0 && pos < visible.size() - 1) {
                    cursor = visible.get(pos + 1);
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

    private int draw(int previous, String question, String filter, List<String> choices, List<Integer> visible,
            int cursor) {
        clear(previous);
        List<String> lines = new ArrayList<>();
        lines.add(style.bold("? " + TerminalText.oneLine(question))
                + (filter.isEmpty() ? style.dim("  (type to filter, Esc: back)") : "  filter: " + filter));
        int pos = Math.max(0, visible.indexOf(cursor));
        int from = Math.max(0, Math.min(pos - MAX_VISIBLE / 2, visible.size() - MAX_VISIBLE));
        for (int j = from; j < Math.min(visible.size(), from + MAX_VISIBLE); j++) {
            int i = visible.get(j);
            lines.add((i == cursor ? style.ok(style.pointer() + " ") : "  ")
                    + truncate(TerminalText.oneLine(choices.get(i))));
        }
        if (visible.isEmpty()) {
            lines.add(style.dim("  (nothing matches)"));
        }
        for (String l : lines) {
            out.print(l + "\r\n");
        }
        out.flush();
        return lines.size();
    }

    private String truncate(String s) {
        int width = Math.max(20, terminal.getWidth() - 4);
        return s.length() <= width ? s : s.substring(0, width - style.ellipsis().length()) + style.ellipsis();
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
                    eraseLine(prompt.length() + sb.length());
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
                    eraseLine(prompt.length() + (typed == null ? 0 : 1));
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

    /** Takes back the line the cursor is on, and the rows above it that {@code columns} characters wrapped into. */
    private void eraseLine(int columns) {
        int rows = Math.max(0, columns - 1) / Math.max(1, terminal.getWidth());
        out.print((rows > 0 ? "\u001b[" + rows + "A" : "") + "\r\u001b[J");
    }

    /** An answered question: "✔ question answer", as every kind of question leaves it. */
    private void answered(String question, String answer) {
        out.print(style.check() + " " + TerminalText.oneLine(question) + " " + style.bold(answer) + "\r\n");
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

    @Override
    public void say(String line) {
        // line breaks of the wizard's own text stay; every other control character a value brought is escaped;
        // a warning ("! …") is painted as such
        say(line, line.startsWith("! ") ? Tone.WARNING : null);
    }

    @Override
    public void say(String line, Tone tone) {
        // Style escapes a value's own control characters before it paints, so only the wizard's colours reach jline
        String shown = tone == Tone.DIFF ? style.diff(line) : tone == Tone.WARNING ? style.warn(line)
                : tone == Tone.IDENTITY ? style.ok(line) : TerminalText.escape(line);
        out.print(shown.replace("\n", "\r\n") + "\r\n");
        out.flush();
    }
}
