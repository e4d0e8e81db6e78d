package dev.bedrocksetup.setup;

import dev.bedrocksetup.aws.AwsCallFailure;
import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Secrets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Asks STS (GetCallerIdentity, which needs no permission) whose an IAM user's keys are, before they are written
 * anywhere: a mistyped key ID or secret is caught while the user can still correct it. The wizard and `init --yes`
 * both check through here.
 */
public final class AccessKeyCheck {
    /** Whom AWS says the keys belong to. */
    public record Identity(String account, String arn) {
        /** As the wizard shows identities: "account 111122223333, user/dev". */
        public String shown() {
            return "account " + account + ", " + arn.replaceAll(".*:", "");
        }
    }

    private AccessKeyCheck() {}

    /**
     * The identity of the keys; AWS's refusal (unknown key ID, wrong secret) or no answer is exit 4 in one line
     * that names the key ID masked and never the secret.
     */
    public static Identity identity(Environment env, String accessKeyId, String secretAccessKey, String region) {
        StaticCredentialsProvider keys = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        String shownId = Secrets.redact(accessKeyId);
        try (AwsClients clients = AwsClients.builder(env).region(region).credentials(keys).build()) {
            GetCallerIdentityResponse id = clients.sts().getCallerIdentity();
            return new Identity(id.account(), id.arn());
        } catch (StsException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            throw switch (code) {
                case "InvalidClientTokenId" -> BedrockSetupException.aws("AWS does not know the access key ID "
                        + shownId + " (InvalidClientTokenId)", "check the key ID; a deleted or deactivated key is "
                        + "refused like this", e);
                case "SignatureDoesNotMatch" -> BedrockSetupException.aws("the secret access key does not "
                        + "belong to " + shownId + " (SignatureDoesNotMatch)", "paste the secret again; it is shown "
                        + "only once, when the key is created", e);
                default -> BedrockSetupException.aws("AWS refused the keys " + shownId + ": "
                        + AwsCallFailure.describe(e), "check the keys in the IAM console", e);
            };
        } catch (SdkException e) {
            throw BedrockSetupException.aws("cannot reach STS in " + region + " to check the keys: "
                    + AwsCallFailure.describe(e),
                    "check the network, a proxy, or AWS_ENDPOINT_URL_STS", e);
        }
    }
}
