import java.net.URI;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The least a JVM program can do with the AWS SDK for Java v2 to make one call: one client (the url-connection HTTP
 * client bedrock-setup uses), the profile's static keys, one STS GetCallerIdentity against AWS_ENDPOINT_URL_STS,
 * then exit. bench/sdk-floor.sh times it from the runtime image with its own AOT cache, as the floor under the
 * online doctor's budget (docs/performance.md).
 */
public class SdkFloor {
    public static void main(String[] args) {
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_STS")))
                .credentialsProvider(ProfileCredentialsProvider.create(System.getenv("AWS_PROFILE")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            System.out.println(sts.getCallerIdentity().account());
        }
    }
}
