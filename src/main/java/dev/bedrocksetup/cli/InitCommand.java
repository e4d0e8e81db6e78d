package dev.bedrocksetup.cli;

import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.awsconfig.AwsConfigEdit;
import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.awsconfig.ProfileKind;
import dev.bedrocksetup.awsconfig.ProfileSummary;
import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.claude.OwnedKeys;
import dev.bedrocksetup.claude.Preset;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.json.JsonNode;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.setup.SsoProfileSetup;
import dev.bedrocksetup.wizard.Prompter;
import dev.bedrocksetup.wizard.TerminalPrompter;
import dev.bedrocksetup.wizard.Wizard;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", aliases = "setup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Set up Claude Code on Amazon Bedrock.", "",
            "Today this runs non-interactively: --yes with --profile, --region and --model.",
            "Shows a diff with --dry-run; undo with 'bedrock-setup reset'."})
final class InitCommand extends BaseCommand {
    private static final Pattern PROFILE_NAME = Pattern.compile("^[A-Za-z0-9_.-]+$");

    @Option(names = "--profile", paramLabel = "NAME", description = "The AWS profile Claude Code uses.")
    String profile;

    @Option(names = "--sso-start-url", paramLabel = "URL", description = "IAM Identity Center start URL (to create a profile).")
    String ssoStartUrl;

    @Option(names = "--sso-region", paramLabel = "R", description = "IAM Identity Center region.")
    String ssoRegion;

    @Option(names = "--sso-session", paramLabel = "NAME", description = "Name of the [sso-session] to create or reuse.")
    String ssoSession;

    @Option(names = "--account-id", paramLabel = "ID", description = "SSO account ID.")
    String accountId;

    @Option(names = "--role-name", paramLabel = "ROLE", description = "SSO role name.")
    String roleName;

    @Option(names = "--region", paramLabel = "R", description = "Bedrock region (written as AWS_REGION).")
    String region;

    @Option(names = "--model", paramLabel = "ID", description = "Primary model (ANTHROPIC_MODEL): inference profile ID, ARN or alias.")
    String model;

    @Option(names = "--opus-model", paramLabel = "ID", description = "Opus tier pin (ANTHROPIC_DEFAULT_OPUS_MODEL).")
    String opusModel;

    @Option(names = "--sonnet-model", paramLabel = "ID", description = "Sonnet tier pin (ANTHROPIC_DEFAULT_SONNET_MODEL).")
    String sonnetModel;

    @Option(names = "--haiku-model", paramLabel = "ID", description = "Haiku tier pin (ANTHROPIC_DEFAULT_HAIKU_MODEL).")
    String haikuModel;

    @Option(names = "--auth", paramLabel = "MODE", completionCandidates = CompletionValues.AuthModes.class,
            description = "bedrock-api-key: use a Bedrock API key (from AWS_BEARER_TOKEN_BEDROCK or stdin).")
    String auth;

    @Option(names = "--credentials", paramLabel = "env|export",
            completionCandidates = CompletionValues.CredentialModes.class,
            description = "env: AWS_PROFILE in settings env (default); export: awsCredentialExport, keeping the profile out of tools.")
    String credentials;

    @Option(names = "--auth-refresh", paramLabel = "login|aws-cli|none",
            completionCandidates = CompletionValues.AuthRefreshModes.class, description = "awsAuthRefresh command.")
    String authRefresh;

    @Option(names = "--scope", paramLabel = "SCOPE", completionCandidates = CompletionValues.Scopes.class,
            description = "user (default), project, local or managed.")
    String scope;

    @Option(names = "--project-dir", paramLabel = "DIR", description = "Project for --scope project/local (default: current directory).")
    Path projectDir;

    @Option(names = "--max-output-tokens", paramLabel = "N", description = "CLAUDE_CODE_MAX_OUTPUT_TOKENS.")
    Integer maxOutputTokens;

    @Option(names = "--max-thinking-tokens", paramLabel = "N", description = "MAX_THINKING_TOKENS.")
    Integer maxThinkingTokens;

    @Option(names = "--vscode", description = "Also write the VS Code extension's settings (claudeCode.environmentVariables, disableLoginPrompt).")
    boolean vscode;

    @Option(names = "--preset", paramLabel = "FILE", description = "A team preset (JSON); flags override it.")
    Path preset;

    @Option(names = "--use-device-code", description = "Log in with the device-code flow.")
    boolean useDeviceCode;

