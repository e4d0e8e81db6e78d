package dev.bedrocksetup.doctor;

import dev.bedrocksetup.aws.ProxySettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.testing.LoopbackServers;
import dev.bedrocksetup.testing.Settings;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network checks against real servers on 127.0.0.1: a listener, a closed port, a TLS server with a self-signed
 * certificate, a CONNECT proxy that plays a TLS-inspecting one, and a host under .invalid that never resolves.
 */
class NetworkChecksTest {
    static final String RUNTIME = "network.runtime-endpoint";
    static final String CONTROL = "network.control-plane-endpoint";
    static final String TLS = "network.tls-inspection";
    static final String PROXY_PASSWORD = "Pr0xyPassw0rdEXAMPLE";

    @TempDir
    Path dir;
    TempHome home;

    @BeforeEach
    void setUp() throws Exception {
        home = new TempHome(dir);
        home.write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1").json());
    }

    DoctorInputs inputs() {
        return new DoctorInputs(home.env(), new SettingsLocations(home.env(), dir), () -> null);
    }

    /** Runs the checks on one set of inputs, so they share their connections as in the doctor. */
    List<Finding> run(String... ids) {
        DoctorInputs in = inputs();
        List<Finding> out = new java.util.ArrayList<>();
        for (String id : ids) {
            out.add(CheckCatalog.byId(id).run(in));
        }
        return out;
    }

    Finding one(String id) {
        return run(id).get(0);
    }

    static void assertFinding(Finding f, Status status, String detail, String fix) {
        assertEquals(status, f.status, f.toString());
        assertTrue(f.detail.contains(detail), "detail mentions '" + detail + "': " + f);
        if (fix != null) {
            assertTrue(f.fix != null && f.fix.contains(fix), "fix mentions '" + fix + "': " + f);
        }
    }

    LoopbackServers.SelfSigned cert(String name, String dname, String sans) throws Exception {
        return LoopbackServers.SelfSigned.create(dir.resolve("certs"), name, dname, sans);
    }

    @Test
    void aListeningPlainHttpOverridePasses() throws Exception {
        try (LoopbackServers.Listener l = new LoopbackServers.Listener()) {
            home.vars.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:" + l.port);
            home.vars.put("AWS_ENDPOINT_URL_BEDROCK", "http://127.0.0.1:" + l.port);
            List<Finding> f = run(RUNTIME, CONTROL, TLS);
            assertFinding(f.get(0), Status.OK, "TLS not applicable (plain http)", null);
            assertTrue(f.get(0).detail.contains("127.0.0.1 is an address (no DNS)"), f.get(0).toString());
            assertTrue(f.get(0).detail.contains("AWS_ENDPOINT_URL_BEDROCK_RUNTIME; Claude Code's model calls follow "
                    + "only ANTHROPIC_BEDROCK_BASE_URL"), f.get(0).toString());
            assertFinding(f.get(1), Status.OK, "http://127.0.0.1:" + l.port + " (AWS_ENDPOINT_URL_BEDROCK)", null);
            assertFinding(f.get(2), Status.SKIPPED, "is plain http", null);
        }
    }

    @Test
    void nothingListeningFailsWithTheAddress() throws Exception {
        int port = LoopbackServers.closedPort();
        home.vars.put("AWS_ENDPOINT_URL_BEDROCK", "http://127.0.0.1:" + port);
        assertFinding(one(CONTROL), Status.FAIL, "127.0.0.1:" + port + " refused the connection",
                "start the service at http://127.0.0.1:" + port + ", or correct AWS_ENDPOINT_URL_BEDROCK");
    }

    @Test
    void anUnresolvableHostFailsOnDns() throws Exception {
        try (LoopbackServers.Listener l = new LoopbackServers.Listener()) {
            // the base URL wins over the runtime override for model calls, as in Claude Code
            home.vars.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:" + l.port);
            home.vars.put("ANTHROPIC_BEDROCK_BASE_URL", "https://bedrock-runtime.example.invalid");
            assertFinding(one(RUNTIME), Status.FAIL, "cannot resolve bedrock-runtime.example.invalid",
                    "correct the host in ANTHROPIC_BEDROCK_BASE_URL");
        }
        assertEquals(Status.SKIPPED, one(TLS).status, "nothing reached: nothing to judge");
    }

    @Test
    void theRegionalEndpointIsTheDefault() {
        BedrockEndpoints.Endpoint rt = BedrockEndpoints.runtime(home.env(), "eu-west-1");
        assertEquals("https://bedrock-runtime.eu-west-1.amazonaws.com:443", rt.address());
        assertFalse(rt.override);
        assertEquals("https://bedrock.eu-west-1.amazonaws.com:443",
                BedrockEndpoints.controlPlane(home.env(), "eu-west-1").address());
        assertTrue(BedrockEndpoints.runtime(home.env(), "us west").problem.contains("no runtime endpoint"));
    }

