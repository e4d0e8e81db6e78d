package dev.bedrocksetup.cli;

import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.setup.SetupInForce;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.setup.ModelPolicyAnswers;
import dev.bedrocksetup.setup.PresetSource;
import dev.bedrocksetup.setup.SetupRequest;
import dev.bedrocksetup.wizard.Prompter;
import dev.bedrocksetup.wizard.Wizard;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = InitCommand.NAME, aliases = InitCommand.ALIAS, mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "bedrock-setup init [OPTIONS]",
        description = {"Set up Claude Code on Amazon Bedrock.", "",
            "Asks for the AWS profile, region and models (a flag or --preset answers its question), tests the "
                + "models, shows the diff and writes it; --yes never asks, --dry-run writes nothing; undo: "
                + "bedrock-setup reset."},
        footerHeading = "%nExamples:%n",
        footer = {"  bedrock-setup init",
            "      Ask every question, on a terminal.",
            "  bedrock-setup init --yes --profile dev --region us-east-1 \\",
            "      --model us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "      No questions: every answer from a flag (a missing one is named).",
            "  bedrock-setup init --yes --preset team.json",
            "      A team's answers from a preset file; flags override it.",
            "  bedrock-setup init --dry-run",
            "      Show the diff of what would change, and write nothing.",
            "  bedrock-setup init --demo",
            "      Try it against a built-in AWS stand-in in a throw-away home."})
final class InitCommand extends BaseCommand {
    static final String NAME = "init";
    static final String ALIAS = "setup";

    /** Whether the first argument names this command. */
    static boolean named(String arg) {
        return NAME.equals(arg) || ALIAS.equals(arg);
    }

    @Mixin
    ProfileOption profile;

    @Mixin
    RegionOption region;

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

    @Option(names = "--access-key-id", paramLabel = "AKIA...", description = "Create --profile with an IAM user's "
            + "access key (the secret from --secret-access-key-stdin); IAM Identity Center is the better choice where "
            + "available.")
    String accessKeyId;

    @Option(names = "--secret-access-key-stdin", description = "Read the secret access key of --access-key-id from "
            + "stdin (one line). No option takes the secret itself: command lines end up in shell history.")
    boolean secretAccessKeyStdin;

    /** Refused, and its value never shown: a secret on the command line is in shell history and process lists. */
    @Option(names = "--secret-access-key", hidden = true, arity = "0..1", paramLabel = "REFUSED")
    String secretOnCommandLine;

    @Option(names = "--model", paramLabel = "ID", description = "Primary model (ANTHROPIC_MODEL): inference profile ID, ARN or alias.")
    String model;

    @Option(names = "--opus-model", paramLabel = "ID", description = "Opus tier pin (ANTHROPIC_DEFAULT_OPUS_MODEL).")
    String opusModel;

    @Option(names = "--sonnet-model", paramLabel = "ID", description = "Sonnet tier pin (ANTHROPIC_DEFAULT_SONNET_MODEL).")
    String sonnetModel;

    @Option(names = "--haiku-model", paramLabel = "ID", description = "Haiku tier pin (ANTHROPIC_DEFAULT_HAIKU_MODEL).")
    String haikuModel;

    @Option(names = "--fable-model", paramLabel = "ID", description = "Fable tier pin (ANTHROPIC_DEFAULT_FABLE_MODEL): "
            + "what --model fable and /model fable use.")
    String fableModel;

    @Option(names = "--default-model", paramLabel = "ID", description = "The model a new session starts on when "
            + "ANTHROPIC_MODEL and the settings' model are unset (ANTHROPIC_DEFAULT_MODEL).")
    String defaultModel;

    @Option(names = "--region-prefix", paramLabel = "PREFIX", completionCandidates = CompletionValues.RegionPrefixes.class,
            description = "Inference-profile prefix for the models Claude Code picks itself "
                    + "(ANTHROPIC_BEDROCK_REGION_PREFIX): ${COMPLETION-CANDIDATES}; not in GovCloud.")
    String regionPrefix;

    @Option(names = "--service-tier", paramLabel = "TIER", completionCandidates = CompletionValues.ServiceTiers.class,
            description = "Bedrock service tier sent with every model call (ANTHROPIC_BEDROCK_SERVICE_TIER): "
                    + "${COMPLETION-CANDIDATES}.")
    String serviceTier;

