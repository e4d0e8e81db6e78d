package dev.bedrocksetup.cli;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.awsconfig.AccessKeyInput;
import dev.bedrocksetup.awsconfig.AwsConfigEdit;
import dev.bedrocksetup.awsconfig.AwsFileKind;
import dev.bedrocksetup.awsconfig.StaticKeysEditor;
import dev.bedrocksetup.awsconfig.StaticKeysRequest;
import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.awsconfig.ProfileKind;
import dev.bedrocksetup.awsconfig.ProfileSummary;
import dev.bedrocksetup.awsconfig.SsoInputValidation;
import dev.bedrocksetup.bedrock.AccessFinding;
import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.ModelProbe;
import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.claude.OwnedKeys;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.setup.AccessKeyCheck;
import dev.bedrocksetup.setup.Answer;
import dev.bedrocksetup.setup.ModelPolicyAnswers;
import dev.bedrocksetup.setup.SetupInForce;
import dev.bedrocksetup.setup.NextSteps;
import dev.bedrocksetup.setup.SetupRequest;
import dev.bedrocksetup.setup.SsoProfileSetup;
import dev.bedrocksetup.setup.SurfaceAnswers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * `init --yes`: the setup request as it stands, never a question. A missing answer (no flag, preset or setup in force
 * gives it) is exit 2 naming the flag; the models are tested before Claude Code's settings are written; the profile
 * written for the setup is taken back when the settings cannot be written after it.
 */
final class InitNonInteractive {
    private final CliContext ctx;
    private final SetupRequest request;
    private final Path projectDir;
    private final boolean dryRun;
    private final String scope;
    /** The profile this run wrote to ~/.aws/config: taken back when the settings cannot be written after it. */
    private AwsConfigEdit profileWritten;

    InitNonInteractive(CliContext ctx, SetupRequest request, Path projectDir, boolean dryRun) {
        this.ctx = ctx;
        this.request = request;
        this.projectDir = projectDir;
        this.dryRun = dryRun;
        this.scope = request.string("scope").value();
    }

    int run() {
        SettingsScope settingsScope = SettingsScope.fromLabel(scope);
        if (settingsScope == null) {
            throw BedrockSetupException.usage("--scope " + TerminalText.quote(scope) + " is not a settings scope",
                    "use user, project, local or managed");
        }
        String fragment = ModelPolicyAnswers.requireManagedOnly(request, settingsScope);
        String using = SetupInForce.usingLine(request.string("profile"), request.string("region"));
        if (using != null && !using.contains(" from preset ")) {
            ctx.err.println(using);
        }
        BedrockSettings wanted = settings();
        if (request.string("auth").answered()) {
            wanted.apiKey = apiKey();
        } else {
            wanted.profile = profile();
        }
        boolean vscode = request.flag("vscode");
        ModelPolicyAnswers.apply(request, wanted);
        SettingsService service = new SettingsService(ctx.env, ctx.applier()).withManagedFragment(fragment);
        AwsConfigService aws = new AwsConfigService(ctx.env, ctx.applier());
        if (!request.flag("skip-probe") && !dryRun) {
            // a profile written for a setup whose models do not answer is taken back: a re-run starts clean
            aws.takeBackIfFails(profileWritten, () -> {
                service.applyInit(settingsScope, projectDir, wanted, vscode, true); // a file we cannot edit fails first
                probe(wanted); // also when nothing changes: a re-run checks that the setup still answers
                return null;
            });
        }
        List<SettingsService.InitOutcome> outcomes = aws.takeBackIfFails(
                profileWritten, () -> service.applyInit(settingsScope, projectDir, wanted, vscode, dryRun));
        for (SettingsService.InitOutcome outcome : outcomes) {
            for (String note : outcome.notes) {
                ctx.err.println(ctx.style.warn("note: ") + note);
            }
        }
        if (!changes(outcomes)) {
            ctx.err.println(ctx.style.check() + " " + outcomes.get(0).change.path()
                    + " already has these settings; nothing to change.");
            return 0;
        }
        if (dryRun) {
            for (SettingsService.InitOutcome outcome : outcomes) {
                ctx.out.print(ctx.style.diff(Secrets.redact(outcome.change.diff()))); // an API key is shown masked, never whole
            }
            ctx.out.flush();
            ctx.err.println("Dry run: nothing was written. Run without --dry-run to apply.");
            return 0;
        }
        report(outcomes);
        ctx.err.println();
        ctx.err.println("Restart Claude Code for the change to take effect.");
        NextSteps.lines(ctx.env, (settingsScope == SettingsScope.USER ? "" : " --scope " + settingsScope.label())
                + (profileWritten != null ? " --remove-profile" : "")).forEach(ctx.err::println);
        return 0;
    }

