package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `doctor --fix` repairs what it can without guessing, through the journal, so `reset` undoes it exactly. */
class DoctorFixTest {
    @TempDir
    Path dir;

    @Test
    void fixesAreShownAppliedAndUndoable() throws Exception {
        TempHome home = new TempHome(dir);
        String original = "{\n  \"env\": {\n    \"CLAUDE_CODE_USE_BEDROCK\": 1,\n    \"AWS_PROFILE\": \"dev\",\n"
                + "    \"ANTHROPIC_MODEL\": \"us.anthropic.claude-sonnet-4-5-20250929-v1:0\",\n"
                + "    \"ANTHROPIC_SMALL_FAST_MODEL\": \"eu.anthropic.claude-haiku-4-5-20251001-v1:0\"\n  },\n"
                + "  \"permissions\": {\"allow\": []}\n}\n";
        home.write(".claude/settings.json", original);
        home.write(".aws/config", "[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n");

        Run noTerminal = home.run("doctor", "--offline", "--fix");
        assertEquals(2, noTerminal.exit, noTerminal.toString());

        Run declined = home.runWithInput("n\n", "doctor", "--offline", "--fix");
        assertEquals(2, declined.exit, "not interactive: refused before asking");

        Run preview = home.run("doctor", "--offline", "--fix", "--dry-run");
        assertEquals(1, preview.exit, preview.toString());
        assertTrue(preview.out.contains("+    \"CLAUDE_CODE_USE_BEDROCK\": \"1\","), "the diff: " + preview);
        assertTrue(preview.err.contains("Dry run: nothing was written."), preview.err);
        assertEquals(original, home.read(".claude/settings.json"), "--dry-run writes nothing");

        Run fixed = home.run("doctor", "--offline", "--fix", "--yes");
        assertTrue(fixed.out.contains("+    \"CLAUDE_CODE_USE_BEDROCK\": \"1\","), fixed.toString());
        assertTrue(fixed.err.contains("Applied."), fixed.err);
        String text = home.read(".claude/settings.json");
        assertTrue(text.contains("\"CLAUDE_CODE_USE_BEDROCK\": \"1\""), text);
        assertTrue(text.contains("\"AWS_REGION\": \"eu-west-1\""), "region taken from the profile: " + text);
        assertTrue(text.contains("\"ANTHROPIC_MODEL\": \"eu.anthropic.claude-sonnet-4-5-20250929-v1:0\""), text);
        assertTrue(text.contains("\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"eu.anthropic.claude-haiku-4-5-20251001-v1:0\""));
        assertFalse(text.contains("ANTHROPIC_SMALL_FAST_MODEL"), text);
        assertTrue(text.contains("\"permissions\": {\"allow\": []}"), "foreign keys untouched");
        assertFalse(fixed.out.contains("FAIL Model prefixes fit"), "re-checked after the fix: " + fixed.out);

        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(original, home.read(".claude/settings.json"), "reset undoes doctor --fix exactly");
    }
}