    @Option(names = "--prompt-caching", paramLabel = "1h|5m|off",
            completionCandidates = CompletionValues.PromptCachingModes.class,
            description = "Prompt cache lifetime: 1h (ENABLE_PROMPT_CACHING_1H), 5m (FORCE_PROMPT_CACHING_5M) or off "
                    + "(DISABLE_PROMPT_CACHING).")
    String promptCaching;

    @Option(names = "--scrub-subprocess-env", description = "Keep AWS credentials out of the tools Claude Code runs "
            + "(CLAUDE_CODE_SUBPROCESS_ENV_SCRUB=1); matters with --credentials env, where AWS_PROFILE is in their "
            + "environment.")
    boolean scrubSubprocessEnv;

    @Option(names = "--skip-aws-cred-cache", description = "Claude Code resolves the AWS credentials afresh for every "
            + "call instead of caching them (CLAUDE_CODE_SKIP_AWS_CRED_CACHE=1).")
    boolean skipAwsCredCache;

    @Option(names = "--aws-chain-timeout-ms", paramLabel = "MS", description = "How long Claude Code waits for the AWS "
            + "credential chain (CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS; its default 60000).")
    Integer awsChainTimeoutMs;

    @Option(names = "--no-auth-refresh-lock", description = "Run awsAuthRefresh without Claude Code's lock between "
            + "its sessions (CLAUDE_CODE_DISABLE_AUTH_REFRESH_LOCK=1).")
    boolean noAuthRefreshLock;

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

    // managed policy (issue 18): a fragment of its own, and the models people may use
    @Option(names = "--managed-fragment", paramLabel = "NAME", description = "With --scope managed: the drop-in "
            + "fragment to write in managed-settings.d/ (default: 50-bedrock-setup.json).")
    String managedFragment;

    @Option(names = "--allow-model", paramLabel = "ID", split = ",", description = "With --scope managed: a model "
            + "people may use (availableModels: an alias such as sonnet, a model ID or its start such as us.anthropic.claude-sonnet-4-5); repeatable.")
    java.util.List<String> allowModels;

    @Option(names = "--enforce-models", description = "With --allow-model: the default model must be allowed too "
            + "(enforceAvailableModels).")
    boolean enforceModels;

    @Option(names = "--max-output-tokens", paramLabel = "N", description = "CLAUDE_CODE_MAX_OUTPUT_TOKENS.")
    Integer maxOutputTokens;

    @Option(names = "--max-thinking-tokens", paramLabel = "N", description = "MAX_THINKING_TOKENS.")
    Integer maxThinkingTokens;

    @Option(names = "--vscode", description = "Also write the VS Code extension's settings (claudeCode.environmentVariables, disableLoginPrompt).")
    boolean vscode;

    @Option(names = "--preset", paramLabel = "FILE|URL", description = "A team preset (JSON): a file, or an https:// "
            + "URL with an optional #sha256=HEX pin; flags override it.")
    java.io.File preset; // a File so that shells complete file names; read as typed, see presetArgument()

    @Mixin
    LoginOptions login;

    @Option(names = "--skip-login", description = "Do not log in.")
    boolean skipLogin;

    @Option(names = "--skip-probe", description = "Do not test-invoke the models.")
    boolean skipProbe;

    @Mixin
    ProjectDirOption project;

    @Mixin
    ApplyOptions apply;

    @Option(names = "--demo", description = "Run against the built-in AWS stand-in in a throw-away home.")
    boolean demo;

    @Spec
    CommandSpec spec;

