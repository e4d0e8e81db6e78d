package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.LoopbackServers.ConnectProxy;
import dev.bedrocksetup.testing.LoopbackServers.SelfSigned;
import dev.bedrocksetup.testing.LoopbackServers.TlsTerminator;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a corporate proxy, the commands reach AWS the way Claude Code does: through HTTPS_PROXY (basic
 * authentication from its URL), trusting the TLS-inspecting proxy's root from NODE_EXTRA_CA_CERTS. Here AWS's real
 * host names are reached only through the proxy, which tunnels to a TLS terminator in front of the stand-in; going
 * direct, they are not reached at all.
 */
class ProxyRouteTest {
    static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    @TempDir
    Path dir;
    StandInHome stand;
    TlsTerminator inspector;
    ConnectProxy proxy;

    @BeforeEach
    void setUp() throws Exception {
        stand = new StandInHome(dir.resolve("home"));
        SelfSigned cert = SelfSigned.create(dir, "inspection", "CN=Corp Inspection CA, O=Example Corp",
                "dns:sts.us-east-1.amazonaws.com,dns:sts.amazonaws.com,dns:bedrock.us-east-1.amazonaws.com,"
                        + "dns:bedrock-runtime.us-east-1.amazonaws.com");
        inspector = new TlsTerminator(cert, stand.baseUri().getPort());
        proxy = new ConnectProxy(inspector.port, "corp:s3cret");
        StandInHome.endpoints(stand.baseUri()).keySet().forEach(stand.home.vars::remove); // AWS's own host names
        stand.home.vars.put("HTTPS_PROXY", "http://corp:s3cret@127.0.0.1:" + proxy.port);
        stand.home.vars.put("NODE_EXTRA_CA_CERTS", cert.pem.toString());
        stand.staticKeysProfile("keys", "dev", "us-east-1");
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
        inspector.close();
        stand.close();
    }

    @Test
    void modelsListsThroughTheProxy() {
        Run r = stand.home.run("models", "--profile", "keys", "--region", "us-east-1");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains(HAIKU), r.out);
        assertTrue(proxy.requests.contains("CONNECT bedrock.us-east-1.amazonaws.com:443 HTTP/1.1"),
                proxy.requests.toString());
    }

    @Test
    void aProxyThatCannotBeReachedIsNamedNotAwssHost() throws Exception {
        int closed = dev.bedrocksetup.testing.LoopbackServers.closedPort();
        stand.home.vars.put("HTTPS_PROXY", "http://corp:s3cret@127.0.0.1:" + closed);
        Run r = stand.home.run("models", "--profile", "keys", "--region", "us-east-1");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("the proxy 127.0.0.1:" + closed + " refused the connection"), r.err);
        assertTrue(!r.err.contains("amazonaws.com:443 refused"), r.err);
        stand.home.vars.put("HTTPS_PROXY", "http://proxy.invalid:3128");
        r = stand.home.run("models", "--profile", "keys", "--region", "us-east-1");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("the proxy's host in proxy.invalid:3128 does not resolve (DNS)"), r.err);
        stand.home.vars.put("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port); // without its user and password
        r = stand.home.run("models", "--profile", "keys", "--region", "us-east-1");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("the proxy 127.0.0.1:" + proxy.port + " would not open a tunnel to "
                + "bedrock.us-east-1.amazonaws.com:443: \"HTTP/1.1 407"), r.err);
        assertTrue(r.err.contains("http://USER:PASSWORD@HOST:PORT"), r.err);
    }

    @Test
    void initChecksTheProfileAndTestsTheModelThroughTheProxy() throws Exception {
        Run r = stand.home.run("init", "--yes", "--profile", "keys", "--region", "us-east-1", "--model", HAIKU);
        assertEquals(0, r.exit, r.toString());
        assertTrue(proxy.requests.contains("CONNECT bedrock-runtime.us-east-1.amazonaws.com:443 HTTP/1.1"),
                proxy.requests.toString());
        assertTrue(stand.home.read(".claude/settings.json").contains(HAIKU));
        assertTrue(!r.out.contains("s3cret") && !r.err.contains("s3cret"), "the proxy's password is never shown");
    }
}
