package dev.bedrocksetup.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.standin.Json.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the AWS services bedrock-setup and Claude Code talk to: sso-oidc, the SSO portal, STS,
 * the Bedrock control plane and Bedrock runtime, all on one random port of 127.0.0.1. It speaks their wire
 * protocols, so the real SDK clients reach it through endpoint overrides and sign with SigV4 as against AWS.
 */
public final class StandInServer implements AutoCloseable {
    private final Scenario scenario;
    private final RequestLog log = new RequestLog();
    private final SigV4Verifier verifier;
    private final OidcService oidc;
    private final SsoPortalService portal;
    private final StsService sts;
    private final BedrockControlService control;
    private final BedrockRuntimeService runtime;
    private final HttpServer server;
    private final ExecutorService executor;

    static {
        // Answer without Nagle's delay, as AWS's endpoints do. The JDK's server writes a response's headers and body
        // separately; with Nagle the body waits for the client's delayed ACK of the headers (~40 ms on Linux), which
        // made every stand-in call cost ~40 ms more than the injected latency (issue 16: 55 -> 18 ms per sequential
        // ListInferenceProfiles, measured under load). Read once, when the JDK's server is first used in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private StandInServer(Scenario scenario, int port) throws IOException {
        this.scenario = scenario;
        this.verifier = new SigV4Verifier(scenario::credentials);
        this.oidc = new OidcService(scenario);
        this.portal = new SsoPortalService(scenario);
        this.sts = new StsService(scenario);
        this.control = new BedrockControlService(scenario);
        this.runtime = new BedrockRuntimeService(scenario);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        AtomicInteger n = new AtomicInteger();
        // enough threads that injected latency overlaps for concurrent callers (models --all-regions: ~70 calls)
        this.executor = Executors.newFixedThreadPool(128, r -> {
            Thread t = new Thread(r, "aws-stand-in-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a stand-in on 127.0.0.1 and a random free port. */
    public static StandInServer start(Scenario scenario) {
        return start(scenario, 0);
    }

    /** Starts a stand-in on 127.0.0.1 and the given port (0: a random free one). */
    public static StandInServer start(Scenario scenario, int port) {
        try {
            StandInServer s = new StandInServer(scenario, port);
            s.server.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the AWS stand-in on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, the endpoint override for every service. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Scenario scenario() {
        return scenario;
    }

    public RequestLog requestLog() {
        return log;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            StandInRequest req = new StandInRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders(), body);
            Route route = Route.of(req);
            if (route == null) {
                log.addUnknown(req.method() + " " + req.rawPath());
                StandInResponse r = jsonError(new AwsError(404, "UnknownOperationException",
                        "No such operation: " + req.method() + " " + req.rawPath()), false);
                r.send(exchange);
                return;
            }
            Caller caller = null;
            StandInResponse response;
            try {
                pause(scenario.latency(route.operation()));
                caller = authenticate(route, req);
                var fault = scenario.takeFault(route.operation());
                if (fault.isPresent()) {
                    throw fault.get().toError(new Fault.Context(route.operation(),
                            caller == null ? null : caller.principalArn(),
                            caller == null ? null : caller.region(), resourceArn(route, req, caller)));
                }
                response = dispatch(route, req, caller);
            } catch (AwsError e) {
                response = render(route.operation(), e);
            } catch (SigV4Verifier.Rejected e) {
                response = render(route.operation(), authError(route.operation(), e));
            } catch (RuntimeException e) {
                response = render(route.operation(), new AwsError(500, "InternalServerException",
                        "The stand-in failed: " + Secrets.redact(String.valueOf(e))));
            }
            response.header("x-amzn-RequestId", UUID.randomUUID().toString());
            // A refused request is logged with the key and region it claimed, so tests can tell whose it was.
            String[] claimed = caller == null ? SigV4Verifier.claimedScope(req) : null;
            String auth = req.header("authorization");
            log.add(new LoggedRequest(scenario.now(), route.operation(), req.method(), req.rawPath(),
                    caller != null ? caller.region() : claimed[1], caller != null ? caller.accessKeyId() : claimed[0],
                    auth != null && auth.startsWith("Bearer "), route.modelId(), response.status(),
                    loggedParameters(route.operation(), req)));
            response.send(exchange);
        }
    }

    /**
     * What the log keeps beyond the columns: an STS request's AssumeRole parameters; the Bedrock service tier a
     * runtime call asked for (header X-Amzn-Bedrock-Service-Tier, as Claude Code sends ANTHROPIC_BEDROCK_SERVICE_TIER).
     */
    private static java.util.Map<String, String> loggedParameters(Operation operation, StandInRequest req) {
        if (operation.service() == Operation.Service.STS) {
            return StsService.loggedParameters(req);
        }
        String tier = req.header(SERVICE_TIER_HEADER);
        if (operation.service() == Operation.Service.BEDROCK_RUNTIME && tier != null) {
            return java.util.Map.of(SERVICE_TIER, tier);
        }
        return null;
    }

    /** The request-log parameter holding the service tier a runtime call asked for. */
    public static final String SERVICE_TIER = "serviceTier";
    private static final String SERVICE_TIER_HEADER = "x-amzn-bedrock-service-tier";

    private static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The caller of a signed or API-key request; null for the unsigned services (sso-oidc, the SSO portal). */
    private Caller authenticate(Route route, StandInRequest req) {
        Operation.Service service = route.operation().service();
        if (service.signingName() == null) {
            return null;
        }
        String auth = req.header("authorization");
        if (service == Operation.Service.BEDROCK_RUNTIME && auth != null && auth.startsWith("Bearer ")) {
            return ApiKeyAuthenticator.authenticate(scenario, auth.substring("Bearer ".length()).trim());
        }
        return verifier.verify(req, service.signingName(), scenario.now());
    }

    private StandInResponse dispatch(Route route, StandInRequest req, Caller caller) {
        return switch (route.operation().service()) {
            case SSO_OIDC -> oidc.handle(route.operation(), req);
            case SSO -> portal.handle(route.operation(), req);
            case STS -> sts.handle(route.operation(), req, caller);
            case BEDROCK -> control.handle(route, req, caller);
            case BEDROCK_RUNTIME -> runtime.handle(route, req, caller);
        };
    }

    private static String resourceArn(Route route, StandInRequest req, Caller caller) {
        if (caller == null) {
            return "*";
        }
        return switch (route.operation().service()) {
            case STS -> route.operation() == Operation.ASSUME_ROLE
                    ? StsService.parameters(req).getOrDefault("RoleArn", "*") : caller.principalArn();
            case BEDROCK -> route.modelId() == null
                    ? "arn:aws:bedrock:" + caller.region() + ":" + caller.accountId() + ":inference-profile/*"
                    : ModelResolver.arnOf(route.modelId(), caller);
            case BEDROCK_RUNTIME -> ModelResolver.arnOf(route.modelId(), caller);
            default -> "*";
        };
    }

    /** Auth failures worded as each protocol's AWS service words them. */
    private static AwsError authError(Operation op, SigV4Verifier.Rejected e) {
        boolean sts = op.service() == Operation.Service.STS;
        String invalid = "The security token included in the request is invalid.";
        String mismatch = "The request signature we calculated does not match the signature you provided. Check your"
                + " AWS Secret Access Key and signing method. Consult the service documentation for details.";
        return switch (e.failure) {
            case MISSING -> sts ? new AwsError(403, "MissingAuthenticationToken", "Request is missing Authentication Token")
                    : new AwsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
            case UNKNOWN_KEY, INVALID_TOKEN -> new AwsError(403,
                    sts ? "InvalidClientTokenId" : "UnrecognizedClientException", invalid);
            case BAD_SIGNATURE -> new AwsError(403, sts ? "SignatureDoesNotMatch" : "InvalidSignatureException", mismatch);
            case SIGNATURE_EXPIRED, WRONG_SERVICE -> new AwsError(403,
                    sts ? "SignatureDoesNotMatch" : "InvalidSignatureException", e.getMessage());
            case EXPIRED_TOKEN -> new AwsError(403, sts ? "ExpiredToken" : "ExpiredTokenException",
                    "The security token included in the request is expired");
        };
    }

    private static StandInResponse render(Operation op, AwsError e) {
        if (op.service() == Operation.Service.STS) {
            return StsService.error(e);
        }
        return jsonError(e, op.service() == Operation.Service.SSO_OIDC);
    }

    /**
     * rest-json errors: the SDKs read the code from {@code x-amzn-ErrorType} and the text from {@code message};
     * sso-oidc also answers in OAuth's {@code error}/{@code error_description} fields.
     */
    static StandInResponse jsonError(AwsError e, boolean oauthFields) {
        ObjectNode body = Json.object();
        body.put("message", e.getMessage());
        if (oauthFields) {
            body.put("error", OidcService.oauthErrorName(e.code()));
            body.put("error_description", e.getMessage());
        }
        return StandInResponse.json(e.status(), body).header("x-amzn-ErrorType", e.code());
    }
}
