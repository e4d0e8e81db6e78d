package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `init --scope managed` writes a drop-in fragment of its own (issue 18 item 1): managed-settings.json and other
 * tools' fragments are never touched, reset takes exactly the fragment away, and the doctor names the fragment that
 * set each value, in Claude Code's merge order.
 */
class ManagedFragmentTest {
    static final String SONNET_US = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String BASE = "managed/managed-settings.json";
    static final String NEIGHBOUR = "managed/managed-settings.d/10-security.json";
    static final String OURS = "managed/managed-settings.d/50-bedrock-setup.json";

    @TempDir
    Path dir;
    TempHome home;
    String baseText;
    String neighbourText;

    @BeforeEach
    void setUp() throws Exception {
        home = new TempHome(dir);
        baseText = "{\n  \"permissions\": {\"deny\": [\"Bash(curl:*)\"]},\n  \"env\": {\"AWS_REGION\": \"eu-west-1\"}\n}";
        neighbourText = "{ \"env\" : { \"DISABLE_TELEMETRY\": \"1\" } }"; // no final newline, odd spacing: kept as is
        home.write(BASE, baseText);
        home.write(NEIGHBOUR, neighbourText);
    }

    private Run init(String... extra) {
        List<String> args = new ArrayList<>(List.of("init", "--yes", "--scope", "managed", "--profile", "bedrock",
                "--region", "us-west-2", "--model", SONNET_US));
        args.addAll(Arrays.asList(extra));
        return home.run(args.toArray(new String[0]));
    }

    private void othersUntouched() throws Exception {
        assertEquals(baseText, home.read(BASE), "managed-settings.json is the administrator's");
        assertEquals(neighbourText, home.read(NEIGHBOUR), "another tool's fragment");
    }

    @Test
    void initWritesItsOwnFragmentAndResetRemovesExactlyIt() throws Exception {
        Run r = init();
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains(home.home.resolve(OURS).toString()), r.err);
        String ours = home.read(OURS);
        assertTrue(ours.contains("\"CLAUDE_CODE_USE_BEDROCK\": \"1\""), ours);
        assertTrue(ours.contains("\"AWS_REGION\": \"us-west-2\""), ours);
        othersUntouched();
        assertTrue(r.err.contains("Undo it:   bedrock-setup reset --scope managed"), r.err);

        Run again = init();
        assertEquals(0, again.exit, again.toString());
        assertTrue(again.err.contains("nothing to change"), again.err);

        Run reset = home.run("reset", "--scope", "managed", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertFalse(Files.exists(home.home.resolve(OURS)), "the fragment init created is gone");
        othersUntouched();
    }

