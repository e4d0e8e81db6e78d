package dev.bedrocksetup.standin;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsoLoginFlowsTest {
    private static final String START_URL = "https://d-1234567890.awsapps.com/start";
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    @RegisterExtension
    final StandInFixture f = new StandInFixture();
    private final SsoOidcClient oidc = f.clients("us-east-1", f.roleCredentials()).ssoOidc(Region.EU_WEST_1);

    private RegisterClientResponse registerPublicClient(List<String> scopes) {
        return oidc.registerClient(r -> r.clientName("bedrock-setup").clientType("public").scopes(scopes));
    }

    private CreateTokenResponse poll(RegisterClientResponse c, StartDeviceAuthorizationResponse d) {
        return oidc.createToken(t -> t.clientId(c.clientId()).clientSecret(c.clientSecret()).grantType(DEVICE_GRANT)
                .deviceCode(d.deviceCode()));
    }

    @Test
    void deviceCodeIsPendingThenSlowDownThenApproved() {
        f.scenario.approveDeviceAfterPolls(2).slowDownOnPolls(2);
        RegisterClientResponse c = registerPublicClient(List.of("sso:account:access"));
        assertTrue(c.clientSecretExpiresAt() > System.currentTimeMillis() / 1000);
        StartDeviceAuthorizationResponse d = oidc.startDeviceAuthorization(s -> s.clientId(c.clientId())
                .clientSecret(c.clientSecret()).startUrl(START_URL));
        assertTrue(d.verificationUriComplete().endsWith("user_code=" + d.userCode()));

        assertThrows(AuthorizationPendingException.class, () -> poll(c, d));
        SlowDownException slow = assertThrows(SlowDownException.class, () -> poll(c, d));
        assertEquals(400, slow.statusCode());
        assertThrows(AuthorizationPendingException.class, () -> poll(c, d));
        CreateTokenResponse token = poll(c, d);
        assertEquals("Bearer", token.tokenType());
        assertEquals(8 * 3600, token.expiresIn());
        assertNotNull(token.refreshToken(), "scopes were registered, so a refresh token is issued");
        // The token opens the portal.
        assertEquals(2, f.clients("us-east-1", f.roleCredentials()).sso(Region.EU_WEST_1)
                .listAccounts(r -> r.accessToken(token.accessToken())).accountList().size());
        // A device code is good for one token.
        assertThrows(InvalidGrantException.class, () -> poll(c, d));
    }

    @Test
    void withoutRegisteredScopesTheDeviceFlowGivesNoRefreshToken() {
        RegisterClientResponse c = registerPublicClient(List.of());
        StartDeviceAuthorizationResponse d = oidc.startDeviceAuthorization(s -> s.clientId(c.clientId())
                .clientSecret(c.clientSecret()).startUrl(START_URL));
        assertNull(poll(c, d).refreshToken());
    }

    @Test
    void deniedAndExpiredDeviceCodes() {
        RegisterClientResponse c = registerPublicClient(List.of("sso:account:access"));
        f.scenario.denyAuthorization(true);
        StartDeviceAuthorizationResponse denied = oidc.startDeviceAuthorization(s -> s.clientId(c.clientId())
                .clientSecret(c.clientSecret()).startUrl(START_URL));
        assertThrows(AccessDeniedException.class, () -> poll(c, denied));

        f.scenario.denyAuthorization(false).deviceCodeLifetime(Duration.ZERO);
        StartDeviceAuthorizationResponse expired = oidc.startDeviceAuthorization(s -> s.clientId(c.clientId())
                .clientSecret(c.clientSecret()).startUrl(START_URL));
        ExpiredTokenException e = assertThrows(ExpiredTokenException.class, () -> poll(c, expired));
        assertEquals(400, e.statusCode());
    }

    /** A loopback listener standing in for the CLI's redirect target; records the query it receives. */
    private static final class Callback implements AutoCloseable {
        final HttpServer server;
        final CompletableFuture<Map<String, List<String>>> query = new CompletableFuture<>();

        Callback() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth/callback", ex -> {
                query.complete(StandInRequest.parseForm(ex.getRequestURI().getRawQuery()));
                ex.sendResponseHeaders(200, -1);
                ex.close();
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/callback";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Plays the browser: opens the authorize URL and follows the redirect to the client's loopback listener. */
    private Map<String, List<String>> browse(RegisterClientResponse c, Callback cb, String state, String challenge)
            throws Exception {
        String url = f.server.baseUri() + "/authorize?response_type=code&client_id=" + enc(c.clientId())
                + "&redirect_uri=" + enc(cb.uri()) + "&state=" + enc(state) + "&code_challenge_method=S256"
                + "&scopes=" + enc("sso:account:access") + "&code_challenge=" + enc(challenge);
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<Void> landed = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, landed.statusCode());
        return cb.query.get(5, TimeUnit.SECONDS);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private RegisterClientResponse registerPkceClient() {
        return oidc.registerClient(r -> r.clientName("bedrock-setup").clientType("public")
                .grantTypes("authorization_code", "refresh_token")
                .redirectUris("http://127.0.0.1/oauth/callback").issuerUrl(START_URL).scopes("sso:account:access"));
    }

    @Test
    void authorizationCodeWithPkceAndThenRefresh() throws Exception {
        RegisterClientResponse c = registerPkceClient();
        String verifier = "v".repeat(20) + "0123456789-._~abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR".substring(0, 44);
        try (Callback cb = new Callback()) {
            Map<String, List<String>> q = browse(c, cb, "state-123", OidcService.challengeOf(verifier));
            assertEquals(List.of("state-123"), q.get("state"));
            String code = q.get("code").get(0);

            // A wrong verifier is refused, and a refused code cannot be retried.
            assertThrows(InvalidGrantException.class, () -> oidc.createToken(t -> t.clientId(c.clientId())
                    .clientSecret(c.clientSecret()).grantType("authorization_code").redirectUri(cb.uri())
                    .codeVerifier(verifier + "x").code(code)));
        }
        try (Callback cb = new Callback()) {
            String code = browse(c, cb, "state-456", OidcService.challengeOf(verifier)).get("code").get(0);
            CreateTokenResponse token = oidc.createToken(t -> t.clientId(c.clientId()).clientSecret(c.clientSecret())
                    .grantType("authorization_code").redirectUri(cb.uri()).codeVerifier(verifier).code(code));
            assertNotNull(token.refreshToken());

            CreateTokenResponse refreshed = oidc.createToken(t -> t.clientId(c.clientId())
                    .clientSecret(c.clientSecret()).grantType("refresh_token").refreshToken(token.refreshToken()));
            assertNotEquals(token.accessToken(), refreshed.accessToken());
            assertThrows(InvalidGrantException.class, () -> oidc.createToken(t -> t.clientId(c.clientId())
                    .clientSecret(c.clientSecret()).grantType("refresh_token").refreshToken("aorBogus")));
        }
    }

    @Test
    void aDeniedBrowserLoginComesBackAsAccessDenied() throws Exception {
        RegisterClientResponse c = registerPkceClient();
        f.scenario.denyAuthorization(true);
        try (Callback cb = new Callback()) {
            Map<String, List<String>> q = browse(c, cb, "s1", OidcService.challengeOf("x".repeat(64)));
            assertEquals(List.of("access_denied"), q.get("error"));
            assertEquals(List.of("s1"), q.get("state"));
            assertNull(q.get("code"));
        }
    }

    @Test
    void anExpiredClientRegistrationIsRefused() {
        f.scenario.clientRegistrationLifetime(Duration.ofSeconds(-1)).devicePollInterval(5);
        RegisterClientResponse c = registerPublicClient(List.of("sso:account:access"));
        assertTrue(c.clientSecretExpiresAt() <= System.currentTimeMillis() / 1000);
        software.amazon.awssdk.services.ssooidc.model.InvalidClientException e = assertThrows(
                software.amazon.awssdk.services.ssooidc.model.InvalidClientException.class,
                () -> oidc.startDeviceAuthorization(s -> s.clientId(c.clientId()).clientSecret(c.clientSecret())
                        .startUrl(START_URL)));
        assertEquals(401, e.statusCode());

        f.scenario.clientRegistrationLifetime(Duration.ofDays(90));
        RegisterClientResponse fresh = registerPublicClient(List.of("sso:account:access"));
        assertEquals(5, oidc.startDeviceAuthorization(s -> s.clientId(fresh.clientId())
                .clientSecret(fresh.clientSecret()).startUrl(START_URL)).interval());
    }
}
