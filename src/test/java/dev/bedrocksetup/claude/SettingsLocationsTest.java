package dev.bedrocksetup.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Environment.Os;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each settings file is, per operating system, with home, OS and variables injected. */
class SettingsLocationsTest {
    @TempDir
    Path home;

    private SettingsLocations on(Os os, String... variables) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put(variables[i], variables[i + 1]);
        }
        return new SettingsLocations(new Environment(vars, home, home.resolve("project"), os, Clock.systemUTC()),
                null);
    }

    @Test
    void managedSettingsPerOs() {
        assertEquals("/etc/claude-code/managed-settings.json", on(Os.LINUX).managedPath().toString());
        assertEquals("/Library/Application Support/ClaudeCode/managed-settings.json",
                on(Os.MACOS).managedPath().toString());
        assertEquals("C:\\Program Files\\ClaudeCode\\managed-settings.json", on(Os.WINDOWS).managedPath().toString());
    }

    @Test
    void windowsManagedSettingsHonourProgramFiles() {
        assertEquals("D:\\Programs\\ClaudeCode\\managed-settings.json",
                on(Os.WINDOWS, "ProgramFiles", "D:\\Programs").managedPath().toString());
        assertEquals("D:\\Programs\\ClaudeCode\\managed-settings.json",
                on(Os.WINDOWS, "ProgramFiles", "D:\\Programs\\").managedPath().toString(), "trailing separator");
        assertEquals("D:\\Programs\\ClaudeCode\\managed-settings.json",
                on(Os.WINDOWS, "PROGRAMFILES", "D:\\Programs").managedPath().toString(), "any case, as on Windows");
    }

    @Test
    void a32BitJvmOnWindowsStillFindsThe64BitProgramFiles() {
        SettingsLocations on32BitJvm = on(Os.WINDOWS, "ProgramFiles", "C:\\Program Files (x86)",
                "ProgramW6432", "C:\\Program Files");
        assertEquals("C:\\Program Files\\ClaudeCode\\managed-settings.json", on32BitJvm.managedPath().toString());
    }

    @Test
    void managedSettingsOverrideForTestsWinsOnEveryOs() {
        for (Os os : Os.values()) {
            assertEquals(home.resolve("managed.json"),
                    on(os, "BEDROCK_SETUP_MANAGED_SETTINGS", home.resolve("managed.json").toString()).managedPath());
        }
    }

    @Test
    void userSettingsAreUnderHomeOnEveryOs() {
        for (Os os : Os.values()) {
            assertEquals(home.resolve(".claude").resolve("settings.json"), on(os).path(SettingsScope.USER), os.name());
        }
    }

    @Test
    void claudeConfigDirMovesUserSettings() {
        Path dir = home.resolve("work-claude");
        assertEquals(dir.resolve("settings.json"),
                on(Os.LINUX, "CLAUDE_CONFIG_DIR", dir.toString()).path(SettingsScope.USER));
        assertEquals(dir.resolve("settings.json"),
                on(Os.MACOS, "CLAUDE_CONFIG_DIR", dir + "/").path(SettingsScope.USER));
        assertEquals(home.resolve(".claude/settings.json"),
                on(Os.LINUX, "CLAUDE_CONFIG_DIR", "  ").path(SettingsScope.USER), "blank means unset");
    }

    @Test
    void projectAndLocalSettingsAreUnderTheProject() {
        assertEquals(home.resolve("project/.claude/settings.json"), on(Os.WINDOWS).path(SettingsScope.PROJECT));
        assertEquals(home.resolve("project/.claude/settings.local.json"), on(Os.MACOS).path(SettingsScope.LOCAL));
    }
}
