package dev.bedrocksetup.wizard;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.awsconfig.AwsConfigEdit;
import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.awsconfig.ProfileKind;
import dev.bedrocksetup.awsconfig.ProfileSummary;
import dev.bedrocksetup.awsconfig.SsoInputValidation;
import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.setup.SsoProfileSetup;
import dev.bedrocksetup.sso.Browser;
import dev.bedrocksetup.sso.SsoLogin;
import dev.bedrocksetup.sso.SsoPortal;
import dev.bedrocksetup.sso.SsoSession;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.sso.SsoTokenCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.model.AccountInfo;

/**
 * `bedrock-setup init` as a conversation: prerequisites, the AWS profile (an existing one, or a new IAM Identity
 * Center profile with login and account/role discovery; a legacy profile is offered migration), region, models,
 * credential refresh, scope, then every change as a diff and one confirmation. Esc goes back one step; Ctrl-C leaves
 * with nothing written. Nothing is written before the confirmation (a login's token goes to the token cache, as
 * `aws sso login` does; that is not configuration).
 */
public final class Wizard {
    /** Regions offering Claude on Bedrock, the recommended one first. */
    static final List<String> REGIONS = List.of("us-west-2", "us-east-1", "us-east-2", "eu-west-1", "eu-central-1",
            "eu-west-3", "eu-north-1", "ap-northeast-1", "ap-southeast-2", "ap-south-1", "ap-southeast-1",
            "ca-central-1");
    /** Built-in fallback catalogue (foundation-model part of the IDs), newest first, until the live one is read. */
    static final List<String> MODELS = List.of("anthropic.claude-opus-5", "anthropic.claude-opus-4-6-v1",
            "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0");

    private final Environment env;
    private final Prompter inner;
    private final Prompter ask;
    private final AwsConfigService config;
    private final SettingsService settings;
    private final Browser browser;
    private final Path projectDir;
    private final String selfCommand;

    // the answers, filled in step by step
    private String profile;
    private SsoProfileSetup.Answers newProfile;
    private String apiKey;
    private BedrockSettings.CredentialsMode credentialsMode = BedrockSettings.CredentialsMode.ENV;
    private boolean useAmbient;
    private boolean migrate;
    private String region;
    private String model;
    private String haiku;
    private BedrockSettings.AuthRefresh refresh;
    private SettingsScope scope;
    private boolean sso;

    public Wizard(Environment env, Prompter ask, AwsConfigService config, SettingsService settings, Browser browser,
            Path projectDir, String selfCommand) {
        this.env = env;
        this.inner = ask;
        this.ask = new Counting();
        this.config = config;
        this.settings = settings;
        this.browser = browser;
        this.projectDir = projectDir;
        this.selfCommand = selfCommand;
    }

    interface Step {
        void run();
    }

    /**
     * Runs the steps; returns true when the changes were applied, false when the user declined at the end. Esc goes
     * back to the previous step that asked something; answers already given are offered again as defaults.
     */
    public boolean run() {
        List<Step> steps = List.of(this::prerequisites, this::chooseProfile, this::chooseRegion, this::identity,
                this::chooseModels, this::chooseCredentialsMode, this::chooseRefresh, this::chooseTokens,
                this::chooseScope, () -> { });
        java.util.Deque<Integer> asked = new java.util.ArrayDeque<>();
        int i = 0;
        while (true) {
            int before = questions;
            try {
                if (i == steps.size() - 1) {
                    return review();
                }
                steps.get(i).run();
                if (questions > before) {
                    asked.push(i);
                }
                i++;
            } catch (Prompter.Back back) {
                if (questions - before < 2 || i == steps.size() - 1) {
                    i = asked.isEmpty() ? 0 : asked.pop(); // Esc at a step's first question: the previous step
                } // else Esc at a later question of this step: ask this step again, its answers as defaults
            }
        }
    }

    private int questions;

    /** Counts the questions a step asks, so going back skips steps that asked nothing. */
    private final class Counting implements Prompter {
        @Override
        public int select(String q, List<String> c, int initial) {
            questions++;
            return inner.select(q, c, initial);
        }

        @Override
        public String text(String q, String d, java.util.function.Function<String, String> v) {
            questions++;
            return inner.text(q, d, v);
        }

        @Override
        public String secret(String q, java.util.function.Function<String, String> v) {
            questions++;
            return inner.secret(q, v);
        }

