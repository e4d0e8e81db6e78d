package dev.bedrocksetup.claude;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.ChangeApplier;
import dev.bedrocksetup.testing.TempHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How settings files behave under init and reset, as a user would check them: bytes, modes, links, messages. */
class SettingsFilesBehaviourTest {
    @TempDir
    Path dir;
    TempHome home;
    SettingsService service;

    @BeforeEach
    void setUp() {
        home = new TempHome(dir);
        service = new SettingsService(home.env(), new ChangeApplier(home.env().stateDirectory(),
                new AtomicFileWriter(), home.env().clock(), Duration.ofMillis(300)));
    }

    static BedrockSettings wanted(String region) {
        BedrockSettings s = new BedrockSettings();
        s.region = region;
        s.profile = "dev";
        s.model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
        s.haikuModel = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
        return s;
    }

    private byte[] bytes(Path p) throws Exception {
        return Files.readAllBytes(p);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\n  // my comment\n  \"env\": {}\n}\n",
        "{\n  \"env\": {\"A\": \"1\",},\n}\n",
        "\uFEFF{\"env\": {}}\n",
        "[{\"env\": {}}]\n",
        "{\"env\": \"not an object\"}\n",
        "{\"env\": {\"AWS_REGION\": \"a\", \"AWS_REGION\": \"b\"}}\n",
        "{\"env\": {}",
    })
    void malformedFilesAreRefusedUntouchedWithFileLineAndColumn(String content) throws Exception {
        Path p = home.write(".claude/settings.json", content);
        byte[] before = bytes(p);
        BedrockSetupException e = assertThrows(BedrockSetupException.class,
                () -> service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false));
        assertEquals(ExitCode.LOCAL, e.exitCode());
        assertTrue(e.getMessage().matches("(?s)" + java.util.regex.Pattern.quote(p.toString()) + ":\\d+:\\d+: .*"),
                e.getMessage());
        assertArrayEquals(before, bytes(p), "file untouched");
        assertFalse(Files.exists(home.env().stateDirectory().resolve("journal.json")), "nothing journaled");
    }

    @Test
    void missingFileAndDirectoryAreCreatedPrivateAndResetRemovesTheFile() throws Exception {
        service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false);
        Path p = home.userSettings();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p.getParent())));
        assertEquals("{\n  \"env\": {\n    \"CLAUDE_CODE_USE_BEDROCK\": \"1\",\n    \"AWS_REGION\": \"us-west-2\",\n"
                + "    \"AWS_PROFILE\": \"dev\",\n    \"ANTHROPIC_MODEL\": \"us.anthropic.claude-sonnet-4-5-20250929-v1:0\",\n"
                + "    \"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"us.anthropic.claude-haiku-4-5-20251001-v1:0\"\n  }\n}\n",
                Files.readString(p));
        service.reset(Set.of(), null, false);
        assertFalse(Files.exists(p), "the file bedrock-setup created is gone again");
    }

    @Test
    void emptyFileIsFilledAndGivenBackEmpty() throws Exception {
        Path p = home.write(".claude/settings.json", "\n");
        service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false);
        assertTrue(Files.readString(p).contains("\"AWS_REGION\": \"us-west-2\""));
        service.reset(Set.of(), null, false);
        assertEquals("\n", Files.readString(p));
    }

    @Test
    void modeOfAnExistingFileIsKept() throws Exception {
        Path p = home.write(".claude/settings.json", "{\"theme\": \"dark\"}");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r-----"));
        service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        service.reset(Set.of(), null, false);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertEquals("{\"theme\": \"dark\"}", Files.readString(p));
    }

    @Test
    void readOnlyFileIsRefusedUntouched() throws Exception {
        Path p = home.write(".claude/settings.json", "{\"theme\": \"dark\"}\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r--r--"));
        BedrockSetupException e = assertThrows(BedrockSetupException.class,
                () -> service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false));
        assertEquals(ExitCode.LOCAL, e.exitCode());
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertTrue(e.fix().contains("chmod u+w"), e.fix());
        assertEquals("{\"theme\": \"dark\"}\n", Files.readString(p));
    }

    @Test
    void symlinkedSettingsStayALinkAndTheTargetIsWritten() throws Exception {
        Path dotfiles = home.write("dotfiles/claude-settings.json", "{\n  \"theme\": \"dark\"\n}\n");
        Files.createDirectories(home.userSettings().getParent());
        Files.createSymbolicLink(home.userSettings(), Path.of("../dotfiles/claude-settings.json"));
        byte[] original = bytes(dotfiles);

        service.applyInit(SettingsScope.USER, null, wanted("eu-west-1"), false);
        assertTrue(Files.isSymbolicLink(home.userSettings()), "still a link");
        assertTrue(Files.readString(dotfiles).contains("\"AWS_REGION\": \"eu-west-1\""), "target written");
        try (var s = Files.list(dotfiles.getParent())) {
            assertEquals(1, s.count(), "no temporary file left beside the target");
        }
        service.reset(Set.of(), null, false);
        assertTrue(Files.isSymbolicLink(home.userSettings()));
        assertArrayEquals(original, bytes(dotfiles));
    }

    @Test
    void danglingSymlinkGetsItsTargetCreated() throws Exception {
        Files.createDirectories(home.userSettings().getParent());
        Files.createDirectories(dir.resolve("dotfiles"));
        Files.createSymbolicLink(home.userSettings(), dir.resolve("dotfiles/settings.json"));
        service.applyInit(SettingsScope.USER, null, wanted("eu-west-1"), false);
        assertTrue(Files.isSymbolicLink(home.userSettings()));
        assertTrue(Files.readString(dir.resolve("dotfiles/settings.json")).contains("eu-west-1"));
    }

    @Test
    void severalRunsThenResetGiveTheOriginalBack() throws Exception {
        String original = "{\n    \"model\": \"opus\",\n    \"env\": {\n        \"AWS_REGION\": \"us-east-1\"\n    }\n}";
        Path p = home.write(".claude/settings.json", original);
        service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false);
        service.applyInit(SettingsScope.USER, null, wanted("us-east-2"), false);
        assertTrue(Files.readString(p).contains("\"AWS_REGION\": \"us-east-2\""));
        service.reset(Set.of(), null, false);
        assertEquals(original, Files.readString(p));
    }

    @Test
    void aKeyTheUserChangedAfterwardsIsLeftAloneAndReported() throws Exception {
        Path p = home.write(".claude/settings.json", "{\"env\": {\"AWS_REGION\": \"us-east-1\"}}\n");
        service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false);
        Files.writeString(p, Files.readString(p).replace("us-west-2", "ca-central-1"));
        SettingsService.ResetOutcome out = service.reset(Set.of(), null, false);
        assertTrue(Files.readString(p).contains("\"AWS_REGION\": \"ca-central-1\""));
        assertFalse(Files.readString(p).contains("AWS_PROFILE"), "our other keys are undone");
        assertEquals(1, out.files.get(0).leftAlone.size());
        assertTrue(out.files.get(0).leftAlone.get(0).startsWith("env.AWS_REGION: left as \"ca-central-1\""));
    }

    @Test
    void scopesWriteTheirOwnFiles() throws Exception {
        Path project = Files.createDirectories(dir.resolve("proj"));
        home.vars.put("CLAUDE_CONFIG_DIR", dir.resolve("cfg").toString());
        home.vars.put("BEDROCK_SETUP_MANAGED_SETTINGS", dir.resolve("etc/managed-settings.json").toString());
        service = new SettingsService(home.env(), new ChangeApplier(home.env().stateDirectory(),
                new AtomicFileWriter(), home.env().clock(), Duration.ofMillis(300)));
        service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false);
        service.applyInit(SettingsScope.PROJECT, project, wanted("us-west-2"), false);
        service.applyInit(SettingsScope.LOCAL, project, wanted("us-west-2"), false);
        service.applyInit(SettingsScope.MANAGED, null, wanted("us-west-2"), false);
        assertTrue(Files.exists(dir.resolve("cfg/settings.json")));
        assertTrue(Files.exists(project.resolve(".claude/settings.json")));
        assertTrue(Files.exists(project.resolve(".claude/settings.local.json")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("etc/managed-settings.d/50-bedrock-setup.json"))));
        service.reset(EnumSet.of(SettingsScope.LOCAL), project, false);
        assertFalse(Files.exists(project.resolve(".claude/settings.local.json")));
        assertTrue(Files.exists(project.resolve(".claude/settings.json")), "other scopes untouched");
        service.reset(Set.of(), project, false);
        assertFalse(Files.exists(dir.resolve("cfg/settings.json")));
        assertFalse(Files.exists(dir.resolve("etc/managed-settings.d/50-bedrock-setup.json")));
    }

    @Test
    void backupsAreKeptAndBounded() throws Exception {
        home.write(".claude/settings.json", "{}");
        for (int i = 0; i < 14; i++) {
            service.applyInit(SettingsScope.USER, null, wanted(i % 2 == 0 ? "us-west-2" : "us-east-1"), false);
        }
        try (var s = Files.list(home.env().stateDirectory().resolve("backups"))) {
            assertEquals(14, s.count(), "each journal entry points to its backup: none is pruned");
        }
        service.reset(Set.of(), null, false);
        service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false);
        try (var s = Files.list(home.env().stateDirectory().resolve("backups"))) {
            assertEquals(10, s.count(), "once reset dropped the entries, the newest 10 are kept");
        }
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        Path p = home.write(".claude/settings.json", "{}");
        SettingsService.InitOutcome o = service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), true);
        assertTrue(o.change.diff().contains("+    \"AWS_REGION\": \"us-west-2\","), o.change.diff());
        assertEquals("{}", Files.readString(p));
        assertFalse(Files.exists(home.env().stateDirectory()));
    }

    @Test
    void deprecatedSmallFastModelIsMigratedAndRestoredByReset() throws Exception {
        String original = "{\"env\": {\"ANTHROPIC_SMALL_FAST_MODEL\": \"us.anthropic.claude-haiku-4-5-20251001-v1:0\","
                + " \"OTHER\": \"x\"}}";
        Path p = home.write(".claude/settings.json", original);
        BedrockSettings s = wanted("us-west-2");
        s.haikuModel = null;
        SettingsService.InitOutcome o = service.applyInit(SettingsScope.USER, null, s, false);
        String text = Files.readString(p);
        assertFalse(text.contains("ANTHROPIC_SMALL_FAST_MODEL"));
        assertTrue(text.contains("\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"us.anthropic.claude-haiku-4-5-20251001-v1:0\""));
        assertTrue(o.notes.get(0).contains("deprecated"));
        service.reset(Set.of(), null, false);
        assertEquals(original, Files.readString(p));
    }

    @Test
    void aTenMegabyteFileIsHandledAndRestoredExactly() throws Exception {
        StringBuilder sb = new StringBuilder("{\n  \"permissions\": {\n    \"allow\": [\n");
        while (sb.length() < 10 * 1024 * 1024) {
            sb.append("      \"Bash(echo ").append(sb.length()).append(" \u00e9)\",\n");
        }
        sb.append("      \"Read\"\n    ]\n  }\n}\n");
        String original = sb.toString();
        Path p = home.write(".claude/settings.json", original);
        service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false);
        String written = Files.readString(p);
        assertTrue(written.startsWith(original.substring(0, original.length() - 4)), "the big part is untouched");
        assertTrue(written.contains("\"AWS_REGION\": \"us-west-2\""));
        service.reset(Set.of(), null, false);
        assertEquals(original, Files.readString(p));
    }

    @Test
    void envValuesAreAlwaysStrings() throws Exception {
        Path p = home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": 1}}");
        BedrockSettings s = wanted("us-west-2");
        s.maxOutputTokens = 32000;
        service.applyInit(SettingsScope.USER, null, s, false);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"CLAUDE_CODE_USE_BEDROCK\": \"1\""), text);
        assertTrue(text.contains("\"CLAUDE_CODE_MAX_OUTPUT_TOKENS\": \"32000\""), text);
    }

    @Test
    void aHeldLockMakesTheSecondWriterGiveUpWithExit3() throws Exception {
        home.write(".claude/settings.json", "{}");
        Path real = AtomicFileWriter.resolveTarget(home.userSettings());
        try (var lock = dev.bedrocksetup.fs.WriteLock.acquire(home.env().stateDirectory(), real.toString(), "x",
                Duration.ofSeconds(1))) {
            BedrockSetupException e = assertThrows(BedrockSetupException.class,
                    () -> service.applyInit(SettingsScope.USER, null, wanted("us-west-2"), false));
            assertEquals(ExitCode.LOCAL, e.exitCode());
            assertTrue(e.getMessage().contains("another bedrock-setup (process " + ProcessHandle.current().pid()),
                    e.getMessage());
        }
        assertEquals("{}", home.read(".claude/settings.json"));
    }
}
