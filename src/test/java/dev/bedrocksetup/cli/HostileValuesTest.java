package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.Style;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values from settings files, presets and arguments are data, never terminal commands (issue 19, item 10), and no
 * value is so long that refusing it takes long or floods the terminal (item 14).
 */
class HostileValuesTest {
    /** Sets the terminal's window title and rings the bell, as a cloned repository's settings could. */
    static final String TITLE = "\u001b]0;owned\u0007";
    static final String SONNET_US = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @TempDir
    Path dir;
    TempHome home;

    @BeforeEach
    void setUp() throws IOException {
        home = new TempHome(dir).ssoProfiles("dev");
    }

    /** What a terminal would act on: any C0 control but line feed and tab, DEL, C1, a bidi override. */
    static void assertNoControlCharacters(String text, String context) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            assertFalse(control, String.format("U+%04X at %d in %s:%n%s", (int) c, i, context, text));
        }
    }

    static String json(String s) {
        return dev.bedrocksetup.json.JsonText.quote(s);
    }

    @Test
    void doctorShowsSettingsValuesWithControlCharactersEscaped() throws IOException {
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_PROFILE\": "
                + json("dev" + TITLE) + ", \"AWS_REGION\": " + json("us-west-2\n  ok   all checks passed")
                + ", \"ANTHROPIC_MODEL\": " + json("x\u009b2J\u202e") + "}}\n");
        Run r = home.run("doctor", "--offline");
        assertNoControlCharacters(r.err + r.out, "doctor --offline");
        assertTrue(r.out.contains("dev\\u001b]0;owned\\u0007"), "the value is shown, escaped: " + r.out);
        for (String line : r.out.split("\n")) {
            assertFalse(line.startsWith("  ok   all checks passed"), "a value cannot start a line: " + r.out);
        }
    }

    @Test
    void doctorJsonStaysJsonWithTheValueIntact() throws Exception {
        home.write(".claude/settings.json", "{\"env\": {\"AWS_PROFILE\": " + json("dev" + TITLE + "\u0085") + "}}\n");
        Run r = home.run("doctor", "--offline", "--json");
        assertNoControlCharacters(r.out, "doctor --json");
        Object doc = dev.bedrocksetup.json.JsonDocument.parse(r.out).root().toValue();
        assertTrue(doc.toString().contains("dev" + TITLE + "\u0085"), "JSON carries the exact value: " + r.out);
    }

    @Test
    void errorMessagesEscapeControlCharactersOfArguments() {
        Run r = home.run("init", "--yes", "--profile", "dev" + TITLE, "--region", "us-west-2", "--model", SONNET_US,
                "--skip-probe");
        assertEquals(2, r.exit, r.toString());
        assertNoControlCharacters(r.err, "init error");
        assertTrue(r.err.contains("\\u001b]0;owned\\u0007"), r.err);
        Run region = home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2" + TITLE, "--model",
                SONNET_US, "--skip-probe");
        assertEquals(2, region.exit, region.toString());
        assertNoControlCharacters(region.err, "init --region error");
        Run unknown = home.run("doctor", "--offlin" + TITLE);
        assertEquals(2, unknown.exit, unknown.toString());
        assertNoControlCharacters(unknown.err, "picocli's usage error");
    }

    @Test
    void errorMessagesEscapeControlCharactersOfPresetValues() throws IOException {
        Path preset = home.write("team.json", "{\"region\": \"us-west-2\", \"model\": " + json(SONNET_US + TITLE)
                + "}");
        Run r = home.run("init", "--yes", "--profile", "dev", "--preset", preset.toString(), "--skip-probe");
        assertEquals(2, r.exit, r.toString());
        assertNoControlCharacters(r.err, "preset error");
        assertTrue(r.err.contains("\\u001b]0;owned"), r.err);
    }

    @Test
    void colourSequencesOfTheToolPassButNoOtherEscapeDoes() throws IOException {
        StringWriter out = new StringWriter();
        try (TerminalSafeWriter w = new TerminalSafeWriter(out, true)) {
            w.write(Style.colored().fail("bedrock-setup: ") + "value " + TITLE + " \u001b[2J\u001b[8m end\r\n");
        }
        assertEquals("\u001b[31mbedrock-setup: \u001b[0mvalue \\u001b]0;owned\\u0007 \\u001b[2J\\u001b[8m end\r\n",
                out.toString());
        StringWriter plain = new StringWriter();
        try (TerminalSafeWriter w = new TerminalSafeWriter(plain, false)) {
            w.write("\u001b[31mred\u001b[0m a\rb");
        }
        assertEquals("\\u001b[31mred\\u001b[0m a\\u000db", plain.toString(), "no colour: no ESC at all");
    }

    @Test
    void aHundredKilobyteArgumentIsRefusedAtOnceEchoingOnlyItsStart() {
        String huge = "p".repeat(100 * 1024);
        for (String[] args : new String[][] {
            {"init", "--yes", "--profile", huge, "--region", "us-west-2", "--model", SONNET_US},
            {"export-credentials", "--profile", huge},
            {"login", "--profile", huge},
            {"doctor", "--offline", "--project-dir", huge},
            {"init", "--yes", "--profile", "dev", "--region", huge, "--model", SONNET_US},
            {"init", "--yes", "--sso-start-url", "https://example.awsapps.com/start/" + huge, "--sso-region",
                "us-east-1"}}) {
            long start = System.nanoTime();
            Run r = home.run(args);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(2, r.exit, r.toString().substring(0, Math.min(2000, r.toString().length())));
            assertTrue(took.toMillis() < 2000, args[0] + " took " + took.toMillis() + " ms");
            assertTrue(r.err.length() < 600, "echoes a prefix only, not " + r.err.length() + " chars");
        }
    }

    @Test
    void aLongProfileNameUnderTheArgumentLimitIsQuotedByItsStart() {
        String longName = "p".repeat(4000);
        Run r = home.run("init", "--yes", "--profile", longName, "--region", "us-west-2", "--model", SONNET_US);
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.length() < 600, r.err);
        assertTrue(r.err.contains("(4000 chars)"), r.err);
    }
}