        @Override
        public boolean confirm(String q, boolean d) {
            questions++;
            return inner.confirm(q, d);
        }

        @Override
        public void say(String line) {
            inner.say(line);
        }
    }

    private void prerequisites() {
        ClaudeInstallation claude = ClaudeInstallation.find(env);
        ask.say(claude == null ? "! Claude Code is not on PATH (npm install -g @anthropic-ai/claude-code); setting up "
                + "anyway" : "✔ Claude Code " + (claude.version == null ? "" : claude.version + " ") + "at "
                + claude.executable);
        if (claude != null && claude.version != null && ClaudeInstallation.compare(claude.version, "2.1.172") < 0) {
            ask.say("  This version reads the region only from AWS_REGION: the setup writes it into settings");
        }
        for (Path dir : new Path[] {env.home().resolve(".aws"), env.home().resolve(".claude")}) {
            Path existing = dir;
            while (existing != null && !java.nio.file.Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !java.nio.file.Files.isWritable(existing)) {
                throw BedrockSetupException.local(existing + " is not writable, so " + dir + " cannot be written",
                        "fix its permissions (chmod u+w " + existing + ") and run again", null);
            }
        }
        ask.say(ClaudeInstallation.onPath(env, "aws") == null
                ? "  The AWS CLI is not installed: not needed, bedrock-setup logs in to IAM Identity Center itself"
                : "  AWS CLI found (optional: bedrock-setup logs in itself)");
    }

    private void chooseProfile() {
        List<ProfileSummary> profiles = new ArrayList<>(config.listProfiles());
        List<String> labels = new ArrayList<>();
        for (ProfileSummary p : profiles) {
            labels.add(p.name() + "  · " + describe(p));
        }
        labels.add("Create an IAM Identity Center (SSO) profile");
        labels.add("Use a Bedrock API key");
        boolean ambient = env.nonBlank("AWS_ACCESS_KEY_ID") != null && env.nonBlank("AWS_SECRET_ACCESS_KEY") != null;
        if (ambient) {
            labels.add("Use the access keys in this shell's environment (AWS_ACCESS_KEY_ID)");
        }
        int pick = ask.select("Which AWS profile should Claude Code use?", labels, profile == null ? 0
                : Math.max(0, indexOf(profiles, profile)));
        newProfile = null;
        migrate = false;
        apiKey = null;
        useAmbient = false;
        if (pick == profiles.size()) {
            createProfile();
            return;
        }
        if (ambient && pick == profiles.size() + 2) {
            ask.say("  Claude Code will use the keys only when started from a shell that has them; no profile and no "
                    + "keys are written to settings");
            profile = null;
            useAmbient = true;
            sso = false;
            return;
        }
        if (pick == profiles.size() + 1) {
            ask.say("  The key goes into Claude Code's settings env (AWS_BEARER_TOKEN_BEDROCK) and nowhere else;"
                    + " a short-term key lasts at most 12 h and works only in its region");
            apiKey = ask.secret("Bedrock API key", v -> v.startsWith("ABSK") || v.startsWith("bedrock-api-key-")
                    ? null : "a Bedrock API key starts with ABSK (or bedrock-api-key- for short-term keys)");
            profile = null;
            sso = false;
            return;
        }
        ProfileSummary p = profiles.get(pick);
        profile = p.name();
        sso = p.kind() == ProfileKind.SSO_SESSION || p.kind() == ProfileKind.LEGACY_SSO;
        for (String problem : p.problems()) {
            ask.say("! " + problem);
        }
        if (p.kind() == ProfileKind.LEGACY_SSO) {
            migrate = ask.confirm("Profile " + p.name() + " is a legacy SSO profile: its login lasts about 8 hours. "
                    + "Migrate it to an [sso-session] that renews itself?", false);
        }
        if (sso) {
            loginIfNeeded();
        }
    }

    /** An SSO profile without a valid login: log in now (renewing silently when it can), as `login` would. */
    private void loginIfNeeded() {
        try {
            dev.bedrocksetup.sso.LoginService.Result r = new dev.bedrocksetup.sso.LoginService(env, browser, ask::say,
                    d -> Thread.sleep(d.toMillis())).login(profile, !Browser.canOpen(env), false, false);
            if (r.how != dev.bedrocksetup.sso.LoginService.How.STILL_VALID) {
                ask.say("✔ Logged in (" + r.how.name().toLowerCase().replace('_', ' ') + ")");
            }
        } catch (BedrockSetupException e) {
            ask.say("! not logged in: " + e.getMessage() + (e.fix() == null ? "" : " (" + e.fix() + ")"));
        }
    }

