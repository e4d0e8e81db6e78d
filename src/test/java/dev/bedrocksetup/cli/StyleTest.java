package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.Style;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Environment.Os;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour and symbols degrade cleanly: what a user sees on each kind of terminal. */
class StyleTest {
    static final String SONNET_US = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String ESC = "\u001b[";

    @TempDir
    Path home;

    private Environment env(Os os, String... variables) {
        try {
            new dev.bedrocksetup.testing.TempHome(home).ssoProfiles("dev");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        for (int i = 0; i < variables.length; i += 2) {
            vars.put(variables[i], variables[i + 1]);
        }
        return new Environment(vars, home, home, os, Clock.systemUTC());
    }

    /** stderr of a successful init (it writes, or finds nothing to change), as the user's screen would get it. */
    private String initStderr(Environment env, boolean terminal, String consoleEncoding, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("init", "--yes", "--profile", "dev", "--region", "us-west-2",
                "--model", SONNET_US));
        args.addAll(List.of(extraArgs));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BedrockSetup.runOnTerminal(env, new ByteArrayInputStream(new byte[0]), out, err, terminal,
                consoleEncoding, args.toArray(new String[0]));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8);
    }

    /** stderr of a usage error, the line that is coloured red on a colour terminal. */
    private String errorStderr(Environment env, boolean terminal, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("init", "--yes"));
        args.addAll(List.of(extraArgs));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BedrockSetup.runOnTerminal(env, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                err, terminal, "UTF-8", args.toArray(new String[0]));
        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8);
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    @Test
    void aColourTerminalGetsColour() {
        assertTrue(errorStderr(env(Os.LINUX, "TERM", "xterm-256color"), true).startsWith(ESC + "31m"));
    }

    @Test
    void noColorAndTheFlagAndDumbTerminalsTurnColourOff() {
        assertFalse(errorStderr(env(Os.LINUX, "NO_COLOR", "1"), true).contains(ESC), "NO_COLOR");
        assertFalse(errorStderr(env(Os.LINUX), true, "--no-color").contains(ESC), "--no-color");
        assertFalse(errorStderr(env(Os.LINUX, "TERM", "dumb"), true).contains(ESC), "TERM=dumb");
        assertFalse(errorStderr(env(Os.LINUX), false).contains(ESC), "not a terminal");
    }

    @Test
    void anEmptyNoColorLeavesColourOn() {
        // no-color.org: only a non-empty value counts
        assertTrue(errorStderr(env(Os.LINUX, "NO_COLOR", ""), true).contains(ESC));
    }

    @Test
    void aUtf8LocaleGetsSymbols() {
        String err = initStderr(env(Os.LINUX, "LANG", "en_US.UTF-8"), false, null);
        assertTrue(err.contains("✔ "), err);
    }

    @Test
    void aNonUtf8LocaleGetsAsciiWords() {
        for (String[] locale : new String[][] {{"LANG", "C"}, {"LANG", "de_DE.ISO-8859-1"},
            {"LC_ALL", "POSIX", "LANG", "en_US.UTF-8"}, {}}) {
            String err = initStderr(env(Os.LINUX, locale), false, null);
            assertTrue(ascii(err), String.join("=", locale) + ": " + err);
            assertTrue(err.contains("ok "), err);
        }
    }

    @Test
    void aChangedKeyShowsAnAsciiArrowOnAsciiTerminals() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BedrockSetup.runOnTerminal(env(Os.LINUX, "LANG", "C"), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), err, false, null, new String[] {"init", "--yes", "--profile", "dev",
                    "--region", "us-west-2", "--model", SONNET_US});
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("ok Updated "), text);
        assertTrue(text.contains("env.AWS_PROFILE: (absent) -> \"dev\""), text);
        assertTrue(ascii(text), text);
    }

    @Test
    void theJvmsConsoleEncodingWinsOverTheLocale() {
        assertTrue(ascii(initStderr(env(Os.LINUX, "LANG", "en_US.UTF-8"), false, "Cp437")));
        assertTrue(initStderr(env(Os.LINUX, "LANG", "C"), false, "UTF-8").contains("✔"));
    }

    @Test
    void classicWindowsConsoleGetsNeitherColourNorSymbols() {
        Environment conhost = env(Os.WINDOWS);
        assertFalse(errorStderr(conhost, true).contains(ESC), "escape codes would print literally");
        assertTrue(ascii(initStderr(conhost, true, null)));
        assertTrue(ascii(initStderr(conhost, true, "cp850")));
    }

    @Test
    void windowsTerminalGetsColourAndSymbols() {
        Environment wt = env(Os.WINDOWS, "WT_SESSION", "5e1b");
        assertTrue(errorStderr(wt, true).contains(ESC));
        assertTrue(initStderr(wt, true, null).contains("✔"));
        assertTrue(ascii(initStderr(wt, true, "cp437")), "the console's code page still decides the symbols");
    }

    @Test
    void helpIsColouredOnlyWhereOtherOutputIs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BedrockSetup.runOnTerminal(env(Os.LINUX, "NO_COLOR", "1"), new ByteArrayInputStream(new byte[0]), out,
                new ByteArrayOutputStream(), true, "UTF-8", new String[] {"--help"});
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(ESC));
    }

    @Test
    void asciiStyleNamesEachSymbol() {
        assertEquals("ok", Style.ascii().check());
        assertEquals("x", Style.ascii().cross());
        assertEquals("!", Style.ascii().caution());
        assertEquals("->", Style.ascii().arrow());
        assertEquals("✘", Style.plain().cross());
    }
}
