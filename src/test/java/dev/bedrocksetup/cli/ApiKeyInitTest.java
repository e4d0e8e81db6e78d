package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `init --auth bedrock-api-key`: the key reaches Claude Code's settings and nowhere else, and reset takes it away. */
class ApiKeyInitTest {
    static final String KEY = "ABSKQmVkcm9ja0FQSUtleS1FWEFNUExFLWtleS0xMjM0NTY3ODkw";
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String ORIGINAL = "{\n  \"env\": {\n    \"AWS_PROFILE\": \"old\"\n  }\n}\n";

    @TempDir
    Path dir;

    private void assertKeyNowhereBut(TempHome home, Run r, Path allowed) throws Exception {
        assertFalse(r.out.contains(KEY) || r.err.contains(KEY), "key printed: " + r);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!f.equals(allowed) && !f.toString().contains("/.bedrock-setup/backups/")) {
                    assertFalse(Files.readString(f).contains(KEY), "key written to " + f);
                }
            }
        }
    }

    @Test
    void keyFromTheEnvironmentGoesIntoSettingsOnly() throws Exception {
        TempHome home = new TempHome(dir);
        home.write(".claude/settings.json", ORIGINAL);
        home.vars.put("AWS_BEARER_TOKEN_BEDROCK", KEY);
        Run r = home.run("init", "--yes", "--auth", "bedrock-api-key", "--region", "us-west-2", "--model", SONNET, "--skip-probe");
        assertEquals(0, r.exit, r.toString());
        String text = home.read(".claude/settings.json");
        assertTrue(text.contains("\"AWS_BEARER_TOKEN_BEDROCK\": \"" + KEY + "\""), text);
        assertFalse(text.contains("AWS_PROFILE"), "a key skips the credential chain: the old profile goes");
        assertTrue(r.err.contains("(API key set)"), r.err);
        assertKeyNowhereBut(home, r, home.userSettings());
        assertTrue(Files.readString(home.env().stateDirectory().resolve("journal.json")).contains("afterSha256"));

        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(ORIGINAL, home.read(".claude/settings.json"));
        assertFalse(reset.err.contains(KEY));
    }

    @Test
    void dryRunShowsTheKeyMasked() throws Exception {
        TempHome home = new TempHome(dir);
        home.vars.put("AWS_BEARER_TOKEN_BEDROCK", KEY);
        Run r = home.run("init", "--yes", "--auth", "bedrock-api-key", "--region", "us-west-2", "--model", SONNET,
                "--dry-run");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("\"AWS_BEARER_TOKEN_BEDROCK\": \"ABSK"), r.out);
        assertFalse(r.out.contains(KEY), "the diff masks the key: " + r.out);
    }

    @Test
    void keyFromStdinAndNeverWithoutOne() throws Exception {
        TempHome home = new TempHome(dir);
        Run r = home.runWithInput(KEY + "\n", "init", "--yes", "--auth", "bedrock-api-key", "--region", "us-west-2",
                "--model", SONNET, "--skip-probe");
        assertEquals(0, r.exit, r.toString());
        assertTrue(home.read(".claude/settings.json").contains(KEY));
        assertKeyNowhereBut(home, r, home.userSettings());

        Run none = new TempHome(dir.resolve("other")).run("init", "--yes", "--auth", "bedrock-api-key", "--region",
                "us-west-2", "--model", SONNET, "--skip-probe");
        assertEquals(2, none.exit, none.toString());
        assertTrue(none.err.contains("AWS_BEARER_TOKEN_BEDROCK"), none.err);
        Run bad = new TempHome(dir.resolve("bad")).runWithInput("sk-ant-not-a-bedrock-key-0000000\n", "init", "--yes",
                "--auth", "bedrock-api-key", "--region", "us-west-2", "--model", SONNET, "--skip-probe");
        assertEquals(2, bad.exit);
        assertFalse(bad.err.contains("sk-ant-not"), "a wrong secret is not echoed either");
    }

    @Test
    void switchingBackToAProfileRemovesTheKey() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        home.vars.put("AWS_BEARER_TOKEN_BEDROCK", KEY);
        assertEquals(0, home.run("init", "--yes", "--auth", "bedrock-api-key", "--region", "us-west-2", "--model",
                SONNET, "--skip-probe").exit);
        home.vars.remove("AWS_BEARER_TOKEN_BEDROCK");
        Run r = home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET, "--skip-probe");
        assertEquals(0, r.exit, r.toString());
        String text = home.read(".claude/settings.json");
        assertFalse(text.contains("AWS_BEARER_TOKEN_BEDROCK"), "a leftover key would win over the profile: " + text);
        assertTrue(text.contains("\"AWS_PROFILE\": \"dev\""));
        assertEquals(0, home.run("reset", "--yes").exit);
        assertFalse(Files.exists(home.userSettings()), "both runs undone");
    }
}