    private static boolean changes(List<SettingsService.InitOutcome> outcomes) {
        return outcomes.stream().anyMatch(o -> !o.keyChanges.isEmpty());
    }

    private void report(List<SettingsService.InitOutcome> outcomes) {
        for (SettingsService.InitOutcome outcome : outcomes) {
            if (outcome.keyChanges.isEmpty()) {
                continue;
            }
            ctx.err.println(ctx.style.check() + " Updated " + outcome.change.path() + ":");
            for (Map<String, Object> c : outcome.keyChanges) {
                @SuppressWarnings("unchecked")
                List<String> key = (List<String>) c.get("path");
                String afterShown = c.containsKey("afterSha256") ? "(API key set)"
                        : brief(OwnedKeys.display(key, c.get("after")));
                ctx.err.println("    " + String.join(".", key) + ": "
                        + brief(Secrets.redact(OwnedKeys.display(key, c.get("before")))) + " " + ctx.style.arrow() + " "
                        + afterShown);
            }
        }
    }

    private static String brief(String s) {
        String one = s.replaceAll("\\s*\n\\s*", " ");
        return one.length() > 100 ? one.substring(0, 97) + "..." : one;
    }

    private String text(String key) {
        return request.string(key).value();
    }

    /**
     * The AWS profile Claude Code will use: created (with --sso-start-url, logging in to discover account and role
     * when they are not given) or an existing one, which must exist.
     */
    private String profile() {
        AwsConfigService config = new AwsConfigService(ctx.env, ctx.applier());
        String profile = text("profile");
        if (request.string("sso-start-url").answered()) {
            return newSsoProfile(config);
        }
        if (request.string("access-key-id").answered()) {
            return newAccessKeyProfile(config);
        }
        ProfileSummary found = config.listEditableProfiles().stream().filter(p -> p.name().equals(profile)).findFirst()
                .orElse(null);
        if (found == null && "managed".equals(scope)) {
            // machine-wide settings name a profile that lives in each user's own ~/.aws/config
            ctx.err.println(ctx.style.warn("note: ") + "there is no profile '" + profile + "' in "
                    + config.locations().configFile() + "; managed settings apply to every user, each of whom needs it");
            return profile;
        }
        if (found == null) {
            throw BedrockSetupException.usage("there is no AWS profile " + TerminalText.quote(profile),
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
        if (found.kind() == ProfileKind.STATIC_KEYS && "export".equals(text("credentials"))) {
            // export-credentials prints long-term keys without a SessionToken, which Claude Code rejects from
            // awsCredentialExport (decision 0016): the setup would not work
            throw BedrockSetupException.usage("profile " + profile + " has long-term keys, and Claude Code takes only "
                    + "temporary credentials (with a SessionToken) from awsCredentialExport",
                    "use --credentials env (the default) for this profile");
        }
        return profile;
    }

    private String newSsoProfile(AwsConfigService config) {
        String unfamiliar = SsoInputValidation.unfamiliarPortal(SsoInputValidation.startUrl(text("sso-start-url")));
        if (unfamiliar != null) {
            // --yes has been given: a warning, not a question (docs/decisions/0014)
            ctx.err.println(ctx.style.warn("warning: ") + unfamiliar);
        }
        SsoProfileSetup.Answers a = SsoProfileSetup.Answers.from(request);
        AwsConfigEdit edit;
        try (CancelNotice n = CancelNotice.during(ctx, "nothing was written.")) {
            edit = profileWritten = new SsoProfileSetup(ctx.env, config, msg -> {
                ctx.err.println(msg);
                ctx.err.flush();
            }, ctx.browser(), ctx.interactive ? Duration.ofMinutes(10) : Duration.ofSeconds(170)).run(a, dryRun);
        }
        if (dryRun) {
            ctx.out.print(ctx.style.diff(Secrets.redact(edit.change().diff())));
        } else if (edit.changesAnything()) {
            ctx.err.println(ctx.style.check() + " Profile " + a.profile + " written to " + edit.path());
        }
        return a.profile;
    }

    /**
     * A new profile with an IAM user's keys: the key ID from --access-key-id, the secret from stdin (never from the
     * command line), checked with STS before both files are written; the profile must not exist yet.
     */
    private String newAccessKeyProfile(AwsConfigService config) {
        String profile = text("profile");
        if ("export".equals(text("credentials"))) {
            throw BedrockSetupException.usage("an IAM user's keys are long-term, and Claude Code takes only temporary "
                    + "credentials (with a SessionToken) from awsCredentialExport", "drop --credentials export; "
                    + "Claude Code reads the new profile through AWS_PROFILE");
        }
        if (!request.flag("secret-access-key-stdin")) {
            throw BedrockSetupException.usage("--access-key-id needs its secret, and --yes does not ask for it",
                    "pipe it: printf '%s\\n' \"$SECRET\" | bedrock-setup init --yes ... --secret-access-key-stdin");
        }
        StaticKeysRequest keys = new StaticKeysRequest(profile, AccessKeyInput.keyId(text("access-key-id"),
                "--access-key-id"), AccessKeyInput.secret(secretFromStdin(), "the secret on stdin"), text("region"))
                .validated();
        String taken = StaticKeysEditor.takenIn(profile, config.read(AwsFileKind.CONFIG),
                config.read(AwsFileKind.CREDENTIALS));
        if (taken != null) {
            throw BedrockSetupException.usage("profile '" + profile + "' already exists in " + taken
                    + "; bedrock-setup does not replace existing keys", "choose another name with --profile");
        }
        AccessKeyCheck.Identity id = AccessKeyCheck.identity(ctx.env, keys.accessKeyId(), keys.secretAccessKey(),
                keys.region());
        ctx.err.println(ctx.style.check() + " Identity: " + id.shown());
        String modeNote = config.credentialsModeNote();
        List<AwsConfigEdit> edits = config.createStaticKeysProfile(keys, dryRun);
        if (dryRun) {
            edits.forEach(e -> ctx.out.print(e.maskedDiff()));
        } else {
            profileWritten = edits.get(0);
            if (modeNote != null) {
                ctx.err.println(ctx.style.warn("note: ") + modeNote);
            }
            ctx.err.println(ctx.style.check() + " Profile " + profile + " written to " + edits.get(1).path()
                    + " (keys in " + edits.get(0).path() + ")");
        }
        return profile;
    }

    /** One line of stdin, without its line break; empty or absent: exit 2. */
    private String secretFromStdin() {
        if (ctx.interactive) {
            throw BedrockSetupException.usage("--secret-access-key-stdin reads a pipe, and stdin is a terminal",
                    "pipe the secret: printf '%s\\n' \"$SECRET\" | bedrock-setup init ..., or run init without --yes "
                            + "to type it masked");
        }
        String line;
        try {
            line = new BufferedReader(new InputStreamReader(ctx.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            line = null;
        }
        if (line == null || line.strip().isEmpty()) {
            throw BedrockSetupException.usage("--secret-access-key-stdin read no secret (stdin was empty)",
                    "pipe the secret as one line: printf '%s\\n' \"$SECRET\" | bedrock-setup init ...");
        }
        return line.strip();
    }

    /**
     * Test-invokes the chosen models (one token each, streaming, as Claude Code calls them) before anything is written
     * to Claude Code's settings. A model that fails stops init (exit 4); when no credentials can be had yet (not
     * logged in, managed settings written by an administrator) the test is skipped, and that is said.
     */
    private void probe(BedrockSettings wanted) {
        if ("managed".equals(scope)) {
            ctx.err.println(ctx.style.warn("note: ") + "models not tested: managed settings are for other users' "
                    + "credentials (each can run: bedrock-setup verify)");
            return;
        }
        List<String> models = ModelProbe.worthCalling(wanted.model, wanted.opusModel, wanted.sonnetModel,
                wanted.haikuModel, wanted.fableModel, wanted.defaultModel);
        if (models.isEmpty()) {
            return;
        }
        StaticCredentialsProvider credentials = null;
        if (wanted.apiKey == null) {
            try {
                credentials = StaticCredentialsProvider.create(new ProfileCredentials(ctx.env).resolve(wanted.profile)
                        .credentials());
            } catch (BedrockSetupException e) {
                ctx.err.println(ctx.style.warn("note: ") + "models not tested: " + e.getMessage()
                        + (e.fix() == null ? "" : " (" + e.fix() + ")"));
                return;
            }
        }
        List<AccessFinding> results;
        try (AwsClients clients = ModelProbe.clients(ctx.env, wanted.region, credentials, wanted.apiKey)) {
            ctx.err.println("Testing " + String.join(", ", models) + " in " + wanted.region + " ...");
            try (var wait = ctx.waiting("testing")) {
                results = ModelProbe.probe(clients, wanted.region, wanted.profile, models);
            }
        }
        for (String line : AccessFinding.describe(results, ctx.style.check(), ctx.style.cross())) {
            ctx.err.println("  " + line);
        }
        if (!results.stream().allMatch(AccessFinding::ok)) {
            throw BedrockSetupException.aws("a chosen model does not answer, so Claude Code's settings were not "
                    + "written", "fix what is shown above, or pin other models; --skip-probe writes them untested",
                    null);
        }
    }

    /**
     * The Bedrock API key: from AWS_BEARER_TOKEN_BEDROCK, else the first line of stdin when it is not a terminal.
     * Never from the command line, where it would land in shell history and process lists.
     */
    private String apiKey() {
        String key = ctx.env.nonBlank("AWS_BEARER_TOKEN_BEDROCK");
        if (key == null && !ctx.interactive) {
            try {
                String line = new BufferedReader(new InputStreamReader(ctx.in, StandardCharsets.UTF_8)).readLine();
                key = line == null || line.isBlank() ? null : line.trim();
            } catch (IOException e) {
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

    /** The settings the request names; exit 2 naming the first answer no source gives. */
    private BedrockSettings settings() {
        String profile = text("profile");
        if (profile == null && !request.string("sso-start-url").answered() && !request.string("auth").answered()) {
            throw BedrockSetupException.usage("--yes needs --profile (the AWS profile Claude Code should use)",
                    "add --profile NAME, or create one with --sso-start-url URL --sso-region R");
        }
        if (profile != null) {
            SsoInputValidation.profileName(profile);
        }
        String region = text("region");
        if (region == null) {
            throw BedrockSetupException.usage("--yes needs --region (the Bedrock region)",
                    "add --region, for example --region us-west-2");
        }
        RegionNames.require("--region", region);
        if (text("model") == null) {
            throw BedrockSetupException.usage("--yes needs --model (the primary model)",
                    "add --model, for example --model " + RegionNames.geographyPrefix(region)
                            + ".anthropic.claude-sonnet-4-5-20250929-v1:0");
        }
        BedrockSettings s = new BedrockSettings();
        s.region = region;
        s.model = ModelIds.require("--model", text("model"), region, true);
        s.opusModel = pin("opus-model", region);
        s.sonnetModel = pin("sonnet-model", region);
        s.haikuModel = pin("haiku-model", region);
        SurfaceAnswers.apply(request, s, w -> ctx.err.println(ctx.style.warn("warning: ") + w));
        String credentials = text("credentials");
        if (credentials != null) {
            s.credentials = SetupRequest.credentialsMode(credentials);
            if (s.credentials == null) {
                throw BedrockSetupException.usage("--credentials " + TerminalText.quote(credentials) + " is not a mode",
                        "use --credentials env or --credentials export");
            }
        }
        String refresh = text("auth-refresh");
        if (refresh != null) {
            s.authRefresh = SetupRequest.authRefresh(refresh);
            if (s.authRefresh == null) {
                throw BedrockSetupException.usage("--auth-refresh " + TerminalText.quote(refresh) + " is not a mode",
                        "use login, aws-cli or none");
            }
        }
        Integer maxOutput = request.number("max-output-tokens").value();
        Integer maxThinking = request.number("max-thinking-tokens").value();
        if (maxOutput != null && maxOutput <= 0) {
            throw BedrockSetupException.usage("--max-output-tokens must be a positive number", "for example 32000");
        }
        if (maxThinking != null && maxThinking <= 0) {
            throw BedrockSetupException.usage("--max-thinking-tokens must be a positive number", "for example 8000");
        }
        if (maxOutput != null && maxThinking != null && maxThinking >= maxOutput) {
            throw BedrockSetupException.usage("--max-thinking-tokens must be below --max-output-tokens "
                    + "(\"max_tokens must be greater than thinking.budget_tokens\")",
                    "lower --max-thinking-tokens or raise --max-output-tokens");
        }
        if (maxOutput != null && maxOutput <= 4096) {
            ctx.err.println(ctx.style.warn("warning: ") + "--max-output-tokens " + maxOutput
                    + " truncates answers of current models; 32000 or more is usual");
        }
        s.maxOutputTokens = maxOutput;
        s.maxThinkingTokens = maxThinking;
        s.selfCommand = ctx.selfCommand();
        return s;
    }

    private String pin(String key, String region) {
        Answer<String> a = request.string(key);
        return a.answered() ? ModelIds.require("--" + key, a.value(), region, false) : null;
    }
}
