package dev.bedrocksetup.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.Examples;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only regular files, reached directly or through symbolic links, are read or replaced: a device, a FIFO or a
 * directory where a file is expected is refused with one line naming it, exit 3, and is still what it was.
 */
class OnlyRegularFilesTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final Duration NO_HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    TempHome home;

    @BeforeEach
    void setUp() throws Exception {
        home = new TempHome(dir);
        home.ssoProfiles("dev");
    }

    private Run init(String... more) {
        String[] base = {"init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET,
            "--skip-probe"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return assertTimeoutPreemptively(NO_HANG, () -> home.run(all), "must not hang");
    }

    private static void refusedInOneLine(Run r, String path, String what) {
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains(path) && r.err.contains(what), r.toString());
        assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), "no stack trace: " + r);
    }

    /**
     * A character device to point files at. Where the test may create device nodes (root), a private copy of
     * /dev/null in the test's directory: a regression that replaced the device must not break the machine's own
     * /dev/null (it did, once). Elsewhere /dev/null itself, which such a user cannot replace.
     */
    private Path device() throws Exception {
        Path own = dir.resolve("null-device");
        Process mknod = new ProcessBuilder("mknod", "-m", "666", own.toString(), "c", "1", "3")
                .redirectErrorStream(true).start();
        mknod.getInputStream().readAllBytes();
        return mknod.waitFor() == 0 ? own : Path.of("/dev/null");
    }

    private static boolean isCharacterDevice(Path p) throws Exception {
        return ((Integer) Files.getAttribute(p, "unix:mode") & 0170000) == 0020000;
    }

    @Test
    void settingsLinkedToDevNullAreRefusedAndTheDeviceStays() throws Exception {
        Path device = device();
        Files.createDirectories(dir.resolve(".claude"));
        Files.createSymbolicLink(home.userSettings(), device);
        Run r = init();
        refusedInOneLine(r, home.userSettings().toString(), "a character device");
        assertTrue(isCharacterDevice(device), "the device is still a device");
        assertTrue(Files.isSymbolicLink(home.userSettings()));
    }

    @Test
    void awsConfigFileNamingADeviceIsRefused() throws Exception {
        Path device = device();
        home.vars.put("AWS_CONFIG_FILE", device.toString());
        Run r = assertTimeoutPreemptively(NO_HANG, () -> home.run("init", "--yes", "--sso-start-url",
                Examples.START_URL, "--sso-region", "us-east-1", "--account-id", Examples.ACCOUNT,
                "--role-name", "Dev", "--profile", "dev", "--skip-login", "--skip-probe", "--region", "us-west-2",
                "--model", SONNET));
        refusedInOneLine(r, device.toString(), "a character device");
        assertTrue(isCharacterDevice(device));
    }

    @Test
    void aFifoIsNeverOpenedSoNothingHangs() throws Exception {
        Files.createDirectories(dir.resolve(".claude"));
        Process mkfifo = new ProcessBuilder("mkfifo", home.userSettings().toString()).start();
        assertEquals(0, mkfifo.waitFor());
        refusedInOneLine(init(), home.userSettings().toString(), "FIFO");

        Files.delete(home.userSettings());
        Path config = dir.resolve(".aws/config");
        Files.delete(config);
        assertEquals(0, new ProcessBuilder("mkfifo", config.toString()).start().waitFor());
        Run doctor = assertTimeoutPreemptively(NO_HANG, () -> home.run("doctor", "--offline"), "doctor must not hang");
        assertTrue(doctor.exit == 1 || doctor.exit == 3, doctor.toString());
        assertTrue(doctor.toString().contains(config + " is a FIFO"), doctor.toString());
    }

    @Test
    void aFifoWhereTheModelIdCacheBelongsIsNoCacheAndNothingHangs() throws Exception {
        // the cache of --model completion is read at every TAB press and by every catalogue read
        Path cache = dev.bedrocksetup.bedrock.ModelIdCache.file(home.env());
        java.nio.file.Files.createDirectories(cache.getParent());
        assertEquals(0, new ProcessBuilder("mkfifo", cache.toString()).start().waitFor());
        Run r = assertTimeoutPreemptively(NO_HANG, () -> home.run("completion", "--values", "models"),
                "must not hang");
        assertEquals(0, r.exit, r.toString());
        assertEquals("", r.out, "a FIFO holds no model IDs");
        assertTrue(java.nio.file.Files.exists(cache) && !java.nio.file.Files.isRegularFile(cache),
                "the FIFO was left alone");
    }

    @Test
    void aDeviceAsPresetIsRefusedBeforeAnyRead() {
        Run r = assertTimeoutPreemptively(NO_HANG, () -> home.run("init", "--yes", "--preset", "/dev/zero",
                "--skip-probe"));
        refusedInOneLine(r, "/dev/zero", "a character device");
        assertFalse(r.toString().contains("OutOfMemoryError"), r.toString());
    }

    @Test
    void aDirectoryWhereTheJournalBelongsIsRefused() throws Exception {
        Files.createDirectories(dir.resolve(".bedrock-setup/journal.json"));
        Run r = init();
        refusedInOneLine(r, "journal.json", "a directory");
        assertTrue(Files.isDirectory(dir.resolve(".bedrock-setup/journal.json"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(home.userSettings()), "nothing was written before the journal was checked");
    }
}
