package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.claude.ClaudeCodeSurface;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift alarm on the pinned Claude Code: scripts/claude-code-surface.py reads the binary's variable registry and
 * settings schema, keeps what concerns Bedrock, AWS, models, credentials, proxies and managed policy (the rules at
 * the top of the script), and fails naming each such key that claude/ClaudeCodeSurface does not list. A newer Claude
 * Code is checked the same way by pointing the script at its install (docs/decisions/0019).
 */
class ClaudeCodeSurfaceDriftTest {
    private static final Path SCRIPT = Path.of("scripts/claude-code-surface.py");

    @Test
    void everyRelevantKeyOfThePinnedClaudeCodeIsInTheCatalogue(@TempDir Path tmp) throws IOException {
        ExternalTools.Result r = alarm(tmp, ClaudeCodeSurface.knownList());
        assertTrue(r.output.startsWith("Claude Code " + ClaudeCode.VERSION + " ("), "read the pinned binary:\n" + r);
        assertEquals(0, r.exit, "Claude Code " + ClaudeCode.VERSION + " knows keys the doctor's catalogue "
                + "(claude/ClaudeCodeSurface) lacks; add each with what the doctor does about it:\n" + r.output);
    }

    /** The alarm can fail: with two keys taken out of the catalogue it names exactly those. */
    @Test
    void aKeyMissingFromTheCatalogueIsNamed(@TempDir Path tmp) throws IOException {
        List<String> removed = List.of("setting awsAuthRefresh", "env CLAUDE_CODE_SKIP_BEDROCK_AUTH");
        StringBuilder known = new StringBuilder();
        for (String line : ClaudeCodeSurface.knownList().split("\n")) {
            if (!removed.contains(line)) {
                known.append(line).append('\n');
            }
        }
        ExternalTools.Result r = alarm(tmp, known.toString());
        assertEquals(1, r.exit, r.toString());
        assertTrue(r.output.contains("UNKNOWN setting awsAuthRefresh (rule: cloud provider)"), r.output);
        assertTrue(r.output.contains("UNKNOWN env CLAUDE_CODE_SKIP_BEDROCK_AUTH (rule: provider switch)"), r.output);
        assertTrue(r.output.contains("2 relevant key(s)"), r.output);
    }

    private static ExternalTools.Result alarm(Path tmp, String knownList) throws IOException {
        ClaudeCode claude = ClaudeCode.installed();
        ExternalTools.requireCommand("python3", "apt-get install python3");
        Path known = tmp.resolve("known.txt");
        Files.writeString(known, knownList, StandardCharsets.UTF_8);
        return ExternalTools.run(List.of("python3", SCRIPT.toString(), "--known", known.toString(),
                claude.binDirectory().resolve("claude").toString()), Map.of(), 600);
    }
}
