package dev.bedrocksetup.setup;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.awsconfig.AwsConfigEdit;
import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.awsconfig.SsoProfileRequest;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.sso.Browser;
import dev.bedrocksetup.sso.SsoLogin;
import dev.bedrocksetup.sso.SsoPortal;
import dev.bedrocksetup.sso.SsoSession;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.sso.SsoTokenCache;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.model.AccountInfo;

/**
 * Creates an IAM Identity Center profile the way `aws configure sso` does, without the AWS CLI: log in to the start
 * URL (unless account and role are given), discover the accounts and roles, choose (a single one is taken and said;
 * several need the user's choice), then write [sso-session] and [profile] through the journaled write path.
 */
public final class SsoProfileSetup {
    /** The answers, from flags, a preset or the wizard. */
    public static final class Answers {
        public String profile;
        public String startUrl;
        public String ssoRegion;
        public String sessionName;
        public String accountId;
        public String roleName;
        public String region;
        public boolean skipLogin;
        public boolean deviceCode;
        public boolean noBrowser;

        /** The answers a setup request gives (flags, preset); the wizard asks what is still null. */
        public static Answers from(SetupRequest r) {
            Answers a = new Answers();
            a.profile = r.string("profile").value();
            a.startUrl = r.string("sso-start-url").value();
            a.ssoRegion = r.string("sso-region").value();
            a.sessionName = r.string("sso-session").value();
            a.accountId = r.string("account-id").value();
            a.roleName = r.string("role-name").value();
            a.region = r.string("region").value();
            a.skipLogin = r.flag("skip-login");
            a.deviceCode = r.flag("use-device-code");
            a.noBrowser = r.flag("no-browser");
            return a;
        }
    }

    private final Environment env;
    private final AwsConfigService config;
    private final Consumer<String> say;
    private final Browser browser;
    private final Duration patience;

    public SsoProfileSetup(Environment env, AwsConfigService config, Consumer<String> say, Browser browser,
            Duration patience) {
        this.env = env;
        this.config = config;
        this.say = say;
        this.browser = browser;
        this.patience = patience;
    }

    /** Returns the edit of ~/.aws/config (applied unless dryRun); the profile's name is in {@code a.profile}. */
    public AwsConfigEdit run(Answers a, boolean dryRun) {
        if (a.ssoRegion == null) {
            throw BedrockSetupException.usage("--sso-start-url needs --sso-region (the IAM Identity Center region)",
                    "add --sso-region, for example --sso-region us-east-1");
        }
        if (a.sessionName == null) {
            a.sessionName = defaultSessionName(a.startUrl);
        }
        // an existing session for the same portal is reused: log in under its name, where the SDKs will look
        a.sessionName = config.sessionToUse(a.sessionName, a.startUrl, a.ssoRegion);
        // validate what we have before any network call
        new SsoProfileRequest(a.profile != null ? a.profile : "p", a.sessionName, a.startUrl, a.ssoRegion,
                a.accountId != null ? a.accountId : "111122223333", a.roleName != null ? a.roleName : "r",
                a.region).validated();
        if (a.accountId == null || a.roleName == null) {
            if (a.skipLogin || dryRun) {
                throw BedrockSetupException.usage("without a login, the account and role must be given",
                        "add --account-id and --role-name" + (dryRun ? "" : ", or drop --skip-login to discover them"));
            }
            discover(a, FAIL_NAMING_THE_FLAG);
        }
        if (a.profile == null) {
            a.profile = a.roleName + "-" + a.accountId; // as `aws configure sso` names it
        }
        AwsConfigEdit edit = config.createSsoProfile(new SsoProfileRequest(a.profile, a.sessionName, a.startUrl,
                a.ssoRegion, a.accountId, a.roleName, a.region).validated(), dryRun);
        for (String note : edit.notes()) {
            say.accept("note: " + note);
        }
        return edit;
    }

    /**
     * Who picks when a login can use several accounts or roles: the wizard asks with its list, `init --yes` fails
     * naming --account-id or --role-name. A single account or role is taken and said, without asking.
     */
    public interface Chooser {
        AccountInfo account(List<AccountInfo> accounts);

        String role(List<String> roles, String accountId);
    }

    /** The chooser of `init --yes`: no questions; several accounts or roles: exit 2 naming the flag and the choices. */
    public static final Chooser FAIL_NAMING_THE_FLAG = new Chooser() {
        @Override
        public AccountInfo account(List<AccountInfo> accounts) {
            throw BedrockSetupException.usage("this login can use " + accounts.size() + " accounts; choose one",
                    "add --account-id, one of: " + String.join("; ",
                            accounts.stream().map(SsoPortal::label).toArray(String[]::new)));
        }

        @Override
        public String role(List<String> roles, String accountId) {
            throw BedrockSetupException.usage("you have " + roles.size() + " roles in account " + accountId
                    + "; choose one", "add --role-name, one of: " + String.join(", ", roles));
        }
    };

    /**
     * Logs in to the start URL unless a fresh token is cached for its session, then fills in {@code a.accountId} and
     * {@code a.roleName}: the ones given when the login may use them, the only ones there are, or the chooser's.
     */
    public void discover(Answers a, Chooser chooser) {
        SsoSession session = new SsoSession(a.startUrl, a.ssoRegion, a.sessionName, List.of(SsoSession.DEFAULT_SCOPE));
        Region region = Region.of(a.ssoRegion);
        SsoTokenCache cache = new SsoTokenCache(env.home(), new AtomicFileWriter());
        try (AwsClients clients = AwsClients.builder(env).region(region).build()) {
            SsoToken token = cache.read(session.cacheKey());
            if (token == null || token.needsRefresh(env.clock().instant())
                    || !a.startUrl.equals(token.startUrl)) {
                say.accept("Logging in to " + a.startUrl + " ...");
                URI oidc = AwsClients.ssoOidcEndpoint(env, region);
                SsoLogin login = new SsoLogin(clients.ssoOidc(region), oidc, cache, env.clock(), say,
                        a.noBrowser ? url -> false : browser, patience, d -> Thread.sleep(d.toMillis()));
                boolean headless = !Browser.canOpen(env);
                boolean deviceCode = a.deviceCode || (headless && !a.noBrowser);
                if (headless && !a.deviceCode && !a.noBrowser) {
                    say.accept("  No browser can be opened here: log in with a device code instead.");
                }
                token = deviceCode ? login.loginWithDeviceCode(session) : login.loginWithBrowser(session);
            }
            SsoPortal portal = new SsoPortal(clients.sso(region));
            List<AccountInfo> accounts = portal.accounts(token.accessToken);
            AccountInfo account = SsoPortal.choose(accounts, a.accountId, say);
            a.accountId = (account != null ? account : chooser.account(accounts)).accountId();
            List<String> roles = portal.roles(token.accessToken, a.accountId);
            String role = SsoPortal.chooseRole(roles, a.roleName, a.accountId, say);
            a.roleName = role != null ? role : chooser.role(roles, a.accountId);
        }
    }

    /** "example" for https://example.awsapps.com/start; a safe name otherwise. */
    public static String defaultSessionName(String startUrl) {
        try {
            String host = URI.create(startUrl).getHost();
            if (host != null) {
                String first = host.split("\\.")[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
                if (!first.isEmpty()) {
                    return first;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // validation reports the URL
        }
        return "sso";
    }
}
