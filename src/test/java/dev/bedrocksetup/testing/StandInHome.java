package dev.bedrocksetup.testing;

import dev.bedrocksetup.cli.LoginBrowserHook;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.sso.SsoTokenCache;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.RequestLog;
import dev.bedrocksetup.standin.Scenario;
import dev.bedrocksetup.standin.StandInServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A started loopback AWS stand-in and a throw-away home whose environment sends every AWS endpoint to it: what a
 * test needs to run bedrock-setup end to end without reaching AWS. Every service the CLI calls is pointed at the
 * stand-in, so a forgotten variable cannot send a test to the real AWS. Close it after each test: that stops the
 * stand-in and unhooks the test browser.
 */
public final class StandInHome implements AutoCloseable {
    public static final String ACCOUNT = Examples.ACCOUNT;
    public static final String START_URL = Examples.START_URL;
    /** The services bedrock-setup calls, by the suffix of their AWS_ENDPOINT_URL_ variable. */
    static final List<String> SERVICES = List.of("SSO", "SSO_OIDC", "STS", "BEDROCK", "BEDROCK_RUNTIME");

    public final Scenario scenario;
    public final StandInServer server;
    public final TempHome home;
    private boolean browserHooked;

    /** The stand-in for {@link #sandbox()}, the home in {@code dir}. */
    public StandInHome(Path dir) {
        this(dir, sandbox());
    }

    public StandInHome(Path dir, Scenario scenario) {
        this.scenario = scenario;
        this.server = StandInServer.start(scenario);
        this.home = new TempHome(dir);
        home.vars.putAll(endpoints(baseUri()));
    }

    /** Where the stand-in listens: what every endpoint variable of the home says. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** Every request the stand-in answered, for assertions on what was (not) sent to "AWS". */
    public RequestLog requestLog() {
        return server.requestLog();
    }

    /** The account most tests need: 111122223333 "Sandbox" with the role Dev, on the system clock. */
    public static Scenario sandbox() {
        return new Scenario(Clock.systemUTC()).addAccount(ACCOUNT, "Sandbox", "sandbox@example.com", "Dev");
    }

    /** AWS_ENDPOINT_URL_SSO, _SSO_OIDC, _STS, _BEDROCK and _BEDROCK_RUNTIME, each set to {@code base}. */
    public static Map<String, String> endpoints(URI base) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String service : SERVICES) {
            vars.put("AWS_ENDPOINT_URL_" + service, base.toString());
        }
        return vars;
    }

    /**
     * Lets {@code login} open a browser (DISPLAY says there is a screen) and hands the authorize URL to a
     * {@link TestBrowser}, which follows it back to the loopback listener as the user's browser would.
     */
    public TestBrowser browser() {
        TestBrowser browser = new TestBrowser();
        home.vars.put("DISPLAY", ":0");
        LoginBrowserHook.use(browser);
        browserHooked = true;
        return browser;
    }

    /** Issues IAM user keys for {@code userName} and writes them to ~/.aws/credentials as {@code profile}. */
    public IssuedCredentials userKeys(String profile, String userName) throws IOException {
        IssuedCredentials keys = scenario.issueUserKeys(ACCOUNT, userName);
        home.credentials(profile, keys);
        return keys;
    }

    /** A static-keys profile: {@link #userKeys} plus ~/.aws/config with only the profile's region. */
    public IssuedCredentials staticKeysProfile(String profile, String userName, String region) throws IOException {
        IssuedCredentials keys = userKeys(profile, userName);
        home.write(".aws/config", "[profile " + profile + "]\nregion = " + region + "\n");
        return keys;
    }

    /** The CLI's SSO token cache in this home (~/.aws/sso/cache). */
    public SsoTokenCache tokenCache() {
        return new SsoTokenCache(home.home, new AtomicFileWriter());
    }

    /** Caches a token for {@link #START_URL} under {@code key} (a session name, or the start URL for legacy). */
    public void cacheToken(String key, String accessToken, Instant expiresAt) {
        tokenCache().write(key, new SsoToken(START_URL, "us-east-1", accessToken, expiresAt, "client",
                "clientsecret0000", null, null));
    }

    /** As a login would leave it: a token the stand-in accepts for eight hours, with no refresh token. */
    public void cacheValidToken(String key) {
        Duration validity = Duration.ofHours(8);
        cacheToken(key, scenario.issueAccessToken(validity), Instant.now().plus(validity));
    }

    @Override
    public void close() {
        if (browserHooked) {
            LoginBrowserHook.use(null);
        }
        server.close();
    }
}