    @Option(names = "--no-browser", description = "Do not open a browser for login.")
    boolean noBrowser;

    @Option(names = "--skip-login", description = "Do not log in.")
    boolean skipLogin;

    @Option(names = "--skip-probe", description = "Do not test-invoke the models.")
    boolean skipProbe;

    @Option(names = "--yes", description = "Non-interactive: never prompt; fail naming a missing answer.")
    boolean yes;

    @Option(names = "--dry-run", description = "Print what would change (a unified diff) and write nothing.")
    boolean dryRun;

    @Option(names = "--demo", description = "Run against the built-in AWS stand-in in a throw-away home.")
    boolean demo;

    /** Tests script the wizard's answers; everyone else gets the terminal. */
    static Prompter prompterOverride;

    private int wizard(CliContext ctx) {
        Terminal terminal = null;
        Prompter prompter = prompterOverride;
        try {
            if (prompter == null) {
                terminal = TerminalBuilder.builder().system(true).build();
                if (Terminal.TYPE_DUMB.equals(terminal.getType())) {
                    // a dumb terminal silently picks the first item: refuse, never guess
                    throw BedrockSetupException.usage("this terminal cannot show the wizard's lists",
                            "run non-interactively: bedrock-setup init --yes --profile P --region R --model ID");
                }
                prompter = new TerminalPrompter(terminal, ctx.style);
            }
            Wizard w = new Wizard(ctx.env, prompter, new AwsConfigService(ctx.env, ctx.applier()),
                    new SettingsService(ctx.env, ctx.applier()), LoginCommand.browser(ctx), projectDir,
                    ctx.selfCommand());
            w.run();
            return 0;
        } catch (Prompter.Cancelled c) {
            ctx.err.println();
            ctx.err.println("Cancelled: nothing was written.");
            return ExitCode.INTERRUPTED;
        } catch (java.io.IOException e) {
            throw BedrockSetupException.local("cannot open the terminal: " + e.getMessage(),
                    "run non-interactively: bedrock-setup init --yes ...", e);
        } finally {
            if (terminal != null) {
                try {
                    terminal.close();
                } catch (java.io.IOException ignored) {
                    // leaving anyway
                }
            }
        }
    }

    /** A preset's answers fill in what no flag gave; flags always win. */
    private void applyPreset() {
        if (preset == null) {
            return;
        }
        Preset p = Preset.read(preset);
        profile = profile != null ? profile : p.string("profile");
        ssoStartUrl = ssoStartUrl != null ? ssoStartUrl : p.string("sso-start-url");
        ssoRegion = ssoRegion != null ? ssoRegion : p.string("sso-region");
        ssoSession = ssoSession != null ? ssoSession : p.string("sso-session");
        accountId = accountId != null ? accountId : p.string("account-id");
        roleName = roleName != null ? roleName : p.string("role-name");
        region = region != null ? region : p.string("region");
        model = model != null ? model : p.string("model");
        opusModel = opusModel != null ? opusModel : p.string("opus-model");
        sonnetModel = sonnetModel != null ? sonnetModel : p.string("sonnet-model");
        haikuModel = haikuModel != null ? haikuModel : p.string("haiku-model");
        auth = auth != null ? auth : p.string("auth");
        credentials = credentials != null ? credentials : p.string("credentials");
        authRefresh = authRefresh != null ? authRefresh : p.string("auth-refresh");
        scope = scope != null ? scope : p.string("scope");
        maxOutputTokens = maxOutputTokens != null ? maxOutputTokens : p.number("max-output-tokens");
        maxThinkingTokens = maxThinkingTokens != null ? maxThinkingTokens : p.number("max-thinking-tokens");
        useDeviceCode = useDeviceCode || p.flag("use-device-code");
        noBrowser = noBrowser || p.flag("no-browser");
        skipLogin = skipLogin || p.flag("skip-login");
        skipProbe = skipProbe || p.flag("skip-probe");
        vscode = vscode || p.flag("vscode");
    }

    @Override
    public Integer call() {
        if (demo) {
            return demo();
        }
        return run(ctx());
    }