    /** Options that belong to this run, not to the setup asked for (they have no preset key either). */
    private static final Set<String> NOT_ANSWERS = Set.of("preset", "yes", "dry-run", "demo", "project-dir", "help",
            "version", "secret-access-key");

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        if (spec.commandLine().getParseResult().hasMatchedOption("--secret-access-key")) {
            throw BedrockSetupException.usage("--secret-access-key would put the secret in shell history and process "
                    + "lists; it is not an option", "pipe the secret instead: ... | bedrock-setup init --yes --profile "
                    + "NAME --access-key-id AKIA... --secret-access-key-stdin");
        }
        return run(ctx, new Asked(flags(), presetArgument(), project.given(), apply.yes(), apply.dryRun(), demo));
    }

    /**
     * {@code init} (or {@code setup}) with nothing after it, the command most people type: every option at its
     * default, so there is no command line to parse, and the run starts without picocli's model of init's options
     * (about a third of the time to the first question: docs/performance.md). The same run as {@link #call()} with
     * no option given.
     */
    static int runBare(CliContext ctx) {
        return run(ctx, Asked.NOTHING);
    }

    /**
     * What one run of init is asked: the flags given on the command line (each option's own name is its key), the
     * preset (as typed), the project, and how the run goes (--yes, --dry-run, --demo).
     */
    private record Asked(Map<String, Object> flags, String preset, Path projectDir, boolean yes, boolean dryRun,
            boolean demo) {
        /** {@code init} with nothing after it. */
        static final Asked NOTHING = new Asked(Map.of(), null, null, false, false, false);
    }

    /**
     * The run: the request is the flags, then the preset, then the setup in force, then defaults; it goes to the demo
     * or straight to a front end.
     */
    private static int run(CliContext ctx, Asked asked) {
        SettingsLocations.requireExistingProject(ctx.env, asked.projectDir());
        SetupRequest request = SetupRequest.assemble(asked.flags(), PresetSource.load(asked.preset(), ctx.env),
                asked.demo() ? null : SetupInForce.read(ctx.env, asked.projectDir()));
        request.rejectIncomplete();
        dev.bedrocksetup.core.Trace.mark("init: request assembled");
        BiFunction<CliContext, SetupRequest, Integer> frontEnd = (c, r) -> init(c, r, asked);
        return asked.demo() ? InitDemo.run(ctx, request, asked.yes(), frontEnd) : frontEnd.apply(ctx, request);
    }

    /** The options given on the command line, by their own names, less those that belong to the run itself. */
    private Map<String, Object> flags() {
        Map<String, Object> flags = new LinkedHashMap<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            String key = o.longestName().substring(2);
            if (!NOT_ANSWERS.contains(key)) {
                flags.put(key, o.getValue());
            }
        }
        return flags;
    }

    /**
     * --preset as typed: java.io.File accepts any text on every system (a URL too, where a Path would be refused on
     * Windows) but folds "https://" into "https:/", so the original string is read back from the parse.
     */
    private String presetArgument() {
        OptionSpec o = spec.commandLine().getParseResult().matchedOption("--preset");
        if (o == null) {
            return null;
        }
        java.util.List<String> typed = o.originalStringValues();
        return typed.isEmpty() ? preset.getPath() : typed.get(typed.size() - 1);
    }

    /** Hands the request to one of the front ends: --yes, or the wizard on a terminal. */
    private static int init(CliContext ctx, SetupRequest request, Asked asked) {
        // a settings file the run would edit but cannot (not strict JSON) is refused before the first question, with
        // its line, not after the last (an AWS file the AWS tools cannot all read is refused where profiles are listed)
        SettingsScope given = SettingsScope.fromLabel(request.string("scope").value());
        SettingsScope scope = given == null ? SettingsScope.USER : given;
        SettingsService settings = new SettingsService(ctx.env, ctx.applier()).withManagedFragment(
                request.string("managed-fragment").value());
        settings.requireEditable(scope, asked.projectDir());
        if (asked.yes()) {
            return new InitNonInteractive(ctx, request, asked.projectDir(), asked.dryRun()).run();
        }
        Prompter scripted = ctx.scriptedPrompter();
        if (!ctx.interactive && scripted == null) {
            throw BedrockSetupException.usage("init needs a terminal for its questions, and none is attached",
                    "run non-interactively: bedrock-setup init --yes --profile P --region R --model ID");
        }
        // the managed policy is managed settings only: refused before any question, as --yes refuses it
        ModelPolicyAnswers.requireManagedOnly(request, scope);
        return WizardLauncher.run(ctx, scripted, w -> new Wizard(ctx.env, w, new AwsConfigService(ctx.env,
                ctx.applier()), settings, ctx.browser(), asked.projectDir(), ctx.selfCommand(), request,
                asked.dryRun()));
    }
}
