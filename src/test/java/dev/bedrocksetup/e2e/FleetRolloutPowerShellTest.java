package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/fleet/rollout.ps1 cannot run here (no PowerShell for Linux in Debian's or npm's packages that installs
 * offline; decision 0043), so it is parsed with a full grammar of the language, tree-sitter-powershell, and held to
 * the same steps as rollout.sh, which FleetRolloutScriptTest runs for real.
 */
class FleetRolloutPowerShellTest {
    static final Path SCRIPT = Path.of("packaging/fleet/rollout.ps1");
    static final Path PARSER = Path.of("src/test/resources/powershell-parse.cjs").toAbsolutePath();

    @TempDir
    Path dir;

    /** One node run for all files (compiling the grammar's WebAssembly takes seconds): a line per file. */
    private static ExternalTools.Result parse(Path... files) {
        ExternalTools.requireCommand("node", "the Node.js that runs Claude Code");
        Path modules = ExternalTools.nodeModules("tree-sitter-powershell@0.26.4", "web-tree-sitter@0.25.10");
        List<String> cmd = new java.util.ArrayList<>(List.of("node", PARSER.toString()));
        for (Path f : files) {
            cmd.add(f.toAbsolutePath().toString());
        }
        return ExternalTools.run(cmd, Map.of("NODE_PATH", modules.toString()), 300);
    }

    @Test
    void theScriptParsesAndBrokenCopiesDoNot() throws Exception {
        // the check can fail: the same script with one closing brace gone, or a string left open
        String text = Files.readString(SCRIPT);
        String block = "    exit $LASTEXITCODE\n}";
        int brace = text.indexOf(block);
        Path unclosed = Files.writeString(dir.resolve("unclosed.ps1"), text.substring(0, brace)
                + "    exit $LASTEXITCODE\n" + text.substring(brace + block.length()));
        Path quote = Files.writeString(dir.resolve("quote.ps1"), text.replace("'bedrock-setup' }", "'bedrock-setup }"));
        ExternalTools.Result r = parse(SCRIPT, unclosed, quote);
        assertTrue(r.output.contains(SCRIPT.toAbsolutePath() + ": "), r.toString());
        for (String line : r.output.split("\n")) {
            if (line.startsWith(SCRIPT.toAbsolutePath() + ": ")) {
                assertTrue(line.endsWith("hasError=false"), "rollout.ps1 parses: " + r.output);
            }
            if (line.startsWith(unclosed + ": ") || line.startsWith(quote + ": ")) {
                assertTrue(line.endsWith("hasError=true"), "a broken copy is caught: " + r.output);
            }
        }
        assertFalse(r.output.lines().anyMatch(l -> l.startsWith(SCRIPT.toAbsolutePath() + ":")
                && (l.contains(": syntax error") || l.contains(": missing "))), "no error in rollout.ps1: " + r.output);
        assertEquals(1, r.exit, "the broken copies fail the run: " + r);
        assertEquals(2, r.output.lines().filter(l -> l.endsWith("hasError=true")).count(), r.output);
    }

    @Test
    void itRunsTheSameStepsAsTheShellScript() throws Exception {
        String ps = Files.readString(SCRIPT);
        String sh = Files.readString(Path.of("packaging/fleet/rollout.sh"));
        for (String step : List.of("init --yes --scope managed --preset", "verify --json", "BEDROCK_SETUP",
                "nothing verified", "cannot write", ".tmp.")) {
            assertTrue(ps.contains(step), "rollout.ps1: " + step);
            assertTrue(sh.contains(step), "rollout.sh: " + step);
        }
        // Windows PowerShell 5.1 reads a script without a byte-order mark as the ANSI code page
        assertTrue(ps.chars().allMatch(c -> c < 128), "rollout.ps1 is ASCII");
    }
}
