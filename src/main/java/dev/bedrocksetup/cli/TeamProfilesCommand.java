package dev.bedrocksetup.cli;

import dev.bedrocksetup.aws.AwsCallFailure;
import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.bedrock.ApplicationProfiles;
import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.claude.OwnedKeys;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.json.JsonText;
import dev.bedrocksetup.setup.Answer;
import dev.bedrocksetup.setup.SetupInForce;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

@Command(name = "profiles", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Create tagged application inference profiles and make Claude Code use them.", "",
            "One profile per configured model, copied from its system-defined profile and tagged (activate the tag",
            "for cost allocation to see spend per team or person in Cost Explorer). Profiles it made before are found",
            "by their tags, so a second run creates none. Writes modelOverrides (model ID -> profile ARN) and pins the",
            "models by that ID; undo: bedrock-setup reset. --dry-run prints the API calls and writes nothing."})
final class TeamProfilesCommand implements java.util.concurrent.Callable<Integer> {
    /** A subcommand of `team`, whose parent is the root: the context comes through it. */
    @picocli.CommandLine.ParentCommand
    TeamCommand team;

    private CliContext ctx() {
        return team.ctx();
    }

    @Mixin
    ProfileOption profileOption;

    @Mixin
    RegionOption regionOption;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", required = true,
            description = "A cost allocation tag for the profiles (repeatable), e.g. team=platform.")
    List<String> tags;

    @Option(names = "--per-user", description = "Profiles of your own: also tag user=<your AWS session name>.")
    boolean perUser;

    @Option(names = "--model", paramLabel = "ID", description = "A system-defined profile ID (repeatable; default: "
            + "the configured ones).")
    List<String> models;

    @Option(names = "--scope", paramLabel = "SCOPE", completionCandidates = CompletionValues.Scopes.class,
            description = "The settings file to write: user (default), project, local or managed.")
    String scope;

    @Option(names = "--dry-run", description = "Print the API calls it would make and write nothing.")
    boolean dryRun;

    @Mixin
    ProjectDirOption project;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        SettingsScope settingsScope = scope == null ? SettingsScope.USER : SettingsScope.fromLabel(scope);
        if (settingsScope == null) {
            throw BedrockSetupException.usage("--scope '" + scope + "' is not a settings scope",
                    "use user, project, local or managed");
        }
        SettingsLocations.requireExistingProject(ctx.env, project.given());
        Map<String, String> wanted = ApplicationProfiles.parseTags(tags);
        CommandSetup setup = new CommandSetup(ctx, project.given());
        Answer<String> profile = setup.profile(profileOption);
        String profileName = setup.profileName(profile);
        Answer<String> region = setup.region(regionOption);
        String r = setup.regionOrProfiles(region, profileName, "");
        RegionNames.require("--region", r);
        List<String> ids = setup.models(models);
        if (ids.isEmpty()) {
            throw BedrockSetupException.usage("no models: none given with --model and none configured",
                    "add --model ID (repeatable), e.g. --model " + RegionNames.geographyPrefix(r)
                            + ".anthropic.claude-sonnet-4-5-20250929-v1:0");
        }
        Map<String, String> overridden = overrides(ctx);
        for (String id : ids) {
            if (ApplicationProfiles.anthropicId(id) == null && !overridden.containsKey(id)) {
                throw BedrockSetupException.usage(id + " is not a system-defined inference profile ID, which an "
                        + "application profile copies", "pin models by profile ID (" + RegionNames.geographyPrefix(r)
                        + ".anthropic.claude-...) with --model, or bedrock-setup init --model");
            }
        }
        setup.announce(profile, region);
        ProfileCredentials.Resolved creds = new ProfileCredentials(ctx.env).resolveForCommand(profile.value());
        List<ApplicationProfiles.Copy> copies = new ArrayList<>();
        try (AwsClients clients = AwsClients.builder(ctx.env).region(r)
                .credentials(StaticCredentialsProvider.create(creds.credentials()))
                .settings(ClientSettings.defaults().withCallTimeout(Duration.ofSeconds(30))).build()) {
            var identity = call("STS (the caller's identity)", () -> clients.sts().getCallerIdentity());
            if (perUser) {
                wanted.put("user", sessionName(identity.arn()));
            }
            ApplicationProfiles profiles = new ApplicationProfiles(clients.bedrock(), r, identity.account());
            // a second run finds the models pinned by their Anthropic ID: back to the profile its override copied
            List<String> sources = new ArrayList<>();
            for (String id : ids) {
                String source = ApplicationProfiles.anthropicId(id) != null ? id
                        : call("Bedrock ListTagsForResource", () -> profiles.sourceOf(overridden.get(id)));
                if (source == null) {
                    throw BedrockSetupException.usage(id + " maps to " + overridden.get(id) + ", which bedrock-setup "
                            + "did not make", "name the system-defined profiles with --model");
                }
                sources.add(source);
            }
            for (ApplicationProfiles.Copy c : call("Bedrock (the application profiles in " + r + ")",
                    () -> profiles.find(sources, wanted))) {
                if (c.exists()) {
                    ctx.err.println(ctx.style.check() + " " + c.sourceId() + ": " + c.arn() + " (exists)");
                    copies.add(c);
                } else if (dryRun) {
                    ctx.out.println(profiles.describeCreate(c));
                    copies.add(c);
                } else {
                    ApplicationProfiles.Copy made = call("Bedrock CreateInferenceProfile " + c.name(),
                            () -> profiles.create(c));
                    ctx.err.println(ctx.style.check() + " " + c.sourceId() + ": created " + made.arn());
                    copies.add(made);
                }
            }
        }
        if (dryRun) {
            ctx.out.flush();
            ctx.err.println("Dry run: nothing was created or written. Then modelOverrides would map each model ID "
                    + "to its profile ARN in " + new SettingsLocations(ctx.env, project.given()).path(settingsScope)
                    + ".");
            return ExitCode.OK;
        }
        SetupInForce inForce = SetupInForce.read(ctx.env, project.given());
        SettingsService.InitOutcome out = new SettingsService(ctx.env, ctx.applier()).apply(settingsScope,
                project.given(), (editor, notes) -> desired(copies, inForce), "team profiles", false);
        ctx.err.println(out.keyChanges.isEmpty() ? ctx.style.check() + " " + out.change.path()
                + " already points Claude Code at these profiles." : ctx.style.check() + " Updated "
                + out.change.path() + ": Claude Code now sends its calls to the application profiles.");
        return ExitCode.OK;
    }

    /**
     * modelOverrides keyed by the Anthropic model ID, and each pin that names a copied profile re-pinned to that ID:
     * Claude Code 2.1.330 consults modelOverrides only for the model ID it resolved, not for a Bedrock profile ID.
     */
    private static Map<List<String>, String> desired(List<ApplicationProfiles.Copy> copies, SetupInForce inForce) {
        Map<List<String>, String> out = new LinkedHashMap<>();
        Map<List<String>, Answer<String>> pins = new LinkedHashMap<>();
        pins.put(OwnedKeys.MODEL, inForce.model());
        pins.put(OwnedKeys.OPUS, inForce.opusModel());
        pins.put(OwnedKeys.SONNET, inForce.sonnetModel());
        pins.put(OwnedKeys.HAIKU, inForce.haikuModel());
        pins.put(OwnedKeys.FABLE, inForce.fableModel());
        for (ApplicationProfiles.Copy c : copies) {
            out.put(List.of(OwnedKeys.MODEL_OVERRIDES, c.anthropicId()), JsonText.quote(c.arn()));
            pins.forEach((key, pin) -> {
                if (pin.answered() && pin.value().equals(c.sourceId())) {
                    out.put(key, JsonText.quote(c.anthropicId()));
                }
            });
        }
        return out;
    }

    private Map<String, String> overrides(CliContext ctx) {
        return dev.bedrocksetup.claude.ModelOverrides.inForce(dev.bedrocksetup.claude.SettingsSnapshot.read(ctx.env,
                new SettingsLocations(ctx.env, project.given())));
    }

    /** The person behind the credentials: an assumed role's session name (SSO: the user name), or the IAM user. */
    static String sessionName(String callerArn) {
        String tail = callerArn.substring(callerArn.lastIndexOf(':') + 1);
        String name = tail.substring(tail.lastIndexOf('/') + 1);
        return name.replaceAll("[^0-9A-Za-z.:@_+=-]", "-");
    }

    private static <T> T call(String what, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            throw BedrockSetupException.aws(what + ": " + AwsCallFailure.describe(e),
                    "check the permissions (bedrock:CreateInferenceProfile, bedrock:ListInferenceProfiles, "
                            + "bedrock:ListTagsForResource, bedrock:TagResource) and quotas", e);
        } catch (SdkException e) {
            throw AwsCallFailure.of(what, e);
        }
    }
}