    @Test
    void aSelfSignedGatewayIsReportedButNotCalledInterception() throws Exception {
        LoopbackServers.SelfSigned gw = cert("gateway", "CN=Test Gateway CA, O=Example", "ip:127.0.0.1");
        try (LoopbackServers.TlsServer server = new LoopbackServers.TlsServer(gw)) {
            home.vars.put("ANTHROPIC_BEDROCK_BASE_URL", "https://127.0.0.1:" + server.port);
            home.vars.put("AWS_ENDPOINT_URL_BEDROCK", "https://127.0.0.1:" + server.port);
            List<Finding> f = run(RUNTIME, TLS);
            assertFinding(f.get(0), Status.WARN, "the certificate is not trusted", "network.tls-inspection");
            assertFinding(f.get(1), Status.FAIL, "the certificate for 127.0.0.1 (issued by CN=Test Gateway CA, "
                    + "O=Example) was refused", "export NODE_EXTRA_CA_CERTS=");
            assertFalse(f.get(1).detail.contains("inspects TLS"), "an override is not called interception: " + f);

            // the gateway's CA in NODE_EXTRA_CA_CERTS: Claude Code will trust it, whatever this JVM thinks
            home.vars.put("NODE_EXTRA_CA_CERTS", gw.pem.toString());
            assertFinding(one(TLS), Status.OK, "NODE_EXTRA_CA_CERTS (" + gw.pem + ") holds", null);
        }
    }

