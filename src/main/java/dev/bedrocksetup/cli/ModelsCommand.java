package dev.bedrocksetup.cli;

import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.awsconfig.AwsFileLocations;
import dev.bedrocksetup.bedrock.BedrockRegions;
import dev.bedrocksetup.bedrock.Catalogue;
import dev.bedrocksetup.bedrock.ModelListing;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.json.JsonText;
import dev.bedrocksetup.setup.Answer;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the Claude inference profiles a region offers, live from ListInferenceProfiles.", "",
            "Grouped by model (Opus, Sonnet, Haiku, newer), newest first; only the profile IDs the region can use",
            "(its geography and global.), with the recommended pins for ANTHROPIC_MODEL and each tier.",
            "--all-regions asks every Bedrock region at once."})
final class ModelsCommand extends BaseCommand {
    @Mixin
    RegionOption regionOption;

    @Mixin
    ProfileOption profileOption;

    @Option(names = "--all-regions", description = "Query every Bedrock region at once.")
    boolean allRegions;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        if (allRegions && regionOption.given() != null) {
            throw BedrockSetupException.usage("--all-regions and --region exclude each other",
                    "use one: --region " + regionOption.given() + ", or --all-regions");
        }
        CommandSetup setup = new CommandSetup(ctx, null);
        Answer<String> profile = setup.profile(profileOption);
        String profileName = setup.profileName(profile);
        Answer<String> region = allRegions ? Answer.none() : setup.region(regionOption);
        String chosen = allRegions ? null : setup.regionOrProfiles(region, profileName, " (or --all-regions)");
        setup.announce(profile, region);
        ProfileCredentials.Resolved creds;
        try {
            creds = new ProfileCredentials(ctx.env).resolveForCommand(profile.value());
        } catch (BedrockSetupException e) {
            if (!profile.answered()
                    && ctx.env.nonBlank("AWS_BEARER_TOKEN_BEDROCK") != null && e.exitCode() == ExitCode.USAGE) {
                throw BedrockSetupException.usage("a Bedrock API key (AWS_BEARER_TOKEN_BEDROCK) can call models but "
                        + "cannot list inference profiles, and no AWS profile is set",
                        "pass --profile P for credentials allowed bedrock:ListInferenceProfiles");
            }
            throw e;
        }
        ModelListing listing = new ModelListing(ctx.env, StaticCredentialsProvider.create(creds.credentials()),
                profileName, ClientSettings.defaults().withMaxAttempts(2).withCallTimeout(Duration.ofSeconds(20)));
        if (!allRegions) {
            Catalogue c = listing.region(chosen);
            if (c.isFallback()) {
                ctx.err.println(ctx.style.warn("warning: ") + c.fallbackReason());
            }
            ctx.out.print(json.on() ? JsonText.pretty(ModelsView.json(c), "  ") + "\n" : ModelsView.table(c, ctx.outputColumns()));
            ctx.out.flush();
            return ExitCode.OK;
        }
        List<ModelListing.RegionOutcome> outcomes = listing.list(BedrockRegions.all());
        ctx.out.print(json.on() ? JsonText.pretty(ModelsView.json(outcomes), "  ") + "\n" : ModelsView.table(outcomes, ctx.outputColumns()));
        ctx.out.flush();
        if (outcomes.stream().allMatch(ModelListing.RegionOutcome::failed)) {
            ModelListing.RegionOutcome first = outcomes.get(0);
            throw BedrockSetupException.aws("no region could be listed: " + first.error(), first.fix(), null);
        }
        return ExitCode.OK;
    }
}
