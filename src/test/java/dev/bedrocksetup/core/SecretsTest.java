package dev.bedrocksetup.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Passwords in URLs (proxy basic authentication) are masked; the user name and the placeholders of a fix stay. */
class SecretsTest {
    @Test
    void aUrlPasswordIsMaskedEverywhere() {
        assertEquals("http://alice:****@proxy.example.com:8080",
                Secrets.maskUrlPassword("http://alice:s3cr%40t@proxy.example.com:8080"));
        assertEquals("HTTPS_PROXY=http://alice:****@proxy:3128 (from shell)",
                Secrets.redact("HTTPS_PROXY=http://alice:s3cr%40t@proxy:3128 (from shell)"));
        assertEquals("https_proxy=alice:****@proxy:3128", Secrets.redact("https_proxy=alice:s3cret@proxy:3128"),
                "a URL without its scheme too");
        assertEquals("\"HTTPS_PROXY\": \"http://alice:****@proxy:3128\"",
                Secrets.redact("\"HTTPS_PROXY\": \"http://alice:s3cret@proxy:3128\""), "inside JSON");
        assertEquals("http://proxy:3128", Secrets.maskUrlPassword("http://proxy:3128"), "no user: unchanged");
        assertEquals("http://alice@proxy:3128", Secrets.redact("http://alice@proxy:3128"), "no password: unchanged");
        assertEquals("set HTTPS_PROXY=http://user:password@host:port",
                Secrets.redact("set HTTPS_PROXY=http://user:password@host:port"), "a placeholder stays readable");
        assertEquals("http://alice:****@proxy:3128", Secrets.redact(Secrets.redact("http://alice:pw@proxy:3128")));
    }
}