    @Test
    void anInspectingProxyIsNamedWithTheFix() throws Exception {
        LoopbackServers.SelfSigned corp = cert("corp", "CN=Corp Inspection CA, O=Example Corp",
                "dns:bedrock-runtime.us-east-1.amazonaws.com,dns:bedrock.us-east-1.amazonaws.com");
        try (LoopbackServers.TlsServer box = new LoopbackServers.TlsServer(corp);
                LoopbackServers.ConnectProxy proxy = new LoopbackServers.ConnectProxy(box.port, null)) {
            home.vars.put("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port);
            List<Finding> f = run(RUNTIME, CONTROL, TLS);
            assertFinding(f.get(0), Status.WARN, "through the proxy http://127.0.0.1:" + proxy.port
                    + " (HTTPS_PROXY)", "network.tls-inspection");
            assertTrue(f.get(0).detail.contains("CONNECT bedrock-runtime.us-east-1.amazonaws.com:443"), f.toString());
            assertTrue(proxy.requests.contains("CONNECT bedrock-runtime.us-east-1.amazonaws.com:443 HTTP/1.1"),
                    proxy.requests.toString());
            assertTrue(proxy.requests.contains("CONNECT bedrock.us-east-1.amazonaws.com:443 HTTP/1.1"),
                    "each endpoint is dialled once, and the control plane too: " + proxy.requests);
            assertEquals(2, proxy.requests.size(), "the TLS check reuses the reachability checks' handshakes");
            assertFinding(f.get(2), Status.FAIL, "the certificate for bedrock-runtime.us-east-1.amazonaws.com is "
                    + "issued by CN=Corp Inspection CA, O=Example Corp, not Amazon: a proxy or VPN inspects TLS",
                    "export NODE_EXTRA_CA_CERTS=/path/to/corporate-root.pem");
            assertTrue(f.get(2).fix.contains("Node reads it at start-up"), f.get(2).toString());

            // a bundle without that root: said so
            LoopbackServers.SelfSigned other = cert("other", "CN=Some Other Root", "dns:example.com");
            home.vars.put("NODE_EXTRA_CA_CERTS", other.pem.toString());
            assertFinding(one(TLS), Status.FAIL, "NODE_EXTRA_CA_CERTS is set (" + other.pem + ") but holds no "
                    + "certificate for that issuer", "add the root certificate whose subject is CN=Corp Inspection CA");

            // the corporate root in NODE_EXTRA_CA_CERTS: inspected, but Claude Code will trust it
            home.vars.put("NODE_EXTRA_CA_CERTS", corp.pem.toString());
            assertFinding(one(TLS), Status.OK, "bedrock-runtime.us-east-1.amazonaws.com is inspected by a proxy or "
                    + "VPN: issued by CN=Corp Inspection CA, O=Example Corp, whose certificate NODE_EXTRA_CA_CERTS", null);
        }
    }

    @Test
    void aProxyThatWantsCredentialsFailsAndThePasswordIsNeverShown() throws Exception {
        LoopbackServers.SelfSigned corp = cert("corp", "CN=Corp Inspection CA", "dns:localhost");
        try (LoopbackServers.TlsServer box = new LoopbackServers.TlsServer(corp);
                LoopbackServers.ConnectProxy proxy = new LoopbackServers.ConnectProxy(box.port,
                        "alice:" + PROXY_PASSWORD)) {
            home.vars.put("HTTPS_PROXY", "http://alice:wrong" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port);
            home.vars.put("https_proxy", "http://alice:" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port);
            DoctorInputs in = inputs();
            List<Finding> f = new java.util.ArrayList<>();
            for (Check c : CheckCatalog.all()) {
                if (c.id.startsWith("network.")) {
                    f.add(c.run(in));
                }
            }
            Finding runtime = f.stream().filter(x -> x.id.equals(RUNTIME)).findFirst().orElseThrow();
            // the lowercase variable wins (as in Node's undici), and its password is right: CONNECT is accepted
            assertTrue(runtime.detail.contains("(https_proxy)"), runtime.toString());
            assertTrue(runtime.detail.contains("CONNECT bedrock-runtime.us-east-1.amazonaws.com:443"),
                    runtime.toString());
            Finding proxyCheck = f.stream().filter(x -> x.id.equals("network.proxy")).findFirst().orElseThrow();
            assertFinding(proxyCheck, Status.WARN, "HTTPS_PROXY and https_proxy differ", "the same value");
            DoctorReport r = new DoctorReport(in.effective, f, null);
            for (String out : new String[] {r.toText(Style.plain()), r.toJson()}) {
                assertFalse(out.contains(PROXY_PASSWORD), "proxy password printed:\n" + out);
                assertTrue(out.contains("alice:****@127.0.0.1"), "the user is shown, the password masked:\n" + out);
            }
        }
        try (LoopbackServers.Listener l = new LoopbackServers.Listener();
                LoopbackServers.ConnectProxy proxy = new LoopbackServers.ConnectProxy(l.port,
                        "alice:" + PROXY_PASSWORD)) {
            home.vars.remove("https_proxy");
            home.vars.put("HTTPS_PROXY", "http://alice:wrong@127.0.0.1:" + proxy.port);
            Finding f = one(RUNTIME);
            assertFinding(f, Status.FAIL, "the proxy answered \"HTTP/1.1 407 Proxy Authentication Required\" to "
                    + "CONNECT bedrock-runtime.us-east-1.amazonaws.com:443", "HTTPS_PROXY=http://user:password@host:port");
            assertFalse(f.toString().contains("wrong"), f.toString());
        }
    }

    @Test
    void anUnreachableProxyIsBlamedNotAws() throws Exception {
        int port = LoopbackServers.closedPort();
        home.vars.put("HTTPS_PROXY", "http://127.0.0.1:" + port);
        assertFinding(one(RUNTIME), Status.FAIL, "the proxy 127.0.0.1:" + port + " refused the connection",
                "check the proxy's address and port in HTTPS_PROXY");
        home.vars.put("HTTPS_PROXY", "http://proxy.example.invalid:3128");
        assertFinding(one(RUNTIME), Status.FAIL, "cannot resolve the proxy proxy.example.invalid",
                "correct the proxy's host name in HTTPS_PROXY");
    }

    @Test
    void noProxyExemptionsAreFollowedAndNoted() throws Exception {
        try (LoopbackServers.Listener l = new LoopbackServers.Listener()) {
            home.vars.put("HTTPS_PROXY", "http://127.0.0.1:" + LoopbackServers.closedPort());
            home.vars.put("NO_PROXY", "localhost, .amazonaws.com 127.0.0.1");
            home.vars.put("AWS_ENDPOINT_URL_BEDROCK", "http://127.0.0.1:" + l.port);
            // plain http: the http proxy applies (none set), so the listener is dialled directly
            assertFinding(one(CONTROL), Status.OK, "TCP", null);
            assertFinding(one("network.proxy"), Status.OK, "NO_PROXY (localhost, .amazonaws.com 127.0.0.1) covers "
                    + "bedrock-runtime.us-east-1.amazonaws.com: Claude Code connects to it directly", null);
        }
        assertTrue(ProxySettings.exempts("*", "bedrock.us-east-1.amazonaws.com", 443));
        assertTrue(ProxySettings.exempts("amazonaws.com", "bedrock.us-east-1.amazonaws.com", 443));
        assertTrue(ProxySettings.exempts("*.amazonaws.com:443", "bedrock.us-east-1.amazonaws.com", 443));
        assertFalse(ProxySettings.exempts("amazonaws.com:8443", "bedrock.us-east-1.amazonaws.com", 443));
        assertFalse(ProxySettings.exempts("notamazonaws.com", "bedrock.us-east-1.amazonaws.com", 443));
    }

    @Test
    void aProxyOnlyInSettingsIsExplainedNotFailed() throws Exception {
        home.write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("HTTPS_PROXY", "http://proxy.example.com:8080").json());
        Finding f = one("network.proxy");
        assertFinding(f, Status.OK, "https requests go through http://proxy.example.com:8080 (HTTPS_PROXY)", null);
        assertTrue(f.detail.contains("HTTPS_PROXY is set only in user settings: Claude Code and the commands it "
                + "starts"), f.toString());
    }

    @Test
    void offlineTheOnlineNetworkChecksAreSkipped() {
        DoctorReport r = Doctor.run(inputs(), true);
        for (String id : new String[] {RUNTIME, CONTROL, TLS}) {
            assertEquals(Status.SKIPPED, r.finding(id).status, r.finding(id).toString());
        }
        assertEquals(Status.OK, r.finding("network.proxy").status);
    }
}
