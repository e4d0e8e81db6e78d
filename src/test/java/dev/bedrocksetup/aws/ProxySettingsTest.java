package dev.bedrocksetup.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.bedrocksetup.core.Environment;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route a command's own AWS calls take from its environment. */
class ProxySettingsTest {
    @TempDir
    Path dir;

    private Environment env(Map<String, String> vars) {
        return Environment.forTest(dir, vars);
    }

    @Test
    void noVariableIsDirectWithoutARoute() {
        assertNull(ProxySettings.routeOf(env(Map.of())));
        assertNull(ProxySettings.routeOf(env(Map.of("NO_PROXY", "*"))), "NO_PROXY alone changes nothing");
    }

    @Test
    void theSameValuesShareOneRouteSoTheRootsAreReadOncePerRun() {
        Map<String, String> vars = Map.of("HTTPS_PROXY", "http://127.0.0.1:3128", "NO_PROXY", ".internal.example.com");
        NetworkRoute first = ProxySettings.routeOf(env(vars));
        assertSame(first, ProxySettings.routeOf(env(vars)), "a second client factory, the same route");
        assertNotSame(first, ProxySettings.routeOf(env(Map.of("HTTPS_PROXY", "http://127.0.0.1:3129"))));
        Proxy via = first.proxyFor(URI.create("https://bedrock.us-east-1.amazonaws.com/"));
        java.net.InetSocketAddress address = (java.net.InetSocketAddress) via.address();
        assertEquals("127.0.0.1:3128", address.getHostString() + ":" + address.getPort());
        assertSame(Proxy.NO_PROXY, first.proxyFor(URI.create("https://api.internal.example.com/")), "NO_PROXY");
        assertSame(Proxy.NO_PROXY, first.proxyFor(URI.create("http://127.0.0.1:8080/")),
                "an http:// endpoint (the stand-in) goes direct, as HTTPS_PROXY is for https");
    }
}
