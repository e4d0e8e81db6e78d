package dev.bedrocksetup.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import dev.bedrocksetup.testing.TestBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bedrock-setup login` against the AWS stand-in over real HTTP: both flows, refresh, expiry, denial, headless. */
class LoginCommandTest {
    static final String START_URL = "https://example.awsapps.com/start";

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;
    TestBrowser browser;

    @BeforeEach
    void start() throws Exception {
        stand = new StandInHome(dir);
        home = stand.home.ssoProfiles("dev").legacySsoProfile("legacy").append(".aws/config",
                "\n[profile keys]\nregion = us-east-1\n");
        browser = stand.browser();
    }

    @AfterEach
    void stop() {
        stand.close();
    }

    Path cacheFile(String key) {
        return dir.resolve(".aws/sso/cache/" + TextFile.sha1Hex(key) + ".json");
    }

    void assertNoSecretPrinted(Run r, Path cache) throws Exception {
        SsoToken t = stand.tokenCache().read(
                cache.equals(cacheFile("corp")) ? "corp" : START_URL);
        for (String secret : new String[] {t.accessToken, t.refreshToken, t.clientSecret}) {
            if (secret != null) {
                assertFalse(r.out.contains(secret) || r.err.contains(secret), "secret printed: " + r);
            }
        }
    }

    @Test
    void browserLoginWithPkceWritesTheCliCache() throws Exception {
        Run r = home.run("login", "--profile", "dev");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("Logged in to " + START_URL + " (sso-session corp)"), r.err);
        assertTrue(r.err.contains("renews itself"), r.err);
        assertEquals(1, browser.opened.size());
        assertTrue(browser.opened.get(0).contains("code_challenge_method=S256"), browser.opened.get(0));
        assertEquals(200, browser.lastStatus, "the loopback page answered the browser");
        Path cache = cacheFile("corp");
        String json = Files.readString(cache);
        for (String k : new String[] {"startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret",
            "registrationExpiresAt", "refreshToken"}) {
            assertTrue(json.contains("\"" + k + "\":"), k + " in " + json);
        }
        assertTrue(json.matches(".*\"expiresAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\".*"), json);
        assertNoSecretPrinted(r, cache);
        assertEquals(1, stand.requestLog().of(Operation.REGISTER_CLIENT).size(), "client registered at the stand-in");
        assertFalse(stand.requestLog().of(Operation.CREATE_TOKEN).isEmpty(), "token fetched from the stand-in");

        Run again = home.run("login", "--profile", "dev");
        assertEquals(0, again.exit);
        assertTrue(again.err.contains("Already logged in"), again.err);
        assertEquals(1, browser.opened.size(), "no second browser window");

        Run forced = home.run("login", "--profile", "dev", "--force");
        assertEquals(0, forced.exit, forced.toString());
        assertEquals(1, stand.requestLog().of(Operation.REGISTER_CLIENT).size(),
                "the still-valid client registration is reused");
        assertEquals(2, browser.opened.size());
    }

    @Test
    void accountsAndRolesAreDiscoveredSortedAndASingleChoiceIsAnnounced() throws Exception {
        stand.scenario.addAccount("444455556666", "Alpha", "alpha@example.com", "Admin", "Dev");
        assertEquals(0, home.run("login", "--profile", "dev").exit);
        String token = stand.tokenCache().read("corp").accessToken;
        try (dev.bedrocksetup.aws.AwsClients clients = dev.bedrocksetup.aws.AwsClients.builder(home.env())
                .region("us-east-1").build()) {
            SsoPortal portal = new SsoPortal(clients.sso(software.amazon.awssdk.regions.Region.US_EAST_1));
            var accounts = portal.accounts(token);
            assertEquals(java.util.List.of("Alpha, alpha@example.com (444455556666)",
                    "Sandbox, sandbox@example.com (111122223333)"),
                    accounts.stream().map(SsoPortal::label).collect(java.util.stream.Collectors.toList()),
                    "sorted by name, shown as Name, email (id)");
            java.util.List<String> said = new java.util.ArrayList<>();
            assertEquals(null, SsoPortal.choose(accounts, null, said::add), "several: the user chooses");
            assertEquals("111122223333", SsoPortal.choose(accounts, "111122223333", said::add).accountId());
            assertEquals(2, assertThrowsUsage(() -> SsoPortal.choose(accounts, "999999999999", said::add)));
            assertEquals(java.util.List.of("Admin", "Dev"), portal.roles(token, "444455556666"));
            assertEquals("Dev", SsoPortal.chooseRole(portal.roles(token, "111122223333"), null, "111122223333",
                    said::add));
            assertTrue(said.contains("Using the only role available: Dev"), said.toString());
        }
    }

    static int assertThrowsUsage(org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(dev.bedrocksetup.core.BedrockSetupException.class, e)
                .exitCode();
    }

    @Test
    void anExpiredTokenIsRenewedWithoutABrowser() throws Exception {
        assertEquals(0, home.run("login", "--profile", "dev").exit);
        String before = Files.readString(cacheFile("corp"));
        SsoTokenCache cache = stand.tokenCache();
        SsoToken t = cache.read("corp");
        cache.write("corp", new SsoToken(t.startUrl, t.region, t.accessToken, Instant.now().minus(1, ChronoUnit.HOURS),
                t.clientId, t.clientSecret, t.registrationExpiresAt, t.refreshToken));
        Run r = home.run("login", "--profile", "dev");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("renewed without a browser"), r.err);
        assertEquals(1, browser.opened.size(), "refresh needs no browser");
        SsoToken fresh = cache.read("corp");
        assertTrue(fresh.expiresAt.isAfter(Instant.now()), "a new expiry");
        assertFalse(before.equals(Files.readString(cacheFile("corp"))));
    }

    @Test
    void aTokenInsideTheRefreshWindowIsRenewedAndOneOutsideIsKept() throws Exception {
        assertEquals(0, home.run("login", "--profile", "dev").exit);
        SsoTokenCache cache = stand.tokenCache();
        SsoToken t = cache.read("corp");
        Instant outside = Instant.now().plus(SsoToken.REFRESH_WINDOW).plus(2, ChronoUnit.MINUTES);
        cache.write("corp", new SsoToken(t.startUrl, t.region, t.accessToken, outside, t.clientId, t.clientSecret,
                t.registrationExpiresAt, t.refreshToken));
        Run kept = home.run("login", "--profile", "dev");
        assertTrue(kept.err.contains("Already logged in"), kept.toString());

        Instant inside = Instant.now().plus(SsoToken.REFRESH_WINDOW).minus(2, ChronoUnit.MINUTES);
        cache.write("corp", new SsoToken(t.startUrl, t.region, t.accessToken, inside, t.clientId, t.clientSecret,
                t.registrationExpiresAt, t.refreshToken));
        Run renewed = home.run("login", "--profile", "dev");
        assertTrue(renewed.err.contains("renewed without a browser"), renewed.toString());
        assertFalse(cache.read("corp").needsRefresh(Instant.now()), "the renewed token is fresh");
    }

    @Test
    void deviceCodeForLegacyProfilesAndOnRequest() throws Exception {
        stand.scenario.approveDeviceAfterPolls(2);
        Run legacy = home.run("login", "--profile", "legacy");
        assertEquals(0, legacy.exit, legacy.toString());
        assertTrue(legacy.err.contains("confirm the code"), legacy.err);
        assertTrue(legacy.err.contains("cannot renew its login"), "legacy profile warned: " + legacy.err);
        assertTrue(Files.exists(cacheFile(START_URL)), "legacy cache keyed by the start URL");
        assertNoSecretPrinted(legacy, cacheFile(START_URL));

        Run device = home.run("login", "--profile", "dev", "--use-device-code", "--force");
        assertEquals(0, device.exit, device.toString());
        assertTrue(device.err.contains("confirm the code"), device.err);
        assertNotNull(stand.tokenCache().read("corp").refreshToken,
                "scopes registered: a refresh token was issued");
    }

    @Test
    void headlessMachinesFallBackToADeviceCode() throws Exception {
        home.vars.remove("DISPLAY");
        Run r = home.run("login", "--profile", "dev");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("using a device code instead"), r.err);
    }

    @Test
    void deniedAndExpiredDeviceCodesAreExit4WithNothingSaved() throws Exception {
        stand.scenario.denyAuthorization(true);
        Run denied = home.run("login", "--profile", "legacy");
        assertEquals(4, denied.exit, denied.toString());
        assertTrue(denied.err.contains("denied"), denied.err);
        assertFalse(Files.exists(cacheFile(START_URL)));

        stand.scenario.denyAuthorization(false).approveDeviceAfterPolls(1000)
                .deviceCodeLifetime(java.time.Duration.ofSeconds(2));
        Run expired = home.run("login", "--profile", "legacy");
        assertEquals(4, expired.exit, expired.toString());
        assertTrue(expired.err.contains("expired"), expired.err);
        assertFalse(Files.exists(cacheFile(START_URL)));
    }

    @Test
    void profilesThatCannotLogInAreExit2() {
        Run keys = home.run("login", "--profile", "keys");
        assertEquals(2, keys.exit);
        assertTrue(keys.err.contains("not an IAM Identity Center (SSO) profile"), keys.err);
        Run missing = home.run("login", "--profile", "nope");
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("no profile 'nope'"), missing.err);
    }

    @Test
    void slowDownWidensThePollingInterval() {
        stand.scenario.slowDownOnPolls(1).approveDeviceAfterPolls(3);
        java.util.List<java.time.Duration> waits = new java.util.ArrayList<>();
        home.vars.remove("DISPLAY");
        LoginService service = new LoginService(home.env(), browser, s -> { }, waits::add);
        LoginService.Result r = service.login("dev", true, false, false);
        assertEquals(LoginService.How.DEVICE_CODE, r.how);
        assertTrue(waits.stream().anyMatch(d -> d.getSeconds() >= 6), "slow_down added 5 s: " + waits);
        assertTrue(stand.requestLog().of(Operation.CREATE_TOKEN).size() >= 3, "polled until approved");
    }
}
