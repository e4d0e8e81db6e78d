package dev.bedrocksetup.cli;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.json.JsonText;
import dev.bedrocksetup.policy.InferenceProfileResolver;
import dev.bedrocksetup.policy.LeastPrivilegePolicy;
import dev.bedrocksetup.policy.ProfileRouting;
import dev.bedrocksetup.setup.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

@Command(name = "policy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the least-privilege IAM policy for the chosen models.", "",
            "Each inference profile is resolved with GetInferenceProfile to the foundation models in every region it",
            "routes to; the policy allows exactly those. The policy goes to stdout; an explanation of each statement",
            "to stderr (--json: the policy only)."})
final class PolicyCommand extends BaseCommand {
    @Mixin
    ProfileOption profileOption;

    @Mixin
    RegionOption regionOption;

    @Option(names = "--model", paramLabel = "ID", description = "A model ID (repeatable; default: the configured ones).")
    List<String> models;

    @Option(names = "--first-use", description = "Also allow the AWS Marketplace actions a model's first use needs.")
    boolean firstUse;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        CommandSetup setup = new CommandSetup(ctx, null);
        Answer<String> profile = setup.profile(profileOption);
        String profileName = setup.profileName(profile);
        Answer<String> region = setup.region(regionOption);
        String r = setup.regionOrProfiles(region, profileName, "");
        RegionNames.require("--region", r);
        List<String> ids = setup.modelsAsSent(models);
        if (ids.isEmpty()) {
            throw BedrockSetupException.usage("no models: none given with --model and none configured",
                    "add --model ID (repeatable); list IDs with: bedrock-setup models --profile " + profileName + " --region " + r);
        }
        for (String id : ids) {
            if (ModelIds.ALIASES.contains(id)) {
                throw BedrockSetupException.usage("'" + id + "' is an alias Claude Code resolves itself; a policy needs "
                        + "the inference profile", "pin the model: --model " + RegionNames.geographyPrefix(r)
                        + ".anthropic.claude-...");
            }
            ModelIds.require("--model", id, r, false);
        }
        setup.announce(profile, region);
        ProfileCredentials.Resolved creds = new ProfileCredentials(ctx.env).resolveForCommand(profile.value());
        try (AwsClients clients = AwsClients.builder(ctx.env).region(r)
                .credentials(StaticCredentialsProvider.create(creds.credentials()))
                .settings(ClientSettings.defaults().withCallTimeout(Duration.ofSeconds(20))).build()) {
            String account;
            try {
                account = clients.sts().getCallerIdentity().account();
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                throw dev.bedrocksetup.aws.AwsCallFailure.of("STS (the caller's identity, for the account ID)", e);
            }
            InferenceProfileResolver resolver = new InferenceProfileResolver(clients.bedrock(), r, account);
            List<ProfileRouting> routings = new ArrayList<>();
            for (String id : ids) {
                routings.add(resolver.resolve(id));
            }
            LeastPrivilegePolicy.Result result = LeastPrivilegePolicy.of(routings, firstUse);
            ctx.out.print(JsonText.pretty(result.document, "  ") + "\n");
            ctx.out.flush();
            for (String note : result.notes) {
                ctx.err.println(ctx.style.warn("note: ") + note);
            }
            if (!json.on()) {
                ctx.err.println();
                for (String e : result.explanations) {
                    ctx.err.println("- " + e);
                }
            }
        } catch (software.amazon.awssdk.services.sts.model.StsException e) {
            throw BedrockSetupException.aws("STS refused the credentials: " + e.awsErrorDetails().errorMessage(),
                    "log in again: bedrock-setup login --profile " + profileName, e);
        }
        return ExitCode.OK;
    }
}
