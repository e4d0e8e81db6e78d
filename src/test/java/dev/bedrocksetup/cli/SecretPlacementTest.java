package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.SelfLauncher;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets go only to files that are private and not shared: never project or managed settings; local settings are
 * ignored by git the way Claude Code makes them ignored; a file that gets the key is made 0600 and the user is told.
 * Paths of this machine stay out of committed project settings.
 */
class SecretPlacementTest {
    static final String KEY = ApiKeyInitTest.KEY;
    static final String SONNET = ApiKeyInitTest.SONNET;

    @TempDir
    Path dir;

    private TempHome home() {
        TempHome home = new TempHome(dir.resolve("home"));
        home.vars.put("AWS_BEARER_TOKEN_BEDROCK", KEY);
        home.vars.put("GIT_CONFIG_NOSYSTEM", "1");
        return home;
    }

    private Run initWithKey(TempHome home, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("init", "--yes", "--auth", "bedrock-api-key", "--region",
                "us-west-2", "--model", SONNET, "--skip-probe"));
        args.addAll(List.of(more));
        return home.run(args.toArray(new String[0]));
    }

    private static String git(Path repo, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", repo.getParent().resolve("home").toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().remove("XDG_CONFIG_HOME");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return p.exitValue() + ":" + out;
    }

    private Path repository() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        assertTrue(git(project, "init", "-q").startsWith("0:"));
        return project;
    }

    @Test
    void anApiKeyNeverGoesIntoProjectOrManagedSettings() throws Exception {
        TempHome home = home();
        Path project = repository();
        Run r = initWithKey(home, "--scope", "project", "--project-dir", project.toString());
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("--scope local") && r.err.contains("--scope user"), r.err);
        assertFalse(Files.exists(project.resolve(".claude/settings.json")), "nothing written");
        assertFalse(r.err.contains(KEY));

        Run managed = initWithKey(home, "--scope", "managed");
        assertEquals(2, managed.exit, managed.toString());
        assertTrue(managed.err.contains("every user"), managed.err);
        assertFalse(Files.exists(dir.resolve("home/managed/managed-settings.json")), "nothing written");
    }

    @Test
    void aWorldReadableFileThatGetsTheKeyIsMadePrivateAndTheUserIsTold() throws Exception {
        TempHome home = home();
        Path settings = home.write(".claude/settings.json", "{}\n");
        Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-r--r--"));
        Run r = initWithKey(home);
        assertEquals(0, r.exit, r.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(settings)));
        assertTrue(r.err.contains("rw-r--r-- to rw-------"), "the user is told: " + r.err);

        // the same through a symlink: the file holding the key is made private, the link stays a link
        TempHome linked = new TempHome(dir.resolve("linked"));
        linked.vars.put("AWS_BEARER_TOKEN_BEDROCK", KEY);
        Path real = linked.write("dotfiles/claude-settings.json", "{}\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.createDirectories(linked.home.resolve(".claude"));
        Files.createSymbolicLink(linked.userSettings(), real);
        Run viaLink = initWithKey(linked);
        assertEquals(0, viaLink.exit, viaLink.toString());
        assertTrue(Files.isSymbolicLink(linked.userSettings()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }

    @Test
    void localSettingsAreGitIgnoredAsClaudeCodeDoesItAndResetTakesTheRuleOut() throws Exception {
        TempHome home = home();
        Path project = repository();
        Run r = initWithKey(home, "--scope", "local", "--project-dir", project.toString());
        assertEquals(0, r.exit, r.toString());
        Path local = project.resolve(".claude/settings.local.json");
        assertTrue(Files.readString(local).contains(KEY));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
        Path excludes = home.home.resolve(".config/git/ignore");
        assertEquals("**/.claude/settings.local.json\n", Files.readString(excludes), "Claude Code's rule and place");
        assertTrue(git(project, "check-ignore", "-q", ".claude/settings.local.json").startsWith("0:"),
                "git ignores the file");
        assertEquals("0:", git(project, "status", "--porcelain", "--untracked-files=all"), "nothing to commit");

        Run reset = home.run("reset", "--yes", "--scope", "local", "--project-dir", project.toString());
        assertEquals(0, reset.exit, reset.toString());
        assertFalse(Files.exists(local), "the local file we created is gone");
        assertFalse(Files.exists(excludes), "the excludes file we created is gone: " + reset);
    }

    @Test
    void anExistingExcludesFileAndCoreExcludesFileAreUsedAndKeptByteForByte() throws Exception {
        TempHome home = home();
        Path project = repository();
        String mine = "*.swp\n.idea/";
        Path excludes = home.write("my-git-excludes", mine);
        home.write(".gitconfig", "[core]\n\texcludesFile = ~/my-git-excludes\n");
        Run r = initWithKey(home, "--scope", "local", "--project-dir", project.toString());
        assertEquals(0, r.exit, r.toString());
        assertEquals(mine + "\n**/.claude/settings.local.json\n", Files.readString(excludes));
        assertTrue(git(project, "check-ignore", "-q", ".claude/settings.local.json").startsWith("0:"));
        assertEquals(0, home.run("reset", "--yes").exit);
        assertEquals(mine, Files.readString(excludes), "reset gives the user's file back byte for byte");
    }

    @Test
    void aTrackedLocalFileDoesNotGetTheKey() throws Exception {
        TempHome home = home();
        Path project = repository();
        Path local = Files.createDirectories(project.resolve(".claude")).resolve("settings.local.json");
        Files.writeString(local, "{}\n");
        git(project, "add", "-f", ".claude/settings.local.json");
        Run r = initWithKey(home, "--scope", "local", "--project-dir", project.toString());
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains("git rm --cached"), r.err);
        assertEquals("{}\n", Files.readString(local));
    }

    @Test
    void aLinkDoesNotSmuggleTheKeyIntoATrackedFile() throws Exception {
        TempHome home = home();
        Path project = repository();
        Path shared = Files.createDirectories(project.resolve(".claude")).resolve("settings.json");
        Files.writeString(shared, "{}\n");
        git(project, "add", ".claude/settings.json");
        // local settings that are a link to the committed project settings: git ignores the link, not its target
        Files.createSymbolicLink(project.resolve(".claude/settings.local.json"), Path.of("settings.json"));
        Run r = initWithKey(home, "--scope", "local", "--project-dir", project.toString());
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains("tracked by git"), r.err);
        assertEquals("{}\n", Files.readString(shared));

        // user settings kept in a dotfiles repository through a link
        Path dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
        assertTrue(git(dotfiles, "init", "-q").startsWith("0:"));
        Path tracked = Files.writeString(dotfiles.resolve("claude-settings.json"), "{}\n");
        git(dotfiles, "add", "claude-settings.json");
        Files.createDirectories(home.home.resolve(".claude"));
        Files.createSymbolicLink(home.userSettings(), tracked);
        Run user = initWithKey(home);
        assertEquals(3, user.exit, user.toString());
        assertEquals("{}\n", Files.readString(tracked));
    }

    @Test
    void thisMachinesPathStaysOutOfCommittedProjectSettings() throws IOException {
        TempHome home = new TempHome(dir.resolve("home"));
        home.ssoProfiles("dev");
        Path project = Files.createDirectories(dir.resolve("project"));
        SelfLauncher launcher = SelfLauncher.create(dir.resolve("bin"));
        Run r = launcher.asSelfCommand(() -> home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2",
                "--model", SONNET, "--skip-probe", "--credentials", "export", "--scope", "project", "--project-dir",
                project.toString()));
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("awsCredentialExport") && r.err.contains("--scope local"), r.err);
        assertFalse(Files.exists(project.resolve(".claude/settings.json")));

        Run local = launcher.asSelfCommand(() -> home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2",
                "--model", SONNET, "--skip-probe", "--credentials", "export", "--scope", "local", "--project-dir",
                project.toString()));
        assertEquals(0, local.exit, local.toString());
        assertTrue(Files.readString(project.resolve(".claude/settings.local.json")).contains(launcher.script
                .toString()));

        Run shared = home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET,
                "--skip-probe", "--credentials", "export", "--scope", "project", "--project-dir", project.toString());
        assertEquals(0, shared.exit, "a command found on PATH is the same for every teammate: " + shared);
    }
}