    /**
     * The whole of init against the built-in AWS stand-in, in a throw-away home: a demo IAM Identity Center portal
     * (device code approved by itself), one account, one role; nothing outside the temporary directory is touched.
     */
    private int demo() {
        CliContext ctx = ctx();
        java.nio.file.Path home;
        try {
            home = java.nio.file.Files.createTempDirectory("bedrock-setup-demo-");
        } catch (java.io.IOException e) {
            throw BedrockSetupException.local("cannot create a temporary home for the demo: " + e.getMessage(), null, e);
        }
        dev.bedrocksetup.standin.Scenario scenario = dev.bedrocksetup.standin.Scenario.demo(ctx.env.clock())
                .approveDeviceAfterPolls(1);
        try (dev.bedrocksetup.standin.StandInServer server = dev.bedrocksetup.standin.StandInServer.start(scenario)) {
            String base = server.baseUri().toString();
            java.util.Map<String, String> vars = new java.util.HashMap<>();
            for (String keep : new String[] {"PATH", "TERM", "LANG", "LC_ALL", "LC_CTYPE", "NO_COLOR"}) {
                if (ctx.env.get(keep) != null) {
                    vars.put(keep, ctx.env.get(keep));
                }
            }
            vars.put("HOME", home.toString());
            vars.put("BEDROCK_SETUP_MANAGED_SETTINGS", home.resolve("managed-settings.json").toString());
            for (String svc : new String[] {"SSO", "SSO_OIDC", "STS", "BEDROCK", "BEDROCK_RUNTIME"}) {
                vars.put("AWS_ENDPOINT_URL_" + svc, base);
            }
            dev.bedrocksetup.core.Environment demoEnv = new dev.bedrocksetup.core.Environment(vars, home, home,
                    dev.bedrocksetup.core.Environment.Os.LINUX, ctx.env.clock());
            ctx.err.println(ctx.style.bold("Demo") + ": a built-in AWS stand-in at " + base + " and a throw-away home "
                    + home + ". Use the start URL https://example.awsapps.com/start; the login approves itself.");
            if (yes) {
                if (ssoStartUrl == null && profile == null) {
                    ssoStartUrl = "https://example.awsapps.com/start";
                    ssoRegion = ssoRegion != null ? ssoRegion : "us-east-1";
                }
                region = region != null ? region : "us-west-2";
                model = model != null ? model : "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
                haikuModel = haikuModel != null ? haikuModel : "us.anthropic.claude-haiku-4-5-20251001-v1:0";
            }
            int code = run(ctx.withEnv(demoEnv));
            ctx.err.println("Demo files are in " + home + " (.aws/config, .claude/settings.json); nothing else was "
                    + "touched.");
            return code;
        }
    }

    private int run(CliContext ctx) {
        applyPreset();
        if (scope == null) {
            scope = "user";
        }
        rejectNotBuilt();
        if (!yes) {
            if (!ctx.interactive && prompterOverride == null) {
                throw BedrockSetupException.usage("init needs a terminal for its questions, and none is attached",
                        "run non-interactively: bedrock-setup init --yes --profile P --region R --model ID");
            }
            return wizard(ctx);
        }
        SettingsScope settingsScope = SettingsScope.fromLabel(scope);
        if (settingsScope == null) {
            throw BedrockSetupException.usage("--scope '" + scope + "' is not a settings scope",
                    "use user, project, local or managed");
        }
        BedrockSettings wanted = settingsFromFlags(ctx);
        if (auth != null) {
            wanted.apiKey = apiKey(ctx);
        } else {
            wanted.profile = profileStep(ctx);
        }
        SettingsService service = new SettingsService(ctx.env, ctx.applier());
        if (!skipProbe && !dryRun) {
            service.applyInit(settingsScope, projectDir, wanted, vscode, true); // a file we cannot edit fails first
            probe(ctx, wanted);
        }
        List<SettingsService.InitOutcome> outcomes = service.applyInit(settingsScope, projectDir, wanted, vscode,
                dryRun);
        boolean changed = false;
        for (SettingsService.InitOutcome outcome : outcomes) {
            for (String note : outcome.notes) {
                ctx.err.println(ctx.style.warn("note: ") + note);
            }
            changed |= !outcome.keyChanges.isEmpty();
        }
        if (!changed) {
            ctx.err.println(ctx.style.check() + " " + outcomes.get(0).change.path()
                    + " already has these settings; nothing to change.");
            return 0;
        }
        if (dryRun) {
            for (SettingsService.InitOutcome outcome : outcomes) {
                ctx.out.print(Secrets.redact(outcome.change.diff())); // an API key is shown masked, never whole
            }
            ctx.out.flush();
            ctx.err.println("Dry run: nothing was written. Run without --dry-run to apply.");
            return 0;
        }
        for (SettingsService.InitOutcome outcome : outcomes) {
            if (outcome.keyChanges.isEmpty()) {
                continue;
            }
            ctx.err.println(ctx.style.check() + " Updated " + outcome.change.path() + ":");
            for (Map<String, Object> c : outcome.keyChanges) {
                @SuppressWarnings("unchecked")
                List<String> key = (List<String>) c.get("path");
                Object before = c.get("before");
                Object after = c.get("after");
                String afterShown = c.containsKey("afterSha256") ? "(API key set)"
                        : brief(OwnedKeys.display(key, after));
                ctx.err.println("    " + String.join(".", key) + ": " + brief(OwnedKeys.display(key, before)) + " "
                        + ctx.style.arrow() + " " + afterShown);
            }
        }
        ctx.err.println();
        ctx.err.println("Restart Claude Code for the change to take effect.");
        if (!demo) {
            ctx.err.println("Undo: bedrock-setup reset" + (settingsScope == SettingsScope.USER ? "" : " --scope "
                    + settingsScope.label()));
        }
        return 0;
    }

