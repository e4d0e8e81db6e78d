package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import dev.bedrocksetup.wizard.ScriptedPrompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of `init` says what to do next, and after the demo its commands act on the demo's home. */
class InitEndingTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;

    @BeforeEach
    void start() throws Exception {
        stand = new StandInHome(dir.resolve("home"));
        home = stand.home;
        stand.userKeys("keys", "dev");
    }

    @AfterEach
    void stop() {
        WizardHook.use(null);
        stand.close();
    }

    private Run init() {
        Run r = home.run("init", "--yes", "--profile", "keys", "--region", "us-east-1", "--model", SONNET);
        assertEquals(0, r.exit, r.toString());
        return r;
    }

    @Test
    void withoutClaudeCodeOnPathItSaysHowToInstallItThenToRunIt() throws Exception {
        home.vars.put("PATH", Files.createDirectories(dir.resolve("empty-bin")).toString());
        Run r = init();
        assertTrue(r.err.contains("  Check it:  bedrock-setup doctor\n"), r.err);
        assertTrue(r.err.contains("  Undo it:   bedrock-setup reset\n"), r.err);
        assertTrue(r.err.contains("Claude Code is not on PATH. Install it: npm install -g @anthropic-ai/claude-code\n"),
                r.err);
        assertTrue(r.err.contains("https://claude.ai/install.sh"), r.err);
        assertTrue(r.err.endsWith("  Then run:  claude\n"), r.err);
    }

    @Test
    void withClaudeCodeOnPathItSaysToStartIt() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("claude"), "#!/bin/sh\necho 2.1.330 '(Claude Code)'\n");
        Files.setPosixFilePermissions(bin.resolve("claude"), PosixFilePermissions.fromString("rwxr-xr-x"));
        home.vars.put("PATH", bin.toString());
        Run r = init();
        assertTrue(r.err.endsWith("  Start it:  claude\n"), r.err);
        assertFalse(r.err.contains("Install it"), r.err);
    }

    @Test
    void afterTheDemoCheckAndUndoActOnTheDemosHome() throws Exception {
        Run r = home.run("init", "--demo", "--yes");
        assertEquals(0, r.exit, r.toString());
        Matcher m = Pattern.compile("  Check it:  HOME=(\\S+) bedrock-setup doctor --offline\n").matcher(r.err);
        assertTrue(m.find(), r.err);
        Path demoHome = Path.of(m.group(1));
        assertTrue(r.err.contains("  Undo it:   HOME=" + demoHome + " bedrock-setup reset --remove-profile\n"),
                "the demo created its profile, so undo takes it too: " + r.err);
        assertFalse(r.err.contains("run:  claude"), "the demo's stand-in is gone: Claude Code cannot use it");
        // what the lines say, run as they say (HOME is the home the tool reads)
        TempHome demo = new TempHome(demoHome);
        Run check = demo.run("doctor", "--offline"); // its report moves to stdout in another branch
        assertTrue((check.out + check.err).contains("BedrockUser-111122223333"), "the doctor read the demo's setup: " + check);
        Run undo = demo.run("reset", "--yes", "--remove-profile");
        assertEquals(0, undo.exit, undo.toString());
        Path demoSettings = demoHome.resolve(".claude/settings.json");
        assertFalse(Files.exists(demoSettings) && Files.readString(demoSettings).contains("CLAUDE_CODE_USE_BEDROCK"),
                "reset undid the demo's setup: " + undo);
        Path demoConfig = demoHome.resolve(".aws/config");
        assertFalse(Files.exists(demoConfig) && Files.readString(demoConfig).contains("BedrockUser-111122223333"),
                "and the profile it created: " + undo);
        assertFalse(Files.exists(home.userSettings()), "the real home was never touched");
    }

    /** The demo's opening words fit the window, as the wizard's own lines do (a path is one word, kept whole). */
    @Test
    void theDemosOpeningLinesAreWrappedToTheWindow() {
        ScriptedPrompter p = new ScriptedPrompter("<cancel>");
        WizardHook.use(p);
        home.vars.put("COLUMNS", "60");
        Run r = home.run("init", "--demo");
        assertEquals(130, r.exit, r + "\n" + p.transcript);
        List<String> opening = r.err.lines().takeWhile(l -> !l.startsWith("Demo: no setup")).toList();
        assertTrue(opening.size() >= 3, r.err);
        for (String line : opening) {
            assertTrue(line.length() <= 60 || !line.strip().contains(" "), "at most 60 columns: '" + line + "'\n"
                    + r.err);
        }
        assertTrue(opening.stream().anyMatch(l -> l.startsWith("Use the start URL https://example.awsapps.com/start")),
                r.err);
    }

    @Test
    void aDemoCancelledBeforeWritingDoesNotPointAtFiles() {
        ScriptedPrompter p = new ScriptedPrompter("<cancel>");
        WizardHook.use(p);
        Run r = home.run("init", "--demo");
        assertEquals(130, r.exit, r + "\n" + p.transcript);
        Matcher m = Pattern.compile("a throw-away home (\\S+)\\.\n").matcher(r.err);
        assertTrue(m.find(), r.err);
        assertFalse(r.err.contains("Demo files are in"), r.err);
        assertTrue(r.err.contains("Demo: no setup was written"), r.err);
        assertFalse(Files.exists(Path.of(m.group(1))), "the empty demo home is removed");
    }
}
