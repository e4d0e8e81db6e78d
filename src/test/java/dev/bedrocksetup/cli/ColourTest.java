package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Environment.Os;
import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.testing.TempHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff and the tool's own colours on a colour terminal only; a value's escape sequences never pass as colour. */
class ColourTest {
    static final String ESC = "\u001b[";
    static final String DIFF = "--- a/settings.json\n+++ b/settings.json\n@@ -1,2 +1,3 @@\n {\n-  \"theme\": \"dark\"\n"
            + "+  \"theme\": \"dark\",\n+  \"env\": {}\n";

    @TempDir
    Path home;

    @Test
    void aDiffIsPaintedLineByLineWhereColourIsOn() {
        String painted = Style.colored().diff(DIFF);
        assertTrue(painted.contains(ESC + "32m+  \"env\": {}" + ESC + "0m\n"), painted);
        assertTrue(painted.contains(ESC + "31m-  \"theme\": \"dark\"" + ESC + "0m\n"), painted);
        assertTrue(painted.contains(ESC + "36m@@ -1,2 +1,3 @@" + ESC + "0m\n"), painted);
        assertTrue(painted.contains("\n {\n"), "context lines stay plain: " + painted);
        assertEquals(DIFF, Style.plain().diff(DIFF), "no colour: the diff as it is");
        assertEquals(DIFF, Style.ascii().diff(DIFF));
    }

    @Test
    void aValuesOwnEscapesAreShownNotActedOnWhenColourIsOn() {
        String hostile = "+  \"theme\": \"\u001b[8mhidden\u001b]0;title\u0007\"\n";
        String painted = Style.colored().diff(hostile);
        assertEquals(ESC + "32m+  \"theme\": \"\\u001b[8mhidden\\u001b]0;title\\u0007\"" + ESC + "0m\n", painted);
        String warned = Style.colored().warn("profile \u001b[31mdev");
        assertEquals(ESC + "33mprofile \\u001b[31mdev" + ESC + "0m", warned);
    }

    private String dryRunStdout(boolean terminal, String... variables) throws Exception {
        new TempHome(home).ssoProfiles("dev").write(".claude/settings.json", "{\n  \"theme\": \"dark\"\n}\n");
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("TERM", "xterm-256color");
        for (int i = 0; i < variables.length; i += 2) {
            vars.put(variables[i], variables[i + 1]);
        }
        Environment env = new Environment(vars, home, home, Os.LINUX, Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BedrockSetup.runOnTerminal(env, new ByteArrayInputStream(new byte[0]), out, err, terminal, "UTF-8",
                new String[] {"init", "--yes", "--dry-run", "--profile", "dev", "--region", "us-west-2", "--model",
                    "us.anthropic.claude-sonnet-4-5-20250929-v1:0"});
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void initsDiffIsColouredOnAColourTerminalAndPlainElsewhere() throws Exception {
        String coloured = dryRunStdout(true);
        assertTrue(coloured.contains(ESC + "32m+    \"CLAUDE_CODE_USE_BEDROCK\": \"1\"," + ESC + "0m"), coloured);
        assertTrue(coloured.contains(ESC + "31m-  \"theme\": \"dark\"" + ESC + "0m"), coloured);
        assertTrue(coloured.contains(ESC + "36m@@ "), coloured);
        assertFalse(dryRunStdout(true, "NO_COLOR", "1").contains("\u001b"), "NO_COLOR");
        assertFalse(dryRunStdout(false).contains("\u001b"), "not a terminal");
        assertTrue(dryRunStdout(false).contains("\n+    \"CLAUDE_CODE_USE_BEDROCK\": \"1\",\n"));
    }
}