    @Test
    void aNamedFragmentIsWrittenAndResetFindsItByTheJournal() throws Exception {
        Run r = init("--managed-fragment", "70-team.json");
        assertEquals(0, r.exit, r.toString());
        assertTrue(Files.exists(home.home.resolve("managed/managed-settings.d/70-team.json")));
        assertFalse(Files.exists(home.home.resolve(OURS)));
        Run reset = home.run("reset", "--scope", "managed", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertFalse(Files.exists(home.home.resolve("managed/managed-settings.d/70-team.json")));
        othersUntouched();
    }

    @Test
    void resetOfAnotherScopeLeavesTheFragment() throws Exception {
        assertEquals(0, init().exit);
        Run reset = home.run("reset", "--scope", "user", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertTrue(Files.exists(home.home.resolve(OURS)));
    }

    @Test
    void doctorNamesTheFragmentThatSetEachValueInClaudeCodesMergeOrder() throws Exception {
        assertEquals(0, init().exit);
        // a fragment sorting after ours wins a key both set; managed-settings.json loses to both
        home.write("managed/managed-settings.d/90-override.json", "{\"env\": {\"AWS_REGION\": \"ca-central-1\"}}");
        Run r = home.run("doctor", "--offline", "--all");
        String region = line(r.out, "AWS_REGION");
        assertTrue(region.contains("\"ca-central-1\"") && region.contains("managed-settings.d/90-override.json"),
                r.out);
        assertTrue(r.out.contains("managed settings (managed-settings.d/50-bedrock-setup.json)"), r.out);
        String model = line(r.out, "ANTHROPIC_MODEL");
        assertTrue(model.contains("managed-settings.d/50-bedrock-setup.json"), model);
        int ninety = r.out.indexOf("\"ca-central-1\"");
        int fifty = r.out.indexOf("\"us-west-2\"", ninety);
        int base = r.out.indexOf("\"eu-west-1\"", fifty);
        assertTrue(ninety >= 0 && fifty > ninety && base > fifty, "winner, then what it shadows in order: " + r.out);
    }

    private static String line(String text, String name) {
        for (String l : text.split("\n")) {
            if (l.strip().startsWith(name + " ")) {
                return l;
            }
        }
        return "(no line for " + name + " in)\n" + text;
    }

    @Test
    void aFragmentNameClaudeCodeWouldNotReadIsRefused() throws Exception {
        for (String bad : List.of("../evil.json", ".hidden.json", "50-bedrock-setup.txt", "a/b.json")) {
            Run r = init("--managed-fragment", bad);
            assertEquals(2, r.exit, bad + ": " + r);
            assertTrue(r.err.contains("50-bedrock-setup.json"), r.err);
        }
        Run user = home.run("init", "--yes", "--scope", "user", "--profile", "bedrock", "--region", "us-west-2",
                "--model", SONNET_US, "--managed-fragment", "70-team.json", "--skip-probe");
        assertEquals(2, user.exit, user.toString());
        assertTrue(user.err.contains("--scope managed"), user.err);
        assertFalse(Files.exists(home.home.resolve(OURS)));
        othersUntouched();
    }

    @Test
    void allowModelWritesTheManagedAllowlistOnly() throws Exception {
        Run r = init("--allow-model", "sonnet", "--allow-model", "claude-haiku-4-5", "--enforce-models");
        assertEquals(0, r.exit, r.toString());
        String ours = home.read(OURS);
        assertTrue(ours.matches("(?s).*\"availableModels\": \\[\\s*\"sonnet\",\\s*\"claude-haiku-4-5\"\\s*\\].*"), ours);
        assertTrue(ours.contains("\"enforceAvailableModels\": true"), ours);
        othersUntouched();

        Run user = home.run("init", "--yes", "--profile", "bedrock", "--region", "us-west-2", "--model", SONNET_US,
                "--allow-model", "sonnet");
        assertEquals(2, user.exit, user.toString());
        assertTrue(user.err.contains("fix: add --scope managed"), user.err);
        assertFalse(Files.exists(home.userSettings()), "nothing written");

        Run alone = init("--enforce-models");
        assertEquals(2, alone.exit, alone.toString());
        assertTrue(alone.err.contains("--allow-model"), alone.err);

        Run reset = home.run("reset", "--scope", "managed", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertFalse(Files.exists(home.home.resolve(OURS)));
        othersUntouched();
    }

    @Test
    void doctorWarnsWhenAPinIsOutsideTheManagedAllowlist() throws Exception {
        assertEquals(0, init("--allow-model", "haiku").exit);
        Run r = home.run("doctor", "--offline", "--all");
        assertTrue(r.out.contains("ANTHROPIC_MODEL " + SONNET_US + " is outside the managed availableModels [haiku] "
                + "(managed settings (managed-settings.d/50-bedrock-setup.json))"), r.out);
        assertEquals(0, init("--allow-model", "sonnet").exit);
        Run ok = home.run("doctor", "--offline", "--all");
        assertFalse(ok.out.contains("outside the managed availableModels"), ok.out);
        assertTrue(ok.out.contains("pins are within [sonnet]"), ok.out);
    }

    @Test
    void thePolicyKeysOfAPresetWriteTheNamedFragmentAndAreManagedOnly() throws Exception {
        home.write("team.json", "{\"scope\": \"managed\", \"profile\": \"bedrock\", \"region\": \"us-west-2\",\n"
                + " \"model\": \"" + SONNET_US + "\", \"allow-model\": [\"sonnet\", \"haiku\"],\n"
                + " \"enforce-models\": true, \"managed-fragment\": \"70-team.json\"}\n");
        Run r = home.run("init", "--yes", "--preset", home.home.resolve("team.json").toString());
        assertEquals(0, r.exit, r.toString());
        String ours = home.read("managed/managed-settings.d/70-team.json");
        assertTrue(ours.matches("(?s).*\"availableModels\": \\[\\s*\"sonnet\",\\s*\"haiku\"\\s*\\].*"), ours);
        assertTrue(ours.contains("\"enforceAvailableModels\": true"), ours);
        assertFalse(Files.exists(home.home.resolve(OURS)), "the preset named another fragment");
        othersUntouched();

        // the same preset for user settings (a flag wins over the preset's scope): refused as the flag is
        Run user = home.run("init", "--yes", "--scope", "user", "--preset", home.home.resolve("team.json").toString());
        assertEquals(2, user.exit, user.toString());
        assertFalse(Files.exists(home.userSettings()), "nothing written");

        home.write("bad.json", "{\"allow-model\": \"sonnet\"}");
        Run bad = home.run("init", "--yes", "--scope", "managed", "--preset", home.home.resolve("bad.json").toString());
        assertEquals(2, bad.exit, bad.toString());
        assertTrue(bad.err.contains("\"allow-model\" must be an array of strings"), bad.err);
    }

    @Test
    void resetRemovesTheFragmentDirectoryInitCreatedOnceItIsEmpty() throws Exception {
        TempHome fresh = new TempHome(java.nio.file.Files.createDirectories(dir.resolve("fresh")));
        fresh.write(BASE, baseText); // managed-settings.json only: no managed-settings.d/ yet
        Path fragments = fresh.home.resolve("managed/managed-settings.d");
        Run r = fresh.run("init", "--yes", "--scope", "managed", "--profile", "bedrock", "--region", "us-west-2",
                "--model", SONNET_US);
        assertEquals(0, r.exit, r.toString());
        assertTrue(Files.isDirectory(fragments));
        Run preview = fresh.run("reset", "--scope", "managed", "--yes", "--dry-run");
        assertEquals(0, preview.exit, preview.toString());
        assertTrue(Files.isDirectory(fragments), "a preview removes nothing");
        Run reset = fresh.run("reset", "--scope", "managed", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertFalse(Files.exists(fragments), "the directory init created, now empty, is gone: " + reset);
        assertTrue(reset.err.contains("managed-settings.d: removed (bedrock-setup created it)"), reset.err);
        assertEquals(baseText, fresh.read(BASE), "managed-settings.json is the administrator's");

        // init created it, then another tool put its fragment there: the directory stays, with that fragment
        assertEquals(0, fresh.run("init", "--yes", "--scope", "managed", "--profile", "bedrock", "--region",
                "us-west-2", "--model", SONNET_US).exit);
        fresh.write("managed/managed-settings.d/10-security.json", neighbourText);
        assertEquals(0, fresh.run("reset", "--scope", "managed", "--yes").exit);
        assertEquals(neighbourText, fresh.read("managed/managed-settings.d/10-security.json"));
        assertEquals(List.of("10-security.json"), List.of(fragments.toFile().list()));
    }

    @Test
    void resetLeavesAFragmentDirectoryThatExistedBefore() throws Exception {
        Files.delete(home.home.resolve(NEIGHBOUR)); // managed-settings.d/ exists, empty
        assertEquals(0, init().exit);
        Run reset = home.run("reset", "--scope", "managed", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertTrue(Files.isDirectory(home.home.resolve("managed/managed-settings.d")), "it was there before init");
        assertEquals(0, home.home.resolve("managed/managed-settings.d").toFile().list().length);
    }
}
