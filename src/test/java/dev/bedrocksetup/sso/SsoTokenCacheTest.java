package dev.bedrocksetup.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.fs.AtomicFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsoTokenCacheTest {
    @TempDir
    Path home;

    @Test
    void fileNameIsSha1OfTheSessionName() {
        SsoTokenCache cache = new SsoTokenCache(home, new AtomicFileWriter());
        assertEquals(home.resolve(".aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json"),
                cache.fileFor("my-sso"));
    }

    @Test
    void writesTheAwsCliFormatPrivately() throws Exception {
        SsoTokenCache cache = new SsoTokenCache(home, new AtomicFileWriter());
        Instant exp = Instant.parse("2026-01-01T12:00:00.123Z");
        cache.write("my-sso", new SsoToken("https://example.awsapps.com/start", "us-east-1", "tokEXAMPLE", exp,
                "cid", "csecret", Instant.parse("2026-04-01T00:00:00Z"), "rtok"));
        Path f = cache.fileFor("my-sso");
        String json = Files.readString(f);
        assertEquals("{\"startUrl\":\"https://example.awsapps.com/start\",\"region\":\"us-east-1\","
                + "\"accessToken\":\"tokEXAMPLE\",\"expiresAt\":\"2026-01-01T12:00:00Z\",\"clientId\":\"cid\","
                + "\"clientSecret\":\"csecret\",\"registrationExpiresAt\":\"2026-04-01T00:00:00Z\","
                + "\"refreshToken\":\"rtok\"}", json);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent())));
        SsoToken back = cache.read("my-sso");
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), back.expiresAt);
        assertEquals("rtok", back.refreshToken);
        assertFalse(back.toString().contains("tokEXAMPLE"), "no secret in toString");
    }

    @Test
    void readsWhatOtherToolsWrite() throws Exception {
        SsoTokenCache cache = new SsoTokenCache(home, new AtomicFileWriter());
        Files.createDirectories(cache.directory());
        Files.writeString(cache.fileFor("s"), "{\n    \"accessToken\": \"a\",\n    \"expiresAt\": "
                + "\"2026-01-01T12:00:00.123456789Z\",\n    \"region\": \"us-east-1\"\n}\n");
        assertEquals(Instant.parse("2026-01-01T12:00:00.123456789Z"), cache.read("s").expiresAt);
        Files.writeString(cache.fileFor("u"), "{\"accessToken\": \"a\", \"expiresAt\": \"2026-01-01T12:00:00UTC\"}");
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), cache.read("u").expiresAt);
        Files.writeString(cache.fileFor("bad"), "not json");
        assertNull(cache.read("bad"));
        assertNull(cache.read("absent"));
        assertTrue(SsoTokenCache.format(Instant.parse("2026-01-01T12:00:00.999Z")).equals("2026-01-01T12:00:00Z"));
    }

    @Test
    void pkceChallengeMatchesRfc7636Example() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        Pkce p = Pkce.create();
        assertEquals(64, p.verifier.length());
        assertTrue(p.verifier.matches("[A-Za-z0-9._~-]{64}"));
    }
}
