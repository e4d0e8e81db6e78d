package dev.bedrocksetup.sso;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Deadlines;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationRequest;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Native IAM Identity Center login, as the AWS CLI does it: the authorization-code flow with PKCE through a loopback
 * redirect (sso-session profiles), or the device-code flow (legacy profiles, and machines without a browser). The
 * token lands in the AWS CLI's cache, where Claude Code's JavaScript SDK finds it. No AWS CLI needed.
 */
public final class SsoLogin {
    static final String CLIENT_NAME = "bedrock-setup";
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final SsoOidcClient oidc;
    private final URI oidcEndpoint;
    private final SsoTokenCache cache;
    private final Clock clock;
    private final Consumer<String> say;
    private final Browser browser;
    private final Duration timeout;
    private final Sleeper sleeper;

    /** Waits between device-code polls; tests make time pass faster. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public SsoLogin(SsoOidcClient oidc, URI oidcEndpoint, SsoTokenCache cache, Clock clock, Consumer<String> say,
            Browser browser, Duration timeout, Sleeper sleeper) {
        this.oidc = oidc;
        this.oidcEndpoint = oidcEndpoint;
        this.cache = cache;
        this.clock = clock;
        this.say = say;
        this.browser = browser;
        this.timeout = timeout;
        this.sleeper = sleeper;
    }

    /** Authorization code with PKCE: the browser comes back to a loopback server. sso-session profiles only. */
    public SsoToken loginWithBrowser(SsoSession session) {
        List<String> scopes = session.scopes.isEmpty() ? List.of(SsoSession.DEFAULT_SCOPE) : session.scopes;
        try (LoopbackCallback callback = new LoopbackCallback()) {
            ClientRegistrationCache.Registration reg = registration(session, ClientRegistrationCache.PKCE, () -> RegisterClientRequest
                    .builder().clientName(CLIENT_NAME).clientType("public").scopes(scopes)
                    .grantTypes("authorization_code", "refresh_token")
                    .redirectUris("http://127.0.0.1" + LoopbackCallback.PATH)
                    .issuerUrl(session.startUrl).build());
            Pkce pkce = Pkce.create();
            String state = UUID.randomUUID().toString();
            String url = oidcEndpoint.toString().replaceAll("/+$", "") + "/authorize?response_type=code"
                    + "&client_id=" + enc(reg.clientId)
                    + "&redirect_uri=" + enc(callback.redirectUri())
                    + "&state=" + enc(state)
                    + "&code_challenge_method=S256"
                    + "&scopes=" + enc(String.join(" ", scopes))
                    + "&code_challenge=" + enc(pkce.challenge);
            if (browser.open(url)) {
                say.accept("Your browser opened to log in to IAM Identity Center. If it did not, open:\n  " + url);
            } else {
                say.accept("Open this URL in a browser to log in to IAM Identity Center:\n  " + url);
            }
            Map<String, String> params = callback.await(timeout);
            if (params == null) {
                throw BedrockSetupException.aws("the browser login did not complete within "
                        + Deadlines.describe(timeout) + "; nothing was saved",
                        "run the login again, or use --use-device-code", null);
            }
            if (!state.equals(params.get("state"))) {
                throw BedrockSetupException.aws("the login answer did not carry our state (possible interference); "
                        + "nothing was saved", "run the login again", null);
            }
            if (params.get("code") == null) {
                throw BedrockSetupException.aws("the login was refused: " + params.getOrDefault("error", "no code"),
                        "check that your user may use this start URL", null);
            }
            CreateTokenResponse t = call(() -> oidc.createToken(CreateTokenRequest.builder()
                    .grantType("authorization_code").clientId(reg.clientId).clientSecret(reg.clientSecret)
                    .redirectUri(callback.redirectUri()).codeVerifier(pkce.verifier).code(params.get("code")).build()));
            return save(session, ClientRegistrationCache.PKCE, reg, t);
        } catch (IOException e) {
            throw BedrockSetupException.local("cannot listen on 127.0.0.1 for the login callback: " + e.getMessage(),
                    "use --use-device-code", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BedrockSetupException(130, "login interrupted; nothing was saved", null, e);
        }
    }

    /** Device code: the user enters a code on any device; we poll until approved, denied or expired. */
    public SsoToken loginWithDeviceCode(SsoSession session) {
        ClientRegistrationCache.Registration reg = registration(session, ClientRegistrationCache.DEVICE, () -> {
            RegisterClientRequest.Builder rb = RegisterClientRequest.builder().clientName(CLIENT_NAME)
                    .clientType("public");
            if (!session.scopes.isEmpty()) {
                rb.scopes(session.scopes); // without scopes no refresh token is issued (legacy profiles)
            }
            return rb.build();
        });
        StartDeviceAuthorizationResponse auth = call(() -> oidc.startDeviceAuthorization(
                StartDeviceAuthorizationRequest.builder().clientId(reg.clientId).clientSecret(reg.clientSecret)
                        .startUrl(session.startUrl).build()));
        int interval = auth.interval() == null || auth.interval() <= 0 ? 5 : auth.interval();
        Instant codeExpires = clock.instant().plusSeconds(auth.expiresIn() == null ? 600 : auth.expiresIn());
        Instant ourLimit = clock.instant().plus(timeout);
        Instant deadline = codeExpires.isBefore(ourLimit) ? codeExpires : ourLimit;
        String url = auth.verificationUriComplete() != null ? auth.verificationUriComplete() : auth.verificationUri();
        boolean first = true;
        while (true) {
            try {
                CreateTokenResponse t = oidc.createToken(CreateTokenRequest.builder().grantType(DEVICE_GRANT)
                        .deviceCode(auth.deviceCode()).clientId(reg.clientId).clientSecret(reg.clientSecret).build());
                return save(session, ClientRegistrationCache.DEVICE, reg, t);
            } catch (AuthorizationPendingException e) {
                if (first) {
                    browser.open(url);
                    say.accept("To log in, open " + url + "\nand confirm the code " + auth.userCode()
                            + " (waiting up to " + Deadlines.describe(Duration.between(clock.instant(), deadline))
                            + ")");
                    first = false;
                }
            } catch (SlowDownException e) {
                interval += 5;
            } catch (ExpiredTokenException e) {
                throw BedrockSetupException.aws("the device code expired before it was confirmed; nothing was saved",
                        "run the login again and confirm the code in time", e);
            } catch (AccessDeniedException e) {
                throw BedrockSetupException.aws("the login was denied; nothing was saved",
                        "check that your user may use this start URL", e);
            } catch (SsoOidcException e) {
                throw failure(e);
            }
            if (clock.instant().isAfter(deadline)) {
                throw BedrockSetupException.aws((deadline.equals(codeExpires)
                        ? "the device code expired before it was confirmed"
                        : "the code was not confirmed within " + Deadlines.describe(timeout)) + "; nothing was saved",
                        "run the login again and confirm the code in time", null);
            }
            try {
                sleeper.sleep(Duration.ofSeconds(interval));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new BedrockSetupException(130, "login interrupted; nothing was saved", null, ie);
            }
        }
    }

    /** Renews a cached token with its refresh token, without a browser. Returns null when it cannot. */
    public SsoToken refresh(SsoSession session, SsoToken old) {
        if (old == null || !old.canRefresh(clock.instant())) {
            return null;
        }
        try {
            CreateTokenResponse t = oidc.createToken(CreateTokenRequest.builder().grantType("refresh_token")
                    .clientId(old.clientId).clientSecret(old.clientSecret).refreshToken(old.refreshToken).build());
            SsoToken fresh = new SsoToken(session.startUrl, session.region, t.accessToken(),
                    clock.instant().plusSeconds(t.expiresIn() == null ? 3600 : t.expiresIn()), old.clientId,
                    old.clientSecret, old.registrationExpiresAt,
                    t.refreshToken() != null ? t.refreshToken() : old.refreshToken);
            cache.write(session.cacheKey(), fresh);
            return fresh;
        } catch (SsoOidcException e) {
            return null; // the refresh token was revoked or expired: a new login is needed
        }
    }

    private SsoToken save(SsoSession session, String flow, ClientRegistrationCache.Registration reg,
            CreateTokenResponse t) {
        Instant now = clock.instant();
        SsoToken token = new SsoToken(session.startUrl, session.region, t.accessToken(),
                now.plusSeconds(t.expiresIn() == null ? 3600 : t.expiresIn()), reg.clientId, reg.clientSecret,
                reg.expiresAt, t.refreshToken());
        cache.write(session.cacheKey(), token);
        if (!reg.cached) {
            new ClientRegistrationCache(cache).write(session, flow, reg);
        }
        return token;
    }

    /**
     * A cached registration with time left, or a new one, which is kept only once a login with it succeeds: a login
     * abandoned (Ctrl-C, denied, expired) leaves no client secret behind.
     */
    private ClientRegistrationCache.Registration registration(SsoSession session, String flow,
            java.util.function.Supplier<RegisterClientRequest> request) {
        ClientRegistrationCache registrations = new ClientRegistrationCache(cache);
        ClientRegistrationCache.Registration known = registrations.read(session, flow, clock.instant());
        if (known != null) {
            return known;
        }
        RegisterClientResponse r = call(() -> oidc.registerClient(request.get()));
        Long exp = r.clientSecretExpiresAt();
        ClientRegistrationCache.Registration fresh = new ClientRegistrationCache.Registration(r.clientId(),
                r.clientSecret(), exp == null || exp == 0 ? clock.instant().plus(Duration.ofDays(90))
                        : Instant.ofEpochSecond(exp), false);
        return fresh;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (SsoOidcException e) {
            throw failure(e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw BedrockSetupException.aws("cannot reach IAM Identity Center: "
                    + dev.bedrocksetup.aws.AwsCallFailure.describe(e),
                    "check your network, proxy (HTTPS_PROXY) and the SSO region", e);
        }
    }

    private static BedrockSetupException failure(SsoOidcException e) {
        String said = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if ((said == null || said.isBlank()) && (code == null || code.isBlank())) {
            return BedrockSetupException.aws("the IAM Identity Center login address answered HTTP " + e.statusCode()
                    + " without an AWS error: something else answered there", "check AWS_ENDPOINT_URL_SSO_OIDC, a "
                    + "proxy (HTTPS_PROXY), and the SSO region of the profile", e);
        }
        return BedrockSetupException.aws("IAM Identity Center refused the login (" + code + ")"
                + (said == null || said.isBlank() ? "" : ": " + said),
                "check the start URL and SSO region of the profile", e);
    }
}
