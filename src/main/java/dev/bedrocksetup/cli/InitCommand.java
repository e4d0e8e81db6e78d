package dev.bedrocksetup.cli;

import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.setup.SetupInForce;
import dev.bedrocksetup.setup.SetupRequest;
import dev.bedrocksetup.wizard.Prompter;
import dev.bedrocksetup.wizard.Wizard;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", aliases = "setup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Set up Claude Code on Amazon Bedrock.", "",
            "Asks for the AWS profile, region and models (a flag or --preset answers its question), tests the models,",
            "shows the diff and writes it; --yes never asks, --dry-run writes nothing; undo: bedrock-setup reset."})
final class InitCommand extends BaseCommand {
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

    @Option(names = "--preset", paramLabel = "FILE", description = "A team preset (JSON); flags override it.")
    Path preset;

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
            "version");

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        SettingsLocations.requireExistingProject(ctx.env, project.given());
        SetupRequest request = request(ctx);
        request.rejectIncomplete();
        return demo ? InitDemo.run(ctx, request, apply.yes(), this::init) : init(ctx, request);
    }

    /**
     * The request: the flags given on the command line (each option's own name is its key), then the preset, then the
     * setup in force, then defaults.
     */
    private SetupRequest request(CliContext ctx) {
        Map<String, Object> flags = new LinkedHashMap<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            String key = o.longestName().substring(2);
            if (!NOT_ANSWERS.contains(key)) {
                flags.put(key, o.getValue());
            }
        }
        return SetupRequest.assemble(flags, preset, demo ? null : SetupInForce.read(ctx.env, project.given()));
    }

    /** Hands the request to one of the front ends: --yes, or the wizard on a terminal. */
    private int init(CliContext ctx, SetupRequest request) {
        if (apply.yes()) {
            return new InitNonInteractive(ctx, request, project.given(), apply.dryRun(), demo).run();
        }
        Prompter scripted = ctx.scriptedPrompter();
        if (!ctx.interactive && scripted == null) {
            throw BedrockSetupException.usage("init needs a terminal for its questions, and none is attached",
                    "run non-interactively: bedrock-setup init --yes --profile P --region R --model ID");
        }
        return WizardLauncher.run(ctx, scripted, w -> new Wizard(ctx.env, w, new AwsConfigService(ctx.env,
                ctx.applier()), new SettingsService(ctx.env, ctx.applier()).withManagedFragment(
                        request.string("managed-fragment").value()), ctx.browser(), project.given(),
                ctx.selfCommand(), request, apply.dryRun()));
    }
}
