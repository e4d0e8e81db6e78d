package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.testing.LoopbackHttps;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `init --preset https://…#sha256=…` (issue 18 item 4) against a real HTTPS server on loopback whose self-signed
 * certificate the run trusts through BEDROCK_SETUP_PRESET_CA_BUNDLE: the fetched preset sets up what the same file
 * does; a changed one, a clear-text URL, an oversized body or a server that never answers writes nothing.
 */
class PresetUrlTest {
    static final String SONNET_US = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String PRESET = "{\n  \"scope\": \"managed\",\n  \"profile\": \"bedrock\",\n  \"region\": \"us-west-2\",\n"
            + "  \"model\": \"" + SONNET_US + "\",\n  \"allow-model\": [\"sonnet\"]\n}\n";
    static final String BASE = "managed/managed-settings.json";
    static final String OURS = "managed/managed-settings.d/50-bedrock-setup.json";
    static final String BASE_TEXT = "{\"permissions\": {\"deny\": [\"Bash(curl:*)\"]}}";

    @TempDir
    Path dir;
    LoopbackHttps server;
    TempHome home;

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackHttps(Files.createDirectories(dir.resolve("tls")));
        server.serve("/team.json", PRESET.getBytes(StandardCharsets.UTF_8));
        home = homeIn("fleet");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private TempHome homeIn(String name) throws Exception {
        TempHome h = new TempHome(Files.createDirectories(dir.resolve(name)));
        h.vars.put("BEDROCK_SETUP_PRESET_CA_BUNDLE", server.caBundle.toString());
        h.write(BASE, BASE_TEXT);
        return h;
    }

    private static String sha256(String text) {
        return TextFile.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private void nothingWritten(TempHome h) throws Exception {
        assertEquals(BASE_TEXT, h.read(BASE), "managed-settings.json byte-identical");
        assertFalse(Files.exists(h.home.resolve(OURS)), "no fragment");
        assertFalse(Files.exists(h.home.resolve(".bedrock-setup/journal.json")), "no journal entry");
    }

    @Test
    void aPinnedUrlSetsUpExactlyWhatTheSameFileDoes() throws Exception {
        TempHome local = homeIn("local");
        local.write("team.json", PRESET);
        Run fromFile = local.run("init", "--yes", "--preset", local.home.resolve("team.json").toString());
        assertEquals(0, fromFile.exit, fromFile.toString());

        Run fromUrl = home.run("init", "--yes", "--preset", server.url("/team.json") + "#sha256=" + sha256(PRESET));
        assertEquals(0, fromUrl.exit, fromUrl.toString());
        assertEquals(local.read(OURS), home.read(OURS), "the same fragment, byte for byte");
        assertTrue(home.read(OURS).contains("\"availableModels\""), home.read(OURS));
        assertEquals(BASE_TEXT, home.read(BASE));

        Run unpinned = homeIn("unpinned").run("init", "--yes", "--preset", server.url("/team.json"));
        assertEquals(0, unpinned.exit, unpinned.toString());
    }

    @Test
    void behindAProxyThePresetComesThroughItAsTheAwsCallsDo() throws Exception {
        int port = java.net.URI.create(server.url("/team.json")).getPort();
        try (var proxy = new dev.bedrocksetup.testing.LoopbackServers.ConnectProxy(port, "corp:s3cret")) {
            home.vars.put("HTTPS_PROXY", "http://corp:s3cret@127.0.0.1:" + proxy.port);
            Run r = home.run("init", "--yes", "--preset", server.url("/team.json") + "#sha256=" + sha256(PRESET));
            assertEquals(0, r.exit, r.toString());
            assertTrue(proxy.requests.contains("CONNECT 127.0.0.1:" + port + " HTTP/1.1"), proxy.requests.toString());
            assertFalse((r.out + r.err).contains("s3cret"), "the proxy's password is never shown");

            TempHome exempt = homeIn("exempt");
            exempt.vars.put("HTTPS_PROXY", "http://corp:s3cret@127.0.0.1:" + proxy.port);
            exempt.vars.put("NO_PROXY", "127.0.0.1");
            proxy.requests.clear();
            Run direct = exempt.run("init", "--yes", "--preset", server.url("/team.json"));
            assertEquals(0, direct.exit, direct.toString());
            assertTrue(proxy.requests.isEmpty(), "NO_PROXY: straight to the server " + proxy.requests);
        }
    }

    @Test
    void aPresetThatChangedSinceThePinIsRefusedWithBothDigestsAndNothingWritten() throws Exception {
        String pinned = sha256(PRESET.replace("us-west-2", "us-east-1")); // the preset as it was reviewed
        Run r = home.run("init", "--yes", "--preset", server.url("/team.json") + "#sha256=" + pinned);
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains(pinned), "expected digest shown: " + r.err);
        assertTrue(r.err.contains(sha256(PRESET)), "actual digest shown: " + r.err);
        nothingWritten(home);

        Run malformed = home.run("init", "--yes", "--preset", server.url("/team.json") + "#sha256=abc");
        assertEquals(2, malformed.exit, malformed.toString());
        assertTrue(malformed.err.contains("64 hexadecimal digits"), malformed.err);
        nothingWritten(home);
    }

