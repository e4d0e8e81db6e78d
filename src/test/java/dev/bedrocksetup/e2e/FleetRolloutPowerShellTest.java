package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static ExternalTools.Result parse(Path file) {
        ExternalTools.requireCommand("node", "the Node.js that runs Claude Code");
        Path modules = ExternalTools.nodeModules("tree-sitter-powershell@0.26.4", "web-tree-sitter@0.25.10");
        return ExternalTools.run(List.of("node", PARSER.toString(), file.toAbsolutePath().toString()),
                Map.of("NODE_PATH", modules.toString()), 120);
    }

    @Test
    void theScriptParsesAndABrokenCopyDoesNot() throws Exception {
        ExternalTools.Result ok = parse(SCRIPT);
        assertEquals(0, ok.exit, ok.toString());
        assertTrue(ok.output.contains("hasError=false"), ok.output);

        // the check can fail: the same script with one closing brace gone, or a string left open
        String text = Files.readString(SCRIPT);
        int brace = text.indexOf("    exit $LASTEXITCODE\n}");
        Path unclosed = Files.writeString(dir.resolve("unclosed.ps1"), text.substring(0, brace)
                + "    exit $LASTEXITCODE\n" + text.substring(brace + "    exit $LASTEXITCODE\n}".length()));
        ExternalTools.Result broken = parse(unclosed);
        assertEquals(1, broken.exit, broken.toString());
        Path quote = Files.writeString(dir.resolve("quote.ps1"), text.replace("'bedrock-setup' }", "'bedrock-setup }"));
        assertEquals(1, parse(quote).exit, "an unterminated string is caught");
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
    }
}