    private static String brief(String s) {
        String one = s.replaceAll("\\s*\n\\s*", " ");
        return one.length() > 100 ? one.substring(0, 97) + "..." : one;
    }

    private static String show(Object raw) {
        return raw == null || raw == JsonNode.NULL ? "(absent)" : raw.toString();
    }

    private void rejectNotBuilt() {
        if (ssoStartUrl == null && (ssoRegion != null || ssoSession != null || accountId != null || roleName != null)) {
            throw BedrockSetupException.usage("--sso-region, --sso-session, --account-id and --role-name create a "
                    + "profile and need --sso-start-url", "add --sso-start-url https://example.awsapps.com/start, "
                    + "or use an existing profile with --profile alone");
        }
        if (auth != null && !"bedrock-api-key".equals(auth)) {
            throw BedrockSetupException.usage("--auth '" + Secrets.redact(auth) + "' is not an authentication mode",
                    "use --auth bedrock-api-key (the key comes from AWS_BEARER_TOKEN_BEDROCK or stdin), or --profile P");
        }
    }

    /**
     * The AWS profile Claude Code will use: created (with --sso-start-url, logging in to discover account and role
     * when they are not given) or an existing one, which must exist.
     */
    private String profileStep(CliContext ctx) {
        AwsConfigService config = new AwsConfigService(ctx.env, ctx.applier());
        if (ssoStartUrl != null) {
            SsoProfileSetup.Answers a = new SsoProfileSetup.Answers();
            a.profile = profile;
            a.startUrl = ssoStartUrl;
            a.ssoRegion = ssoRegion;
            a.sessionName = ssoSession;
            a.accountId = accountId;
            a.roleName = roleName;
            a.region = region;
            a.skipLogin = skipLogin;
            a.deviceCode = useDeviceCode;
            a.noBrowser = noBrowser;
            AwsConfigEdit edit = new SsoProfileSetup(ctx.env, config, msg -> {
                ctx.err.println(msg);
                ctx.err.flush();
            }, LoginCommand.browser(ctx), ctx.interactive ? Duration.ofMinutes(10) : Duration.ofSeconds(170))
                    .run(a, dryRun);
            if (dryRun) {
                ctx.out.print(edit.change().diff());
            } else if (edit.changesAnything()) {
                ctx.err.println(ctx.style.check() + " Profile " + a.profile + " written to " + edit.path());
            }
            return a.profile;
        }
        ProfileSummary found = null;
        for (ProfileSummary p : config.listProfiles()) {
            if (p.name().equals(profile)) {
                found = p;
            }
        }
        if (found == null && "managed".equals(scope)) {
            // machine-wide settings name a profile that lives in each user's own ~/.aws/config
            ctx.err.println(ctx.style.warn("note: ") + "there is no profile '" + profile + "' in "
                    + config.locations().configFile() + "; managed settings apply to every user, each of whom needs it");
            return profile;
        }
        if (found == null) {
            throw BedrockSetupException.usage("there is no AWS profile '" + profile + "'",
                    "create it: add --sso-start-url URL --sso-region R (an IAM Identity Center profile), or check the "
                            + "name in " + config.locations().configFile());
        }
        for (String problem : found.problems()) {
            ctx.err.println(ctx.style.warn("warning: ") + "profile " + profile + ": " + problem);
        }
        if (found.kind() == ProfileKind.LEGACY_SSO) {
            ctx.err.println(ctx.style.warn("note: ") + "profile " + profile + " is a legacy SSO profile: its login lasts "
                    + "about 8 hours and cannot renew itself; an [sso-session] profile can");
        }
        if (found.kind() == ProfileKind.STATIC_KEYS && "export".equals(credentials)) {
            // export-credentials prints long-term keys without a SessionToken, which Claude Code rejects from
            // awsCredentialExport (decision 0016): the setup would not work
            throw BedrockSetupException.usage("profile " + profile + " has long-term keys, and Claude Code takes only "
                    + "temporary credentials (with a SessionToken) from awsCredentialExport",
                    "use --credentials env (the default) for this profile");
        }
        return profile;
    }

