package dev.bedrocksetup.sso;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.AtomicFileWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;

/**
 * `bedrock-setup login`: reuse a token with time left, else renew it with its refresh token (no browser), else log in
 * — in the browser with PKCE for sso-session profiles, with a device code for legacy profiles, on request, or when
 * no browser can be opened (SSH, containers).
 */
public final class LoginService {
    /** How the login went. */
    public enum How { STILL_VALID, REFRESHED, BROWSER, DEVICE_CODE }

    /** The outcome: how, and the token (never printed). */
    public static final class Result {
        public final How how;
        public final SsoToken token;
        public final SsoSession session;

        Result(How how, SsoToken token, SsoSession session) {
            this.how = how;
            this.token = token;
            this.session = session;
        }
    }

    private final Environment env;
    private final Browser browser;
    private final Consumer<String> say;
    private final SsoLogin.Sleeper sleeper;

    /**
     * How long a login may wait for the user: 10 minutes at a terminal; without one (Claude Code running us as
     * awsAuthRefresh, which it stops after 3 minutes) a little under 3 minutes.
     */
    private final Duration patience;

    public LoginService(Environment env, Browser browser, Consumer<String> say, SsoLogin.Sleeper sleeper) {
        this(env, browser, say, sleeper, Duration.ofMinutes(10));
    }

    public LoginService(Environment env, Browser browser, Consumer<String> say, SsoLogin.Sleeper sleeper,
            Duration patience) {
        this.patience = patience;
        this.env = env;
        this.browser = browser;
        this.say = say;
        this.sleeper = sleeper;
    }

    public Result login(String profileName, boolean deviceCode, boolean noBrowser, boolean force) {
        SsoSession session = SsoProfiles.session(env, SsoProfiles.load(env), profileName);
        SsoTokenCache cache = new SsoTokenCache(env.home(), new AtomicFileWriter());
        cache.refuseSharedDirectory("the login token"); // before the user goes through a login for nothing
        SsoToken cached = cache.read(session.cacheKey());
        Instant now = env.clock().instant();
        if (!force && cached != null && !cached.needsRefresh(now) && session.startUrl.equals(cached.startUrl)) {
            return new Result(How.STILL_VALID, cached, session);
        }
        Region region = Region.of(session.region);
        try (AwsClients clients = AwsClients.builder(env).region(region).build()) {
            SsoLogin login = new SsoLogin(clients.ssoOidc(region), AwsClients.ssoOidcEndpoint(env, region), cache,
                    env.clock(), say, noBrowser ? url -> false : browser, patience, sleeper);
            if (!force && cached != null && session.name != null && session.startUrl.equals(cached.startUrl)) {
                SsoToken fresh = login.refresh(session, cached);
                if (fresh != null) {
                    return new Result(How.REFRESHED, fresh, session);
                }
            }
            boolean browserFlow = session.name != null && !deviceCode;
            if (browserFlow && !noBrowser && !Browser.canOpen(env)) {
                say.accept("No browser can be opened here (no display): using a device code instead.");
                browserFlow = false;
            }
            if (browserFlow) {
                return new Result(How.BROWSER, login.loginWithBrowser(session), session);
            }
            return new Result(How.DEVICE_CODE, login.loginWithDeviceCode(session), session);
        }
    }

}
