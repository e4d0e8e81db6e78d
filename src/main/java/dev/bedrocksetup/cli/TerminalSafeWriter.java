package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.core.TerminalText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;

/**
 * What every command prints passes through here, on stdout and stderr alike, so no value from a settings file, a
 * preset, an argument or an AWS answer can act on the terminal: each control character is shown escaped
 * ({@link TerminalText}). Line feeds stay (and CR LF, the Windows line end); tabs stay. The one exception is colour:
 * when {@link Style} paints, the exact SGR sequences it and picocli's help use pass (bold, dim, italic, underline,
 * red, green, yellow, cyan, their resets), and nothing else that starts with ESC — no title, clipboard, cursor or link
 * sequence. JSON output stays JSON: the escaped spelling of a control character is its JSON escape, and JSON text
 * has raw control characters only inside strings.
 */
final class TerminalSafeWriter extends FilterWriter {
    /** The SGR parameters Style and picocli's help colour scheme emit. */
    private static final Set<String> COLOUR_PARAMETERS = Set.of("0", "1", "2", "3", "4", "21", "22", "23", "24",
            "31", "32", "33", "36", "39");
    private static final int LONGEST_SEQUENCE = 16;

    private final boolean colour;
    /** An ESC sequence or a CR not yet known to be harmless. */
    private final StringBuilder pending = new StringBuilder();

    TerminalSafeWriter(Writer out, boolean colour) {
        super(out);
        this.colour = colour;
    }

    @Override
    public void write(int c) throws IOException {
        accept((char) c);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            accept(buf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            accept(s.charAt(i));
        }
    }

    @Override
    public void flush() throws IOException {
        // a sequence cut by a flush is shown escaped: only a whole one can be a colour
        releasePending();
        super.flush();
    }

    @Override
    public void close() throws IOException {
        releasePending();
        super.close();
    }

    private void accept(char c) throws IOException {
        if (pending.length() > 0) {
            pending.append(c);
            settlePending();
            return;
        }
        if (c == '\r' || (c == '\u001b' && colour)) {
            pending.append(c);
            return;
        }
        emit(c);
    }

    /** Decides a pending CR or ESC sequence once enough of it is known. */
    private void settlePending() throws IOException {
        if (pending.charAt(0) == '\r') {
            // CR LF is a line end; a lone CR would let a value overwrite the line it is on
            char next = pending.charAt(1);
            pending.setLength(0);
            if (next == '\n') {
                out.write("\r\n");
            } else {
                out.write(TerminalText.escaped('\r'));
                accept(next);
            }
            return;
        }
        String seq = pending.toString();
        if (isColour(seq)) {
            out.write(seq);
            pending.setLength(0);
        } else if (!couldBecomeColour(seq)) {
            pending.setLength(0);
            out.write(TerminalText.escaped('\u001b'));
            for (int i = 1; i < seq.length(); i++) {
                accept(seq.charAt(i));
            }
        }
    }

    private void releasePending() throws IOException {
        if (pending.length() == 0) {
            return;
        }
        String seq = pending.toString();
        pending.setLength(0);
        out.write(TerminalText.escaped(seq.charAt(0)));
        for (int i = 1; i < seq.length(); i++) {
            emit(seq.charAt(i));
        }
    }

    private void emit(char c) throws IOException {
        if (c != '\n' && c != '\t' && TerminalText.isControl(c)) {
            out.write(TerminalText.escaped(c));
        } else {
            out.write(c);
        }
    }

    private static boolean isColour(String seq) {
        if (seq.length() < 3 || !seq.startsWith("\u001b[") || !seq.endsWith("m")) {
            return false;
        }
        String params = seq.substring(2, seq.length() - 1);
        if (params.isEmpty()) {
            return false;
        }
        for (String p : params.split(";", -1)) {
            if (!COLOUR_PARAMETERS.contains(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean couldBecomeColour(String seq) {
        if (seq.length() > LONGEST_SEQUENCE) {
            return false;
        }
        if (seq.length() == 1) {
            return true;
        }
        if (seq.charAt(1) != '[') {
            return false;
        }
        for (int i = 2; i < seq.length(); i++) {
            char c = seq.charAt(i);
            if (!(Character.isDigit(c) || c == ';')) {
                return false;
            }
        }
        return true;
    }
}
