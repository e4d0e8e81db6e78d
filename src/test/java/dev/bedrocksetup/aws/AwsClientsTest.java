package dev.bedrocksetup.aws;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.standin.Fault;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.standin.StandInFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsClientsTest {
    private static final String MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private static final SdkBytes BODY = SdkBytes.fromUtf8String(
            "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    @RegisterExtension
    final StandInFixture f = new StandInFixture();
    private final IssuedCredentials creds = f.roleCredentials();

    private AwsClients clients(Map<String, String> vars, ClientSettings settings) {
        Environment env = Environment.forTest(Path.of(System.getProperty("java.io.tmpdir")), vars);
        return AwsClients.builder(env).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(StandInFixture.credentials(creds)))
                .settings(settings).build();
    }

    /**
     * Behind a TLS-inspecting proxy that wants basic authentication, the SDK calls go the way Claude Code's go: through
     * HTTPS_PROXY with the URL's user:password, trusting NODE_EXTRA_CA_CERTS (the proxy's root) besides the JVM's.
     */
    @Test
    void callsGoThroughTheAuthenticatedProxyTrustingTheExtraCaCerts(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        var cert = dev.bedrocksetup.testing.LoopbackServers.SelfSigned.create(dir, "inspection",
                "CN=Corp Inspection CA, O=Example Corp",
                "dns:bedrock.us-east-1.amazonaws.com,dns:bedrock-runtime.us-east-1.amazonaws.com");
        try (var inspector = new dev.bedrocksetup.testing.LoopbackServers.TlsTerminator(cert,
                        f.server.baseUri().getPort());
                var proxy = new dev.bedrocksetup.testing.LoopbackServers.ConnectProxy(inspector.port, "corp:s3cret")) {
            java.net.URI withAuth = java.net.URI.create("http://corp:s3cret@127.0.0.1:" + proxy.port);
            try (AwsClients c = routed(new NetworkRoute(withAuth, null, cert.pem))) {
                assertTrue(c.bedrock().listInferenceProfiles(r -> { }).hasInferenceProfileSummaries());
                c.bedrockRuntimeAsync().invokeModelWithResponseStream(r -> r.modelId(MODEL).body(BODY),
                        InvokeModelWithResponseStreamResponseHandler.builder().subscriber(e -> { }).build())
                        .get(10, TimeUnit.SECONDS);
            }
            assertTrue(proxy.requests.contains("CONNECT bedrock.us-east-1.amazonaws.com:443 HTTP/1.1"),
                    proxy.requests.toString());
            java.net.URI noAuth = java.net.URI.create("http://127.0.0.1:" + proxy.port);
            try (AwsClients c = routed(new NetworkRoute(noAuth, null, cert.pem))) {
                assertThrows(SdkClientException.class, () -> c.bedrock().listInferenceProfiles(r -> { }));
            }
            try (AwsClients c = routed(new NetworkRoute(withAuth, null, null))) {
                assertThrows(SdkClientException.class, () -> c.bedrock().listInferenceProfiles(r -> { }),
                        "the proxy's certificate is not trusted without NODE_EXTRA_CA_CERTS");
            }
            try (AwsClients c = routed(new NetworkRoute(withAuth, (host, port) -> host.endsWith("amazonaws.com"),
                    cert.pem))) {
                proxy.requests.clear();
                assertThrows(SdkClientException.class, () -> c.bedrock().listInferenceProfiles(r -> { }));
                assertTrue(proxy.requests.isEmpty(), "NO_PROXY: direct, not through the proxy");
            }
        }
    }

    /**
     * The trust a TLS connection needs (the JVM's roots, then NODE_EXTRA_CA_CERTS: tens of milliseconds of CPU at
     * start) is made only for a client that will speak TLS: clients whose endpoints are all plain http (a stand-in, a
     * local gateway) never make it; a client for AWS's own https endpoint starts it while it is built.
     */
    @Test
    void theTrustForTlsIsMadeOnlyForAnHttpsEndpoint(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var cert = dev.bedrocksetup.testing.LoopbackServers.SelfSigned.create(dir, "extra",
                "CN=Example Extra CA, O=Example Corp", "dns:localhost");
        NetworkRoute plain = new NetworkRoute(null, null, cert.pem);
        Environment overridden = Environment.forTest(dir, Map.of("AWS_ENDPOINT_URL", f.server.baseUri().toString()));
        try (AwsClients c = AwsClients.builder(overridden).region("us-east-1").route(plain)
                .credentials(StaticCredentialsProvider.create(StandInFixture.credentials(creds))).build()) {
            assertEquals(StandInFixture.ACCOUNT, c.sts().getCallerIdentity().account());
            assertTrue(c.bedrock().listInferenceProfiles(r -> { }).hasInferenceProfileSummaries());
            c.bedrockRuntimeAsync().invokeModelWithResponseStream(r -> r.modelId(MODEL).body(BODY),
                    InvokeModelWithResponseStreamResponseHandler.builder().subscriber(e -> { }).build())
                    .get(10, TimeUnit.SECONDS);
        }
        org.junit.jupiter.api.Assertions.assertFalse(plain.trustStarted(),
                "plain-http endpoints only: no TLS trust is made");
        NetworkRoute tls = new NetworkRoute(null, null, cert.pem);
        try (AwsClients c = AwsClients.builder(Environment.forTest(dir, Map.of())).region("us-east-1").route(tls)
                .credentials(StaticCredentialsProvider.create(StandInFixture.credentials(creds))).build()) {
            c.bedrock(); // built, not called: AWS's endpoint is https
        }
        assertTrue(tls.trustStarted(), "a client for AWS's https endpoint starts the trust while it is built");
    }

    private AwsClients routed(NetworkRoute route) {
        Environment env = Environment.forTest(Path.of(System.getProperty("java.io.tmpdir")), Map.of());
        return AwsClients.builder(env).region("us-east-1").route(route)
                .credentials(StaticCredentialsProvider.create(StandInFixture.credentials(creds)))
                .settings(ClientSettings.defaults().withMaxAttempts(1).withCallTimeout(Duration.ofSeconds(5)))
                .build();
    }

    @Test
    void theGenericEndpointVariableCoversEveryServiceAndTheSpecificOneWins() throws Exception {
        try (AwsClients c = clients(Map.of("AWS_ENDPOINT_URL", f.server.baseUri().toString()),
                ClientSettings.defaults())) {
            assertEquals(StandInFixture.ACCOUNT, c.sts().getCallerIdentity().account());
            assertTrue(c.bedrock().listInferenceProfiles(r -> { }).hasInferenceProfileSummaries());
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        // AWS_ENDPOINT_URL points nowhere; only the STS-specific variable leads to the stand-in.
        try (AwsClients c = clients(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort,
                "AWS_ENDPOINT_URL_STS", f.server.baseUri().toString()), ClientSettings.defaults().withMaxAttempts(1))) {
            assertEquals(StandInFixture.ACCOUNT, c.sts().getCallerIdentity().account());
            assertThrows(SdkClientException.class, () -> c.bedrock().listInferenceProfiles(r -> { }));
        }
    }

    @Test
    void regionsShareOneHttpClientThatOutlivesEachRegionsFactory() {
        Environment env = Environment.forTest(Path.of(System.getProperty("java.io.tmpdir")),
                Map.of("AWS_ENDPOINT_URL", f.server.baseUri().toString()));
        try (software.amazon.awssdk.http.SdkHttpClient http = AwsClients.newHttpClient(ClientSettings.defaults(), null)) {
            AwsClients.Builder region = AwsClients.builder(env).region("us-east-1").sharedHttpClient(http)
                    .credentials(StaticCredentialsProvider.create(StandInFixture.credentials(creds)));
            try (AwsClients first = region.build()) {
                assertTrue(first.bedrock().listInferenceProfiles(r -> { }).hasInferenceProfileSummaries());
            }
            // the first region's factory is closed; the HTTP client it used still serves the next region
            try (AwsClients second = region.region("us-west-2").build()) {
                assertTrue(second.bedrock().listInferenceProfiles(r -> { }).hasInferenceProfileSummaries());
            }
        }
    }

    @Test
    void aMalformedEndpointVariableIsAUsageError() {
        try (AwsClients c = clients(Map.of("AWS_ENDPOINT_URL_BEDROCK", "127.0.0.1:8080"), ClientSettings.defaults())) {
            BedrockSetupException e = assertThrows(BedrockSetupException.class, c::bedrock);
            assertTrue(e.getMessage().startsWith("AWS_ENDPOINT_URL_BEDROCK is not a valid URL"), e.getMessage());
            assertEquals(2, e.exitCode());
        }
    }

    @Test
    void latencyIsInjectedAndTheCallDeadlineCutsItShort() {
        f.scenario.latency(Operation.INVOKE_MODEL, Duration.ofMillis(400));
        var runtime = f.clients("us-east-1", creds).bedrockRuntime();
        long start = System.nanoTime();
        runtime.invokeModel(b -> b.modelId(MODEL).body(BODY));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 400, "took " + tookMs + " ms");

        f.scenario.latency(Operation.INVOKE_MODEL, Duration.ofSeconds(3));
        var impatient = f.clients("us-east-1", StandInFixture.credentials(creds), ClientSettings.defaults()
                .withMaxAttempts(1).withCallTimeout(Duration.ofMillis(300))).bedrockRuntime();
        start = System.nanoTime();
        assertThrows(ApiCallTimeoutException.class, () -> impatient.invokeModel(b -> b.modelId(MODEL).body(BODY)));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "the deadline, not the server, ended the call");
    }

    @Test
    void theStreamingCallHasADeadlineToo() {
        f.scenario.latency(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Duration.ofSeconds(3));
        var async = f.clients("us-east-1", StandInFixture.credentials(creds), ClientSettings.defaults()
                .withMaxAttempts(1).withCallTimeout(Duration.ofMillis(300))).bedrockRuntimeAsync();
        var handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder().build()).build();
        long start = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> async.invokeModelWithResponseStream(
                b -> b.modelId(MODEL).body(BODY), handler).get(5, TimeUnit.SECONDS));
        assertInstanceOf(ApiCallTimeoutException.class, e.getCause());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000);
    }

    @Test
    void retriesAreBoundedByMaxAttempts() {
        var runtime = f.clients("us-east-1", StandInFixture.credentials(creds), ClientSettings.defaults()
                .withMaxAttempts(3)).bedrockRuntime();
        f.scenario.failNext(Operation.INVOKE_MODEL, Fault.serviceUnavailable(), 2);
        runtime.invokeModel(b -> b.modelId(MODEL).body(BODY));
        assertEquals(3, f.server.requestLog().of(Operation.INVOKE_MODEL).size(), "two failures, then success");

        f.server.requestLog().clear();
        f.scenario.failAlways(Operation.INVOKE_MODEL, Fault.throttling());
        assertThrows(ThrottlingException.class, () -> runtime.invokeModel(b -> b.modelId(MODEL).body(BODY)));
        assertEquals(3, f.server.requestLog().of(Operation.INVOKE_MODEL).size(), "no more than maxAttempts");
    }

    @Test
    void aRefusedConnectionFailsFast() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (AwsClients c = clients(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort),
                ClientSettings.defaults().withMaxAttempts(2))) {
            long start = System.nanoTime();
            assertThrows(SdkClientException.class, () -> c.sts().getCallerIdentity());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
        }
    }

    @Test
    void clientsAreCreatedOnlyWhenAskedForAndCredentialsAreRequiredThen() {
        Environment env = Environment.forTest(Path.of(System.getProperty("java.io.tmpdir")), Map.of());
        try (AwsClients c = AwsClients.builder(env).region("eu-west-1").build()) {
            assertEquals("eu-west-1", c.region().id());
            assertThrows(IllegalStateException.class, c::sts);
        }
    }

    @Test
    void eachClientIsMadeOnceAndReused() {
        AwsClients c = f.clients("us-east-1", creds);
        assertTrue(c.bedrock() == c.bedrock());
        assertTrue(c.sso(software.amazon.awssdk.regions.Region.EU_WEST_1)
                != c.sso(software.amazon.awssdk.regions.Region.US_EAST_1), "one per SSO region");
    }

    @Test
    void regionComesFromTheEnvironmentThenTheProfile() {
        software.amazon.awssdk.profiles.ProfileFile file = software.amazon.awssdk.profiles.ProfileFile.builder()
                .content(new java.io.ByteArrayInputStream("[profile dev]\nregion = eu-north-1\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)))
                .type(software.amazon.awssdk.profiles.ProfileFile.Type.CONFIGURATION).build();
        Path home = Path.of(System.getProperty("java.io.tmpdir"));
        assertEquals("eu-north-1", AwsClients.regionOf(Environment.forTest(home, Map.of()), file, "dev")
                .orElseThrow().id());
        assertEquals("ap-southeast-2", AwsClients.regionOf(Environment.forTest(home, Map.of(
                "AWS_DEFAULT_REGION", "ap-southeast-2")), file, "dev").orElseThrow().id());
        assertEquals("us-west-2", AwsClients.regionOf(Environment.forTest(home, Map.of(
                "AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "ap-southeast-2")), file, "dev").orElseThrow().id());
        assertTrue(AwsClients.regionOf(Environment.forTest(home, Map.of()), file, "other").isEmpty());
    }
}
