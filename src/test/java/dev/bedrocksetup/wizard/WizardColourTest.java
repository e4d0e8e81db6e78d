package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.Style;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The wizard paints warnings, the identity line and the diff on a colour terminal, after escaping their values. */
class WizardColourTest {
    static final String ESC = "\u001b[";

    private static String said(Style style, java.util.function.Consumer<Prompter> says) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = new ExternalTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]), out,
                StandardCharsets.UTF_8)) {
            says.accept(new TerminalPrompter(t, style));
            t.flush();
        }
        // the terminal's own output processing turns LF into CR LF; line ends do not matter here
        return out.toString(StandardCharsets.UTF_8).replace("\r", "");
    }

    @Test
    void warningsIdentityAndDiffAreColouredOnlyWhereColourIsOn() throws Exception {
        java.util.function.Consumer<Prompter> says = p -> {
            p.say("! AWS did not confirm these credentials");
            p.say("✔ Identity: account 111122223333, dev", Prompter.Tone.IDENTITY);
            p.say("@@ -1 +1 @@\n-old\n+new", Prompter.Tone.DIFF);
            p.say("plain \u001b[31mvalue");
        };
        String coloured = said(Style.colored(), says);
        assertTrue(coloured.contains(ESC + "33m! AWS did not confirm these credentials" + ESC + "0m\n"), coloured);
        assertTrue(coloured.contains(ESC + "32m✔ Identity: account 111122223333, dev" + ESC + "0m\n"), coloured);
        assertTrue(coloured.contains(ESC + "36m@@ -1 +1 @@" + ESC + "0m\n" + ESC + "31m-old" + ESC + "0m\n"
                + ESC + "32m+new" + ESC + "0m\n"), coloured);
        assertTrue(coloured.contains("plain \\u001b[31mvalue\n"), "a value's escape is shown: " + coloured);
        String plain = said(Style.plain(), says);
        assertEquals("! AWS did not confirm these credentials\n✔ Identity: account 111122223333, dev\n"
                + "@@ -1 +1 @@\n-old\n+new\nplain \\u001b[31mvalue\n", plain);
    }
}