    @Test
    void onlyHttpsIsFetchedAndSecretsInTheUrlAreNotPrinted() throws Exception {
        String clear = server.url("/team.json").replace("https:", "http:");
        Run http = home.run("init", "--yes", "--preset", clear);
        assertEquals(2, http.exit, http.toString());
        assertTrue(http.err.contains("only https:// URLs"), http.err);
        assertEquals(2, http.err.strip().lines().count(), "one line and its fix: " + http.err);
        nothingWritten(home);

        Run file = home.run("init", "--yes", "--preset", "file:///etc/passwd");
        assertEquals(2, file.exit, file.toString());
        assertTrue(file.err.contains("only https:// URLs"), file.err);

        Run secret = home.run("init", "--yes", "--preset",
                "http://alice:hunter2secret@127.0.0.1:9/team.json?X-Amz-Signature=f00dfeedcafe");
        assertEquals(2, secret.exit, secret.toString());
        assertFalse(secret.err.contains("hunter2secret"), secret.err);
        assertFalse(secret.err.contains("f00dfeedcafe"), secret.err);

        server.handle("/moved", e -> {
            e.getResponseHeaders().set("Location", clear);
            LoopbackHttps.reply(e, 302, new byte[0]);
        });
        Run downgraded = home.run("init", "--yes", "--preset", server.url("/moved"));
        assertEquals(2, downgraded.exit, downgraded.toString());
        assertTrue(downgraded.err.contains("redirect"), downgraded.err);
        nothingWritten(home);
    }

    @Test
    void theCertificateIsVerified() throws Exception {
        home.vars.remove("BEDROCK_SETUP_PRESET_CA_BUNDLE");
        Run r = home.run("init", "--yes", "--preset", server.url("/team.json"));
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("certificate"), r.err);
        nothingWritten(home);
    }

    /** A FIFO named as the CA bundle is refused, not read: its reader would wait for a writer for ever. */
    @Test
    void aFifoAsTheCaBundleIsRefusedNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("ca-fifo.pem");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        mkfifo.getInputStream().readAllBytes();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        home.vars.put("BEDROCK_SETUP_PRESET_CA_BUNDLE", fifo.toString());
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> home.run("init", "--yes", "--preset", server.url("/team.json")));
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("BEDROCK_SETUP_PRESET_CA_BUNDLE") && r.err.contains("PEM"), r.err);
        nothingWritten(home);
    }

    @Test
    void anOversizedPresetIsRefused() throws Exception {
        byte[] big = ("{\"description\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        server.serve("/big.json", big);
        Run r = home.run("init", "--yes", "--preset", server.url("/big.json"));
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("256 KB"), r.err);
        nothingWritten(home);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        server.handle("/hang", e -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        home.vars.put("BEDROCK_SETUP_PRESET_TIMEOUT", "0.5");
        long start = System.nanoTime();
        Run r = home.run("init", "--yes", "--preset", server.url("/hang"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("no answer within 1 s"), r.err);
        assertTrue(seconds < 10, "bounded: " + seconds + " s");
        nothingWritten(home);
    }
}
