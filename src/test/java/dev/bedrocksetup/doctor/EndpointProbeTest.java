package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.testing.LoopbackServers;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handshakes that succeed: a probe given the test certificate as its trust anchor stands for a machine whose Java
 * trusts a corporate root. Real TLS servers and a real CONNECT proxy on 127.0.0.1.
 */
class EndpointProbeTest {
    @TempDir
    Path dir;

    Environment env(Map<String, String> vars) {
        return Environment.forTest(dir, vars);
    }

    @Test
    void aTrustedHandshakeThroughAProxyStillShowsTheInspectingIssuer() throws Exception {
        LoopbackServers.SelfSigned corp = LoopbackServers.SelfSigned.create(dir, "corp",
                "CN=Corp Inspection CA, O=Example Corp", "dns:bedrock-runtime.us-east-1.amazonaws.com");
        try (LoopbackServers.TlsServer box = new LoopbackServers.TlsServer(corp);
                LoopbackServers.ConnectProxy proxy = new LoopbackServers.ConnectProxy(box.port, "alice:pw")) {
            Map<String, String> vars = new HashMap<>();
            vars.put("HTTPS_PROXY", "http://alice:pw@127.0.0.1:" + proxy.port);
            BedrockEndpoints.Endpoint ep = BedrockEndpoints.runtime(env(vars), "us-east-1");
            EndpointProbe.Result r = new EndpointProbe(corp.asTrustStore()).probe(ep.uri, env(vars));
            assertEquals(EndpointProbe.Outcome.OK, r.outcome, r.message);
            assertTrue(String.join(", ", r.steps).matches("127\\.0\\.0\\.1 is an address \\(no DNS\\), TCP \\d+ ms, "
                    + "CONNECT bedrock-runtime\\.us-east-1\\.amazonaws\\.com:443 \\d+ ms, TLS \\d+ ms \\(TLSv1\\.3\\)"),
                    r.steps.toString());

            // the JVM trusts it; Node would not without NODE_EXTRA_CA_CERTS: a warning, with the issuer
            NetworkChecks.Verdict v = NetworkChecks.judge(ep, r, env(vars), dir);
            assertNotNull(v);
            assertEquals(Status.WARN, v.status, v.detail);
            assertTrue(v.detail.startsWith("the certificate for bedrock-runtime.us-east-1.amazonaws.com is issued by "
                    + "CN=Corp Inspection CA, O=Example Corp, not Amazon: a proxy or VPN inspects TLS"), v.detail);
            assertTrue(v.fix.startsWith("export NODE_EXTRA_CA_CERTS="), v.fix);
        }
    }

    @Test
    void aTrustedGatewayIsReportedWithItsIssuerAndNotJudged() throws Exception {
        LoopbackServers.SelfSigned gw = LoopbackServers.SelfSigned.create(dir, "gw", "CN=Test Gateway CA",
                "ip:127.0.0.1");
        try (LoopbackServers.TlsServer server = new LoopbackServers.TlsServer(gw)) {
            Map<String, String> vars = Map.of("ANTHROPIC_BEDROCK_BASE_URL", "https://127.0.0.1:" + server.port + "/v1");
            BedrockEndpoints.Endpoint ep = BedrockEndpoints.runtime(env(vars), "us-east-1");
            EndpointProbe.Result r = new EndpointProbe(gw.asTrustStore()).probe(ep.uri, env(vars));
            assertEquals(EndpointProbe.Outcome.OK, r.outcome, r.message);
            NetworkChecks.Verdict v = NetworkChecks.judge(ep, r, env(vars), dir);
            assertEquals(Status.OK, v.status, v.detail);
            assertEquals("127.0.0.1 (ANTHROPIC_BEDROCK_BASE_URL): issued by CN=Test Gateway CA", v.detail);
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        LoopbackServers.SelfSigned other = LoopbackServers.SelfSigned.create(dir, "other", "CN=Other",
                "dns:elsewhere.example.com");
        try (LoopbackServers.TlsServer server = new LoopbackServers.TlsServer(other)) {
            EndpointProbe.Result r = new EndpointProbe(other.asTrustStore())
                    .probe(URI.create("https://127.0.0.1:" + server.port), env(Map.of()));
            assertEquals(EndpointProbe.Outcome.TLS_CERTIFICATE, r.outcome, r.message);
            assertTrue(r.message.contains("127.0.0.1"), "Node checks the name too: " + r.message);
        }
    }

    @Test
    void aPlainHttpServerOnAnHttpsUrlIsSaidSo() throws Exception {
        try (LoopbackServers.Listener http = new LoopbackServers.Listener("HTTP/1.1 400 Bad Request\r\n\r\n")) {
            EndpointProbe.Result r = new EndpointProbe().probe(URI.create("https://127.0.0.1:" + http.port),
                    env(Map.of()));
            assertEquals(EndpointProbe.Outcome.TLS_OTHER, r.outcome, r.message);
            assertTrue(r.message.startsWith("the TLS handshake failed"), r.message);
        }
    }
}