    /**
     * Test-invokes the chosen models (one token each, streaming, as Claude Code calls them) before anything is written
     * to Claude Code's settings. A model that fails stops init (exit 4); when no credentials can be had yet (not
     * logged in, managed settings written by an administrator) the test is skipped, and that is said.
     */
    private void probe(CliContext ctx, BedrockSettings wanted) {
        if ("managed".equals(scope)) {
            ctx.err.println(ctx.style.warn("note: ") + "models not tested: managed settings are for other users' "
                    + "credentials (each can run: bedrock-setup verify)");
            return;
        }
        List<String> models = new java.util.ArrayList<>();
        for (String m : new String[] {wanted.model, wanted.opusModel, wanted.sonnetModel, wanted.haikuModel}) {
            if (m != null && !models.contains(m) && !dev.bedrocksetup.bedrock.ModelIds.ALIASES.contains(m)) {
                models.add(m);
            }
        }
        if (models.isEmpty()) {
            return;
        }
        dev.bedrocksetup.aws.AwsClients.Builder b = dev.bedrocksetup.aws.AwsClients.builder(ctx.env).region(region)
                .settings(dev.bedrocksetup.aws.ClientSettings.defaults().withMaxAttempts(1)
                        .withCallTimeout(Duration.ofSeconds(15)));
        if (wanted.apiKey != null) {
            b.bedrockApiKey(wanted.apiKey);
        } else {
            try {
                b.credentials(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        new dev.bedrocksetup.aws.ProfileCredentials(ctx.env).resolve(wanted.profile).credentials()));
            } catch (BedrockSetupException e) {
                ctx.err.println(ctx.style.warn("note: ") + "models not tested: " + e.getMessage()
                        + (e.fix() == null ? "" : " (" + e.fix() + ")"));
                return;
            }
        }
        List<dev.bedrocksetup.bedrock.AccessFinding> results;
        try (dev.bedrocksetup.aws.AwsClients clients = b.build()) {
            ctx.err.println("Testing " + String.join(", ", models) + " in " + region + " ...");
            results = new dev.bedrocksetup.bedrock.AccessProbe(clients.bedrockRuntimeAsync(),
                    new dev.bedrocksetup.bedrock.AwsErrorClassifier(region, wanted.profile), Duration.ofSeconds(15))
                    .probe(models);
        }
        for (String line : dev.bedrocksetup.bedrock.AccessFinding.describe(results, ctx.style.check(),
                ctx.style.cross())) {
            ctx.err.println("  " + line);
        }
        if (!results.stream().allMatch(dev.bedrocksetup.bedrock.AccessFinding::ok)) {
            throw BedrockSetupException.aws("a chosen model does not answer, so Claude Code's settings were not "
                    + "written", "fix what is shown above, or pin other models; --skip-probe writes them untested",
                    null);
        }
    }

    /**
     * The Bedrock API key: from AWS_BEARER_TOKEN_BEDROCK, else the first line of stdin when it is not a terminal.
     * Never from the command line, where it would land in shell history and process lists.
     */
    private String apiKey(CliContext ctx) {
        String key = ctx.env.nonBlank("AWS_BEARER_TOKEN_BEDROCK");
        if (key == null && !ctx.interactive) {
            try {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(ctx.in,
                        java.nio.charset.StandardCharsets.UTF_8)).readLine();
                key = line == null || line.isBlank() ? null : line.trim();
            } catch (java.io.IOException e) {
                key = null;
            }
        }
        if (key == null) {
            throw BedrockSetupException.usage("--auth bedrock-api-key needs the key, and none was given",
                    "export AWS_BEARER_TOKEN_BEDROCK=<key> first, or pipe the key on stdin");
        }
        boolean shortTerm = key.startsWith("bedrock-api-key-");
        if (!(key.startsWith("ABSK") || shortTerm) || key.length() < 20 || key.matches(".*\\s.*")) {
            throw BedrockSetupException.usage("that is not a Bedrock API key (they start with ABSK, or with "
                    + "bedrock-api-key- for short-term keys)", "create one in the Bedrock console under API keys");
        }
        if (shortTerm) {
            ctx.err.println(ctx.style.warn("note: ") + "a short-term Bedrock API key lasts at most 12 hours and works "
                    + "only in the region it was made for");
        }
        return key;
    }

    private BedrockSettings settingsFromFlags(CliContext ctx) {
        if (profile == null && ssoStartUrl == null && auth == null) {
            throw BedrockSetupException.usage("--yes needs --profile (the AWS profile Claude Code should use)",
                    "add --profile NAME, or create one with --sso-start-url URL --sso-region R");
        }
        if (profile != null && !PROFILE_NAME.matcher(profile).matches()) {
            throw BedrockSetupException.usage("--profile '" + profile + "' is not a profile name every AWS tool reads",
                    "use letters, digits, '-', '_' and '.' only");
        }
        if (region == null) {
            throw BedrockSetupException.usage("--yes needs --region (the Bedrock region)",
                    "add --region, for example --region us-west-2");
        }
        RegionNames.require("--region", region);
        if (model == null) {
            throw BedrockSetupException.usage("--yes needs --model (the primary model)",
                    "add --model, for example --model " + RegionNames.geographyPrefix(region)
                            + ".anthropic.claude-sonnet-4-5-20250929-v1:0");
        }
        BedrockSettings s = new BedrockSettings();
        s.region = region;
        s.model = ModelIds.require("--model", model, region, true);
        s.opusModel = opusModel == null ? null : ModelIds.require("--opus-model", opusModel, region, false);
        s.sonnetModel = sonnetModel == null ? null : ModelIds.require("--sonnet-model", sonnetModel, region, false);
        s.haikuModel = haikuModel == null ? null : ModelIds.require("--haiku-model", haikuModel, region, false);
        if (credentials != null) {
            switch (credentials) {
                case "env":
                    s.credentials = BedrockSettings.CredentialsMode.ENV;
                    break;
                case "export":
                    s.credentials = BedrockSettings.CredentialsMode.EXPORT;
                    break;
                default:
                    throw BedrockSetupException.usage("--credentials '" + credentials + "' is not a mode",
                            "use --credentials env or --credentials export");
            }
        }
        if (authRefresh != null) {
            switch (authRefresh) {
                case "login":
                    s.authRefresh = BedrockSettings.AuthRefresh.LOGIN;
                    break;
                case "aws-cli":
                    s.authRefresh = BedrockSettings.AuthRefresh.AWS_CLI;
                    break;
                case "none":
                    s.authRefresh = BedrockSettings.AuthRefresh.NONE;
                    break;
                default:
                    throw BedrockSetupException.usage("--auth-refresh '" + authRefresh + "' is not a mode",
                            "use login, aws-cli or none");
            }
        }
        if (maxOutputTokens != null && maxOutputTokens <= 0) {
            throw BedrockSetupException.usage("--max-output-tokens must be a positive number", "for example 32000");
        }
        if (maxThinkingTokens != null && maxThinkingTokens <= 0) {
            throw BedrockSetupException.usage("--max-thinking-tokens must be a positive number", "for example 8000");
        }
        if (maxOutputTokens != null && maxThinkingTokens != null && maxThinkingTokens >= maxOutputTokens) {
            throw BedrockSetupException.usage("--max-thinking-tokens must be below --max-output-tokens "
                    + "(\"max_tokens must be greater than thinking.budget_tokens\")",
                    "lower --max-thinking-tokens or raise --max-output-tokens");
        }
        if (maxOutputTokens != null && maxOutputTokens <= 4096) {
            ctx.err.println(ctx.style.warn("warning: ") + "--max-output-tokens " + maxOutputTokens
                    + " truncates answers of current models; 32000 or more is usual");
        }
        s.maxOutputTokens = maxOutputTokens;
        s.maxThinkingTokens = maxThinkingTokens;
        s.selfCommand = ctx.selfCommand();
        return s;
    }
}
