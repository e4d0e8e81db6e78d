package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage as a user meets it: one line saying what is wrong (with the likely meaning), one with the fix, exit 2. */
class UsageErrorTest {
    @TempDir
    Path dir;

    @Test
    void aMistypedOptionGetsTheOptionItProbablyMeant() {
        Run r = new TempHome(dir).run("init", "--regoin", "eu-west-1");
        assertEquals(2, r.exit, r.toString());
        List<String> lines = r.err.lines().toList();
        assertEquals(2, lines.size(), r.err);
        // the closest first (--region-prefix is a further candidate since issue 17's options)
        assertTrue(lines.get(0).startsWith("bedrock-setup: unknown option '--regoin': did you mean --region"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("  fix: use --region"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void aMistypedCommandGetsTheCommandItProbablyMeant() {
        Run r = new TempHome(dir).run("doctr");
        assertEquals(2, r.exit, r.toString());
        assertEquals("bedrock-setup: unknown command 'doctr': did you mean doctor?", r.err.lines().findFirst()
                .orElse(""), r.err);
        assertEquals(2, r.err.lines().count(), r.err);
    }

    @Test
    void noCommandPrintsShortUsageNotTheWholeHelp() {
        Run r = new TempHome(dir).run();
        assertEquals(2, r.exit, r.toString());
        List<String> lines = r.err.lines().toList();
        assertTrue(lines.size() <= 5, "short: " + r.err);
        assertEquals("bedrock-setup: missing command", lines.get(0));
        assertTrue(r.err.contains("Usage: bedrock-setup"), r.err);
        assertTrue(r.err.contains("init") && r.err.contains("doctor"), "the commands are named: " + r.err);
        assertTrue(r.err.contains("fix: "), r.err);
        assertTrue(!r.err.contains("Plain output without colour"), "describing the options is --help's: " + r.err);
    }
}