    private static int indexOf(List<ProfileSummary> profiles, String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(ProfileSummary p) {
        String kind;
        switch (p.kind()) {
            case SSO_SESSION: kind = "SSO"; break;
            case LEGACY_SSO: kind = "SSO legacy · 8-hour sessions"; break;
            case STATIC_KEYS: kind = "static keys"; break;
            case ASSUME_ROLE: kind = "assume-role"; break;
            case CREDENTIAL_PROCESS: kind = "credential_process"; break;
            case WEB_IDENTITY: kind = "web identity"; break;
            default: kind = "no credentials";
        }
        return kind + (p.detail() == null || p.detail().isEmpty() ? "" : " · " + p.detail())
                + (p.problems().isEmpty() ? "" : " · " + p.state().name().toLowerCase());
    }

    private void createProfile() {
        SsoProfileSetup.Answers a = new SsoProfileSetup.Answers();
        while (true) {
            a.startUrl = ask.text("IAM Identity Center start URL", null,
                    v -> valid(() -> SsoInputValidation.startUrl(v)));
            String unfamiliar = SsoInputValidation.unfamiliarPortal(a.startUrl);
            if (unfamiliar == null || ask.confirm("Warning: " + unfamiliar + ". Use it anyway?", false)) {
                break;
            }
        }
        a.ssoRegion = ask.text("IAM Identity Center region", "us-east-1",
                v -> valid(() -> SsoInputValidation.region(v, "SSO region")));
        String defaultSession = SsoProfileSetup.defaultSessionName(a.startUrl);
        String existing = config.sessionToUse("\u0000", a.startUrl, a.ssoRegion);
        if (!existing.equals("\u0000")) {
            a.sessionName = existing;
            ask.say("  Using the existing [sso-session " + existing + "] for this portal");
        } else {
            a.sessionName = ask.text("Name for the SSO session", defaultSession,
                    v -> valid(() -> SsoInputValidation.sessionName(v)));
        }
        SsoSession session = new SsoSession(a.startUrl, a.ssoRegion, a.sessionName, List.of(SsoSession.DEFAULT_SCOPE));
        Region r = Region.of(a.ssoRegion);
        SsoTokenCache cache = new SsoTokenCache(env.home(), new AtomicFileWriter());
        try (AwsClients clients = AwsClients.builder(env).region(r).build()) {
            SsoToken token = cache.read(session.cacheKey());
            if (token == null || token.isExpired(env.clock().instant().plus(Duration.ofMinutes(5)))) {
                ask.say("Logging in to " + a.startUrl + " ...");
                SsoLogin login = new SsoLogin(clients.ssoOidc(r), AwsClients.ssoOidcEndpoint(env, r), cache,
                        env.clock(), ask::say, browser, Duration.ofMinutes(10), d -> Thread.sleep(d.toMillis()));
                boolean headless = !Browser.canOpen(env);
                if (headless) {
                    ask.say("  No browser can be opened here: log in with a device code instead.");
                }
                token = headless ? login.loginWithDeviceCode(session) : login.loginWithBrowser(session);
            }
            SsoPortal portal = new SsoPortal(clients.sso(r));
            List<AccountInfo> accounts = portal.accounts(token.accessToken);
            AccountInfo account = SsoPortal.choose(accounts, null, ask::say);
            if (account == null) {
                List<String> labels = new ArrayList<>();
                accounts.forEach(x -> labels.add(SsoPortal.label(x)));
                account = accounts.get(ask.select("Which AWS account?", labels, 0));
            }
            a.accountId = account.accountId();
            List<String> roles = portal.roles(token.accessToken, a.accountId);
            a.roleName = SsoPortal.chooseRole(roles, null, a.accountId, ask::say);
            if (a.roleName == null) {
                a.roleName = roles.get(ask.select("Which role?", roles, 0));
            }
        }
        a.profile = ask.text("Profile name", a.roleName + "-" + a.accountId,
                v -> valid(() -> SsoInputValidation.profileName(v)));
        newProfile = a;
        profile = a.profile;
        sso = true;
    }

    private static String valid(Runnable check) {
        try {
            check.run();
            return null;
        } catch (BedrockSetupException e) {
            return e.getMessage();
        }
    }

    private void chooseRegion() {
        List<String> labels = new ArrayList<>();
        for (String r : REGIONS) {
            labels.add(r + "  · profiles " + RegionNames.geographyPrefix(r) + ". and global."
                    + (r.equals(REGIONS.get(0)) ? "  (recommended)" : ""));
        }
        int pick = ask.select("Which Bedrock region?", labels, region == null ? 0 : Math.max(0, REGIONS.indexOf(region)));
        region = REGIONS.get(pick);
        ask.say("  Claude Code derives the " + RegionNames.geographyPrefix(region) + ". prefix from " + region
                + "; global. profiles work everywhere");
    }

    /** The credentials the choice so far gives (a new profile's from its login), or null for an API key. */
    private software.amazon.awssdk.auth.credentials.AwsCredentialsProvider provider() {
        if (apiKey != null) {
            return null;
        }
        if (useAmbient) {
            return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    new dev.bedrocksetup.aws.ProfileCredentials(env).resolveForCommand(null).credentials());
        }
        if (newProfile != null) {
            SsoToken token = new SsoTokenCache(env.home(), new AtomicFileWriter()).read(newProfile.sessionName);
            Region r = Region.of(newProfile.ssoRegion);
            try (AwsClients clients = AwsClients.builder(env).region(r).build()) {
                var rc = new SsoPortal(clients.sso(r)).credentials(token.accessToken, newProfile.accountId,
                        newProfile.roleName);
                return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(rc.accessKeyId(),
                                rc.secretAccessKey(), rc.sessionToken()));
            }
        }
        return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                new dev.bedrocksetup.aws.ProfileCredentials(env).resolve(profile).credentials());
    }

    /** Clients for the chosen region with the chosen credentials; null when they cannot be had (said why). */
    private AwsClients bedrockClients() {
        try {
            AwsClients.Builder b = AwsClients.builder(env).region(region).settings(
                    dev.bedrocksetup.aws.ClientSettings.defaults().withMaxAttempts(1)
                            .withCallTimeout(Duration.ofSeconds(15)));
            if (apiKey != null) {
                return b.bedrockApiKey(apiKey).build();
            }
            return b.credentials(provider()).build();
        } catch (BedrockSetupException e) {
            ask.say("! " + e.getMessage() + (e.fix() == null ? "" : " (" + e.fix() + ")"));
            return null;
        }
    }

    /** Who AWS says we are, so a wrong account shows before anything is written. */
    private void identity() {
        if (apiKey != null) {
            return; // an API key has no STS identity
        }
        try (AwsClients clients = bedrockClients()) {
            if (clients == null) {
                return;
            }
            var id = clients.sts().getCallerIdentity();
            ask.say("✔ Identity: account " + id.account() + ", " + id.arn().replaceAll(".*:", ""));
        } catch (RuntimeException e) {
            ask.say("! AWS did not confirm these credentials: " + dev.bedrocksetup.core.Secrets.redact(
                    String.valueOf(e.getMessage())) + " (bedrock-setup doctor explains)");
        }
    }

    private void chooseModels() {
        List<String> ids = new ArrayList<>();
        String recommended = null;
        String recommendedHaiku = null;
        try (AwsClients clients = apiKey == null ? bedrockClients() : null) {
            if (clients != null) {
                ask.say("  Reading the Claude inference profiles of " + region + " ...");
                dev.bedrocksetup.bedrock.Catalogue c = new dev.bedrocksetup.bedrock.ModelCatalogue(clients.bedrock(),
                        region, profile).list(Runnable::run);
                if (c.isFallback()) {
                    ask.say("! " + c.fallbackReason());
                }
                for (dev.bedrocksetup.bedrock.ClaudeProfile p : c.profiles()) {
                    if (p.isActive() && !ids.contains(p.id())) {
                        ids.add(p.id());
                    }
                }
                recommended = c.recommend().primary();
                recommendedHaiku = c.recommend().haiku();
            }
        } catch (BedrockSetupException | software.amazon.awssdk.core.exception.SdkException e) {
            ask.say("! the live catalogue could not be read (" + dev.bedrocksetup.core.Secrets.redact(
                    String.valueOf(e.getMessage())) + "); showing bedrock-setup's built-in list");
        }
        if (ids.isEmpty()) {
            String prefix = RegionNames.geographyPrefix(region);
            for (String m : MODELS) {
                if (!prefix.equals("global")) {
                    ids.add(prefix + "." + m);
                }
                ids.add("global." + m);
            }
            if (apiKey != null) {
                ask.say("  (built-in list: a Bedrock API key cannot list inference profiles)");
            }
        }
        int first = model != null && ids.contains(model) ? ids.indexOf(model)
                : recommended != null && ids.contains(recommended) ? ids.indexOf(recommended) : 0;
        model = ids.get(ask.select("Primary model (ANTHROPIC_MODEL)?", ids, first));
        List<String> haikus = new ArrayList<>();
        for (String id : ids) {
            if (id.contains("haiku")) {
                haikus.add(id);
            }
        }
        if (haikus.isEmpty()) {
            haiku = null;
        } else {
            int h = haiku != null && haikus.contains(haiku) ? haikus.indexOf(haiku)
                    : recommendedHaiku != null && haikus.contains(recommendedHaiku) ? haikus.indexOf(recommendedHaiku)
                    : 0;
            haiku = haikus.get(ask.select("Fast model for background tasks (ANTHROPIC_DEFAULT_HAIKU_MODEL)?", haikus,
                    h));
        }
        probe();
    }

    /** A one-token streaming call of each chosen model, as Claude Code makes it; ✔ or ✘ with the reason and fix. */
    private void probe() {
        List<String> chosen = new ArrayList<>(List.of(model));
        if (haiku != null && !chosen.contains(haiku)) {
            chosen.add(haiku);
        }
        boolean allOk = true;
        try (AwsClients clients = bedrockClients()) {
            if (clients == null) {
                return;
            }
            ask.say("  Testing " + String.join(" and ", chosen) + " ...");
            List<dev.bedrocksetup.bedrock.AccessFinding> results = new dev.bedrocksetup.bedrock.AccessProbe(
                    clients.bedrockRuntimeAsync(), new dev.bedrocksetup.bedrock.AwsErrorClassifier(region, profile),
                    Duration.ofSeconds(15)).probe(chosen);
            for (String line : dev.bedrocksetup.bedrock.AccessFinding.describe(results, "✔", "✘")) {
                ask.say("  " + line);
            }
            allOk = results.stream().allMatch(dev.bedrocksetup.bedrock.AccessFinding::ok);
        }
        if (!allOk && !ask.confirm("Keep these models anyway?", false)) {
            throw new Prompter.Back();
        }
    }

    /** For a profile: AWS_PROFILE in settings env, or awsCredentialExport (which keeps it out of tools). */
    private void chooseCredentialsMode() {
        if (apiKey != null || useAmbient) {
            credentialsMode = BedrockSettings.CredentialsMode.ENV;
            return;
        }
        List<String> choices = List.of("AWS_PROFILE in settings env  (simple; Bash tools and MCP servers see it too)",
                "awsCredentialExport  (Claude Code alone gets the credentials; the profile stays out of tools)");
        int pick = ask.select("How should Claude Code get its AWS credentials?", choices,
                credentialsMode == BedrockSettings.CredentialsMode.EXPORT ? 1 : 0);
        credentialsMode = pick == 0 ? BedrockSettings.CredentialsMode.ENV : BedrockSettings.CredentialsMode.EXPORT;
    }

    private void chooseRefresh() {
        if (!sso) {
            refresh = null;
            return;
        }
        List<String> choices = List.of("bedrock-setup login  (recommended: no AWS CLI needed)",
                "aws sso login  (needs the AWS CLI)", "none");
        int pick = ask.select("When the SSO login expires, Claude Code runs (awsAuthRefresh)", choices, 0);
        refresh = pick == 0 ? BedrockSettings.AuthRefresh.LOGIN : pick == 1 ? BedrockSettings.AuthRefresh.AWS_CLI
                : BedrockSettings.AuthRefresh.NONE;
    }

    private Integer maxOutput;
    private Integer maxThinking;

    /** Optional token limits; the default keeps Claude Code's own. */
    private void chooseTokens() {
        if (!ask.confirm("Set token limits (CLAUDE_CODE_MAX_OUTPUT_TOKENS, MAX_THINKING_TOKENS)?", false)) {
            maxOutput = null;
            maxThinking = null;
            return;
        }
        ask.say("  A cap of 4096 output tokens truncates answers on current models; 32000 or more is usual");
        maxOutput = Integer.valueOf(ask.text("CLAUDE_CODE_MAX_OUTPUT_TOKENS", maxOutput == null ? "32000"
                : maxOutput.toString(), v -> v.matches("[1-9][0-9]{0,6}") ? null : "a positive number, e.g. 32000"));
        int cap = maxOutput;
        maxThinking = Integer.valueOf(ask.text("MAX_THINKING_TOKENS (below " + cap + ")", maxThinking == null
                ? Integer.toString(Math.min(8000, cap / 2)) : maxThinking.toString(),
                v -> v.matches("[0-9]{1,7}") && Integer.parseInt(v) < cap ? null
                        : "a number below " + cap + " (thinking must stay below the output limit)"));
    }

    private void chooseScope() {
        List<String> choices = List.of("user     ~/.claude/settings.json  (recommended)",
                "project  .claude/settings.json  (shared; applies after workspace trust)",
                "local    .claude/settings.local.json  (this project, only you)",
                "managed  machine-wide managed settings  (beats everything; needs admin rights)");
        while (true) {
            int pick = ask.select("Which settings file?", choices, scope == null ? 0 : scope.ordinal());
            scope = SettingsScope.values()[pick];
            dev.bedrocksetup.core.BedrockSetupException refused = dev.bedrocksetup.claude.SettingsPlacement.refusal(
                    scope, wanted());
            if (refused == null) {
                return;
            }
            ask.say("! " + refused.getMessage() + " (" + refused.fix().replace("--scope ", "") + ")");
        }
    }

    private BedrockSettings wanted() {
        BedrockSettings s = new BedrockSettings();
        s.region = region;
        s.profile = profile;
        s.apiKey = apiKey;
        s.credentials = credentialsMode;
        s.model = ModelIds.require("model", model, region, true);
        s.haikuModel = haiku;
        s.authRefresh = refresh;
        s.maxOutputTokens = maxOutput;
        s.maxThinkingTokens = maxThinking;
        s.selfCommand = selfCommand;
        return s;
    }

    /** Every change as a diff; one confirmation (default No); then apply. */
    private boolean review() {
        ask.say("");
        ask.say("Summary: " + (apiKey != null ? "Bedrock API key" : useAmbient ? "the shell's access keys"
                : "profile " + profile) + ", region " + region
                + ", model " + model + ", scope " + scope.label());
        if (newProfile != null) {
            ask.say(new SsoProfileSetup(env, config, ask::say, browser, Duration.ofMinutes(1)).run(copy(newProfile),
                    true).change().diff());
        } else if (migrate) {
            ask.say(config.migrateLegacyProfile(profile, profile + "-sso", true).change().diff());
        }
        String diff = settings.applyInit(scope, projectDir, wanted(), false, true).get(0).change.diff();
        ask.say(dev.bedrocksetup.core.Secrets.redact(apiKey == null ? diff
                : diff.replace(apiKey, dev.bedrocksetup.core.Secrets.mask(apiKey))));
        if (!ask.confirm("Apply these changes?", false)) {
            ask.say("Nothing was changed.");
            return false;
        }
        dev.bedrocksetup.awsconfig.AwsConfigEdit profileWritten = null;
        if (newProfile != null) {
            profileWritten = new SsoProfileSetup(env, config, ask::say, browser, Duration.ofMinutes(1))
                    .run(copy(newProfile), false);
        } else if (migrate) {
            profileWritten = config.migrateLegacyProfile(profile, profile + "-sso", false);
        }
        // all or nothing: when the settings cannot be written, the profile written just before is taken back
        config.takeBackIfFails(profileWritten, () -> settings.applyInit(scope, projectDir, wanted(), false, false));
        ask.say("✔ Done. Restart Claude Code for the change to take effect.");
        ask.say("  Check it:  bedrock-setup doctor");
        ask.say("  Undo it:   bedrock-setup reset" + (newProfile != null ? " --remove-profile" : ""));
        return true;
    }

    private SsoProfileSetup.Answers copy(SsoProfileSetup.Answers a) {
        SsoProfileSetup.Answers c = new SsoProfileSetup.Answers();
        c.profile = a.profile;
        c.startUrl = a.startUrl;
        c.ssoRegion = a.ssoRegion;
        c.sessionName = a.sessionName;
        c.accountId = a.accountId;
        c.roleName = a.roleName;
        c.region = region;
        c.skipLogin = true;
        return c;
    }
}
