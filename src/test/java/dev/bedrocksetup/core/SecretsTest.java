package dev.bedrocksetup.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Passwords in URLs (proxy basic authentication) are masked; the user name and the placeholders of a fix stay. */
class SecretsTest {
    @Test
    void aUrlPasswordIsMaskedEverywhere() {
        assertEquals("http://alice:****@proxy.example.com:8080",
                Secrets.maskUrl("http://alice:s3cr%40t@proxy.example.com:8080"));
        assertEquals("HTTPS_PROXY=http://alice:****@proxy:3128 (from shell)",
                Secrets.redact("HTTPS_PROXY=http://alice:s3cr%40t@proxy:3128 (from shell)"));
        assertEquals("https_proxy=alice:****@proxy:3128", Secrets.redact("https_proxy=alice:s3cret@proxy:3128"),
                "a URL without its scheme too");
        assertEquals("\"HTTPS_PROXY\": \"http://alice:****@proxy:3128\"",
                Secrets.redact("\"HTTPS_PROXY\": \"http://alice:s3cret@proxy:3128\""), "inside JSON");
        assertEquals("http://proxy:3128", Secrets.maskUrl("http://proxy:3128"), "no user: unchanged");
        assertEquals("http://alice@proxy:3128", Secrets.redact("http://alice@proxy:3128"), "no password: unchanged");
        assertEquals("set HTTPS_PROXY=http://user:password@host:port",
                Secrets.redact("set HTTPS_PROXY=http://user:password@host:port"), "a placeholder stays readable");
        assertEquals("http://alice:****@proxy:3128", Secrets.redact(Secrets.redact("http://alice:pw@proxy:3128")));
    }

    @Test
    void valuesAreMaskedByTheirStructure() {
        assertEquals("http://alice:****@proxy:3128", Secrets.maskUrl("http://alice:p@ss w0rd@proxy:3128"),
                "a password with @ and a space is masked whole");
        assertEquals("alice:****@proxy:3128", Secrets.redact("alice:first@second@proxy:3128"), "no second half shows");
        assertEquals("https://gw.example.com/x?token=****&team=****#top",
                Secrets.maskUrl("https://gw.example.com/x?token=s3cr3t&team=blue#top"));
        assertEquals("see gw.example.com/x?sig=**** now", Secrets.redact("see gw.example.com/x?sig=abc123 now"),
                "a query without a scheme too");
        assertEquals("--preset https://example.com/t.json?sig=****: cannot connect (refused).",
                Secrets.redact("--preset https://example.com/t.json?sig=abc123: cannot connect (refused)."),
                "the sentence's punctuation after a URL is the sentence's, not the masked value's");
        assertEquals("see (https://example.com/t?sig=****).", Secrets.redact("see (https://example.com/t?sig=x9)."));
        assertEquals("https://ghp_…(26 chars)@git.example.com/x",
                Secrets.redact("https://ghp_ABCDEFGHIJKLMNOPQRSTUV@git.example.com/x"), "a token as the user name");
        assertEquals("Authorization: Bearer eyJh…(28 chars)\nX-Team: ****",
                Secrets.maskHeaderValues("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload\nX-Team: blue"));
        assertEquals("\"Authorization: Bearer eyJh…(28 chars)\"",
                Secrets.redact("\"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload\""), "a header in free text");
        String diffLine = "   \"ANTHROPIC_CUSTOM_HEADERS\": \"X-Gateway-Key: gwKEY123456\\nX-Team: blue\",";
        assertEquals("   \"ANTHROPIC_CUSTOM_HEADERS\": \"X-Gateway-Key: gwKE…(11 chars)\\nX-Team: ****\",",
                Secrets.redact(diffLine), "the header variable inside JSON (a diff's context line)");
        assertEquals(Secrets.redact(diffLine), Secrets.redact(Secrets.redact(diffLine)), "masking twice changes nothing");
        assertEquals("ssh me@host get-credentials", Secrets.maskUrl("ssh me@host get-credentials"), "not a URL");
        assertEquals("Which region? us-west-2", Secrets.redact("Which region? us-west-2"), "not a query");
    }
}
