package dev.bedrocksetup.policy;

import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.core.BedrockSetupException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;

/** Resolves a configured model (profile ID or ARN) to its routing, asking Bedrock's GetInferenceProfile. */
public final class InferenceProfileResolver {
    private static final Pattern PROFILE_ID = Pattern.compile("^([a-z]{2,6}(?:-gov)?)\\.(anthropic\\..+)$");

    private final BedrockClient bedrock;
    private final String region;
    private final String account;
    private final String partition;

    public InferenceProfileResolver(BedrockClient bedrock, String region, String account) {
        this.bedrock = bedrock;
        this.region = region;
        this.account = account;
        this.partition = RegionNames.partition(region);
    }

    public ProfileRouting resolve(String id) {
        try {
            GetInferenceProfileResponse r = bedrock.getInferenceProfile(b -> b.inferenceProfileIdentifier(id));
            List<String> models = new ArrayList<>();
            for (InferenceProfileModel m : r.models()) {
                if (!models.contains(m.modelArn())) {
                    models.add(m.modelArn());
                }
            }
            return new ProfileRouting(id, r.inferenceProfileArn(), models, true);
        } catch (AccessDeniedException e) {
            return fallback(id);
        } catch (ResourceNotFoundException e) {
            throw BedrockSetupException.usage(id + " is not an inference profile in " + region,
                    "list the ones you can use with: bedrock-setup models --region " + region);
        } catch (BedrockException e) {
            throw BedrockSetupException.aws("Bedrock refused GetInferenceProfile for " + id + ": "
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()), null, e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw dev.bedrocksetup.aws.AwsCallFailure.of("Bedrock GetInferenceProfile for " + id + " in " + region, e);
        }
    }

    /** GetInferenceProfile denied: the geography's documented routing (system-defined profile IDs only). */
    ProfileRouting fallback(String id) {
        Matcher m = PROFILE_ID.matcher(id);
        if (!m.matches()) {
            throw BedrockSetupException.aws("GetInferenceProfile is denied, and " + id + " is not a system-defined "
                    + "profile ID whose routing is known", "ask for bedrock:GetInferenceProfile, or name the "
                    + "foundation models with --model per region", null);
        }
        String prefix = m.group(1);
        String model = m.group(2);
        String profileArn = "arn:" + partition + ":bedrock:" + region + ":" + account + ":inference-profile/" + id;
        List<String> arns = new ArrayList<>();
        List<String> regions = GeographyRouting.destinations(prefix);
        if (regions == null) {
            // a global profile may route to any commercial region
            arns.add("arn:" + partition + ":bedrock:*::foundation-model/" + model);
        } else {
            for (String r : regions) {
                arns.add("arn:" + partition + ":bedrock:" + r + "::foundation-model/" + model);
            }
        }
        return new ProfileRouting(id, profileArn, arns, false);
    }
}
