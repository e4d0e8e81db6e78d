package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `init --vscode` writes the extension's settings into VS Code's JSONC file without losing comments or entries. */
class VsCodeSettingsTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @TempDir
    Path dir;

    @Test
    void mergesIntoACommentedFileAndResetRestoresIt() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        String original = "{\n    // editor\n    \"editor.fontSize\": 14, /* keep me */\n"
                + "    \"claudeCode.environmentVariables\": [\n        // mine\n"
                + "        {\"name\": \"HTTPS_PROXY\", \"value\": \"http://proxy:3128\"},\n"
                + "        {\"name\": \"AWS_REGION\", \"value\": \"us-east-1\"},\n    ],\n}\n";
        home.write(".config/Code/User/settings.json", original);
        Run r = home.run("init", "--yes", "--vscode", "--profile", "dev", "--region", "us-west-2", "--model", SONNET);
        assertEquals(0, r.exit, r.toString());
        String text = home.read(".config/Code/User/settings.json");
        assertTrue(text.startsWith("{\n    // editor\n    \"editor.fontSize\": 14, /* keep me */\n"), text);
        Map<?, ?> root = (Map<?, ?>) JsonDocument.parseLenient(text).root().toValue();
        List<?> vars = (List<?>) root.get("claudeCode.environmentVariables");
        assertEquals(Map.of("name", "HTTPS_PROXY", "value", "http://proxy:3128"), vars.get(0), "the user's entry kept");
        assertEquals(Map.of("name", "AWS_REGION", "value", "us-west-2"), vars.get(1), "ours updated in place");
        assertTrue(vars.contains(Map.of("name", "CLAUDE_CODE_USE_BEDROCK", "value", "1")));
        assertTrue(vars.contains(Map.of("name", "AWS_PROFILE", "value", "dev")));
        assertEquals(Boolean.TRUE, root.get("claudeCode.disableLoginPrompt"));
        assertTrue(Files.exists(home.userSettings()), "Claude Code's settings written in the same run");

        Run doctor = home.run("doctor", "--offline", "--json");
        assertTrue(doctor.out.contains("\"id\": \"ide.vscode\",\n      \"group\": \"IDE\",\n      \"status\": \"ok\""),
                doctor.out);

        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(original, home.read(".config/Code/User/settings.json"), "byte-identical, comments and all");
        assertFalse(Files.exists(home.userSettings()));
    }

    @Test
    void createsTheFileWhenVsCodeHasNone() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        Run r = home.run("init", "--yes", "--vscode", "--profile", "dev", "--region", "us-west-2", "--model", SONNET);
        assertEquals(0, r.exit, r.toString());
        String text = home.read(".config/Code/User/settings.json");
        assertTrue(text.contains("{\"name\": \"AWS_PROFILE\", \"value\": \"dev\"}"), text);
        assertTrue(text.contains("\"claudeCode.disableLoginPrompt\": true"), text);
        home.run("reset", "--yes");
        assertFalse(Files.exists(dir.resolve(".config/Code/User/settings.json")));
    }
}
