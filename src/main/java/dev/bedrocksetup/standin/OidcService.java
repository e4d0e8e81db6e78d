package dev.bedrocksetup.standin;

import dev.bedrocksetup.standin.Json.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM Identity Center's OIDC service (rest-json, unsigned): client registration, the device-code flow, the
 * authorization-code flow with PKCE (including the browser's {@code GET /authorize}), and refresh tokens.
 */
final class OidcService {
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private record Client(String clientId, String secret, List<String> scopes, List<String> redirectUris,
                          Instant secretExpiresAt) {}

    private static final class DeviceAuthorization {
        final String clientId;
        final Instant expiresAt;
        int polls;
        int pendingAnswers;

        DeviceAuthorization(String clientId, Instant expiresAt) {
            this.clientId = clientId;
            this.expiresAt = expiresAt;
        }
    }

    private record AuthorizationCode(String clientId, String redirectUri, String challenge, Instant expiresAt) {}

    private final Scenario scenario;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, DeviceAuthorization> devices = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    OidcService(Scenario scenario) {
        this.scenario = scenario;
    }

    StandInResponse handle(Operation op, StandInRequest req) {
        return switch (op) {
            case REGISTER_CLIENT -> registerClient(Json.parse(req.body()));
            case START_DEVICE_AUTHORIZATION -> startDeviceAuthorization(Json.parse(req.body()));
            case CREATE_TOKEN -> createToken(Json.parse(req.body()));
            case AUTHORIZE -> authorize(req);
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private StandInResponse registerClient(Map<?, ?> in) {
        String name = Json.text(in, "clientName");
        if (name == null || !"public".equals(Json.text(in, "clientType"))) {
            throw invalidRequest("clientName is required and clientType must be public");
        }
        String id = Scenario.randomSecret(22);
        Instant now = scenario.now();
        Instant expires = now.plus(scenario.clientRegistrationLifetime());
        Client c = new Client(id, "eyJraWQi" + Scenario.randomSecret(300), Json.strings(in, "scopes"),
                Json.strings(in, "redirectUris"), expires);
        clients.put(id, c);
        ObjectNode out = Json.object();
        out.put("clientId", c.clientId());
        out.put("clientSecret", c.secret());
        out.put("clientIdIssuedAt", now.getEpochSecond());
        out.put("clientSecretExpiresAt", expires.getEpochSecond());
        return StandInResponse.json(200, out);
    }

    private StandInResponse startDeviceAuthorization(Map<?, ?> in) {
        Client c = client(in);
        if (Json.text(in, "startUrl") == null) {
            throw invalidRequest("startUrl is required");
        }
        String deviceCode = Scenario.randomSecret(64);
        String userCode = Scenario.random(4) + "-" + Scenario.random(4);
        Duration life = scenario.deviceCodeLifetime();
        devices.put(deviceCode, new DeviceAuthorization(c.clientId(), scenario.now().plus(life)));
        ObjectNode out = Json.object();
        out.put("deviceCode", deviceCode);
        out.put("userCode", userCode);
        out.put("verificationUri", "https://device.sso.us-east-1.amazonaws.com/");
        out.put("verificationUriComplete", "https://device.sso.us-east-1.amazonaws.com/?user_code=" + userCode);
        out.put("expiresIn", Math.max(0, life.getSeconds()));
        out.put("interval", scenario.devicePollInterval());
        return StandInResponse.json(200, out);
    }

    private StandInResponse createToken(Map<?, ?> in) {
        Client c = client(in);
        String grant = Json.text(in, "grantType");
        if (grant == null) {
            throw invalidRequest("grantType is required");
        }
        switch (grant) {
            case DEVICE_GRANT:
                return deviceToken(c, Json.text(in, "deviceCode"));
            case "authorization_code":
                return codeToken(c, Json.text(in, "code"), Json.text(in, "redirectUri"), Json.text(in, "codeVerifier"));
            case "refresh_token":
                String rt = Json.text(in, "refreshToken");
                if (rt == null || !c.clientId().equals(refreshTokens.get(rt))) {
                    throw new AwsError(400, "InvalidGrantException", "Invalid refresh token provided");
                }
                return token(c, rt);
            default:
                throw new AwsError(400, "UnsupportedGrantTypeException", "Unsupported grant type: " + grant);
        }
    }

    private StandInResponse deviceToken(Client c, String deviceCode) {
        DeviceAuthorization d = deviceCode == null ? null : devices.get(deviceCode);
        if (d == null || !d.clientId.equals(c.clientId())) {
            throw new AwsError(400, "InvalidGrantException", "Invalid device code provided");
        }
        synchronized (d) {
            d.polls++;
            if (!scenario.now().isBefore(d.expiresAt)) {
                devices.remove(deviceCode);
                throw new AwsError(400, "ExpiredTokenException", "Device code has expired");
            }
            if (scenario.denyAuthorization()) {
                devices.remove(deviceCode);
                throw new AwsError(400, "AccessDeniedException", "The user denied the authorization request");
            }
            if (scenario.slowDownPolls().contains(d.polls)) {
                throw new AwsError(400, "SlowDownException", "Client is polling too quickly");
            }
            if (d.pendingAnswers < scenario.approveDeviceAfterPolls()) {
                d.pendingAnswers++;
                throw new AwsError(400, "AuthorizationPendingException", "Authorization is still pending");
            }
            devices.remove(deviceCode);
        }
        // The device flow gets a refresh token only when the client registered scopes, as IAM Identity Center does.
        return token(c, c.scopes().isEmpty() ? null : newRefreshToken(c));
    }

    private StandInResponse codeToken(Client c, String code, String redirectUri, String verifier) {
        AuthorizationCode a = code == null ? null : codes.remove(code);
        if (a == null || !a.clientId().equals(c.clientId()) || !scenario.now().isBefore(a.expiresAt())) {
            throw new AwsError(400, "InvalidGrantException", "Invalid authorization code provided");
        }
        if (redirectUri == null || !redirectUri.equals(a.redirectUri())) {
            throw new AwsError(400, "InvalidGrantException", "Redirect URI does not match the authorization request");
        }
        if (verifier == null || !challengeOf(verifier).equals(a.challenge())) {
            throw new AwsError(400, "InvalidGrantException", "Code verifier does not match the code challenge");
        }
        return token(c, newRefreshToken(c));
    }

    private String newRefreshToken(Client c) {
        String rt = "aorAAAAAG" + Scenario.randomSecret(200);
        refreshTokens.put(rt, c.clientId());
        return rt;
    }

    private StandInResponse token(Client c, String refreshToken) {
        Duration life = scenario.accessTokenLifetime();
        String access = "aoaAAAAAG" + Scenario.randomSecret(200);
        scenario.rememberAccessToken(access, scenario.now().plus(life));
        ObjectNode out = Json.object();
        out.put("accessToken", access);
        out.put("tokenType", "Bearer");
        out.put("expiresIn", life.getSeconds());
        if (refreshToken != null) {
            out.put("refreshToken", refreshToken);
        }
        return StandInResponse.json(200, out);
    }

    /** The browser's visit: approve (or deny) and send it back to the client's loopback redirect URI. */
    private StandInResponse authorize(StandInRequest req) {
        String clientId = req.param("client_id");
        String redirect = req.param("redirect_uri");
        String state = req.param("state");
        String challenge = req.param("code_challenge");
        Client c = clientId == null ? null : clients.get(clientId);
        if (c == null || redirect == null || !"code".equals(req.param("response_type"))
                || !"S256".equals(req.param("code_challenge_method")) || challenge == null) {
            return StandInResponse.text(400, "Invalid authorization request.");
        }
        URI r = URI.create(redirect);
        // Clients register the loopback URI without a port (RFC 8252); any port of that host and path is theirs.
        boolean registered = c.redirectUris().stream().map(URI::create).anyMatch(u ->
                "http".equals(r.getScheme()) && u.getHost() != null && u.getHost().equals(r.getHost())
                        && String.valueOf(u.getPath()).equals(String.valueOf(r.getPath())));
        if (!registered || !"127.0.0.1".equals(r.getHost())) {
            return StandInResponse.text(400, "The redirect URI is not registered for this client.");
        }
        String sep = redirect.contains("?") ? "&" : "?";
        if (scenario.denyAuthorization()) {
            return StandInResponse.redirect(redirect + sep + "error=access_denied&error_description="
                    + enc("The user denied the authorization request") + (state == null ? "" : "&state=" + enc(state)));
        }
        String code = Scenario.randomSecret(48);
        codes.put(code, new AuthorizationCode(clientId, redirect, challenge, scenario.now().plus(Duration.ofMinutes(10))));
        return StandInResponse.redirect(redirect + sep + "code=" + enc(code)
                + (state == null ? "" : "&state=" + enc(state)));
    }

    static String challengeOf(String verifier) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SigV4Verifier.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private Client client(Map<?, ?> in) {
        String id = Json.text(in, "clientId");
        Client c = id == null ? null : clients.get(id);
        if (c == null || !c.secret().equals(Json.text(in, "clientSecret"))) {
            throw new AwsError(401, "InvalidClientException", "Invalid client provided");
        }
        if (!scenario.now().isBefore(c.secretExpiresAt())) {
            throw new AwsError(401, "InvalidClientException", "Client registration has expired");
        }
        return c;
    }

    private static AwsError invalidRequest(String message) {
        return new AwsError(400, "InvalidRequestException", message);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** OAuth's error name for an sso-oidc exception, e.g. {@code authorization_pending}. */
    static String oauthErrorName(String code) {
        return switch (code) {
            case "AuthorizationPendingException" -> "authorization_pending";
            case "SlowDownException" -> "slow_down";
            case "ExpiredTokenException" -> "expired_token";
            case "AccessDeniedException" -> "access_denied";
            case "InvalidGrantException" -> "invalid_grant";
            case "InvalidClientException" -> "invalid_client";
            case "UnsupportedGrantTypeException" -> "unsupported_grant_type";
            default -> "invalid_request";
        };
    }
}
