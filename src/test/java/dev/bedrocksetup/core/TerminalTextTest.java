package dev.bedrocksetup.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void widthCountsColumnsNotChars() {
        assertEquals(1, TerminalText.width("✔"));
        assertEquals(4, TerminalText.width("漢字"), "wide characters take two columns");
        assertEquals(1, TerminalText.width("e\u0301"), "a combining accent takes none");
        assertEquals(2, TerminalText.width("😀"), "one symbol, two chars, two columns");
        assertEquals(2, TerminalText.rows("x".repeat(61), 60));
        assertEquals(1, TerminalText.rows("", 60));
    }

    @Test
    void wrapBreaksAtSpacesAndIndentsTheContinuation() {
        assertEquals(List.of("  Claude Code derives the", "  eu. prefix from", "  eu-west-1"),
                TerminalText.wrap("  Claude Code derives the eu. prefix from eu-west-1", 25));
        assertEquals(List.of("short", "", "two lines"), TerminalText.wrap("short\n\ntwo lines", 40));
        assertEquals(List.of("see", "https://example.awsapps.com/start", "then"),
                TerminalText.wrap("see https://example.awsapps.com/start then", 20),
                "a word wider than the row stays whole, so a URL copies as one");
        assertEquals(List.of("a  b"), TerminalText.wrap("a  b", 20), "columns of spaces stay");
    }

    @Test
    void cutKeepsTheRowAndMarksTheCut() {
        assertEquals("us.anthr…", TerminalText.cut("us.anthropic.claude", 9, "…"));
        assertEquals("漢字…", TerminalText.cut("漢字漢字", 6, "…"));
        assertEquals("short", TerminalText.cut("short", 9, "…"));
    }
}
