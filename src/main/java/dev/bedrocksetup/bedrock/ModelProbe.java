package dev.bedrocksetup.bedrock;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.core.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The model test `init` makes before it writes (both `init --yes` and the wizard): credentials or a Bedrock API key,
 * a region and the chosen models in; one finding per model out, read with {@link AccessFinding#describe}. One call
 * each, no retries beyond throttling, 15 seconds at most, so a wrong choice shows in seconds.
 */
public final class ModelProbe {
    /** How long one model may take to answer. */
    public static final Duration DEADLINE = Duration.ofSeconds(15);

    private ModelProbe() {}

    /**
     * The models worth a call, as Claude Code sends them: the chosen IDs in order without the [1m] tag (Claude Code
     * strips it and asks for the 1M window instead), without repeats, nulls or aliases (Claude Code resolves those).
     */
    public static List<String> worthCalling(String... ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (id == null || ModelIds.ALIASES.contains(id)) {
                continue;
            }
            String sent = OneMillionContext.withoutTag(id);
            if (!out.contains(sent)) {
                out.add(sent);
            }
        }
        return out;
    }

    /** Clients for one region with these credentials, or with the API key when it is not null; made to fail fast. */
    public static AwsClients clients(Environment env, String region, AwsCredentialsProvider credentials,
            String apiKey) {
        AwsClients.Builder b = AwsClients.builder(env).region(region)
                .settings(ClientSettings.defaults().withMaxAttempts(1).withCallTimeout(DEADLINE));
        return apiKey != null ? b.bedrockApiKey(apiKey).build() : b.credentials(credentials).build();
    }

    /** One finding per model, in the order given (the profile, when known, goes into the fixes). */
    public static List<AccessFinding> probe(AwsClients clients, String region, String profile, List<String> models) {
        return new AccessProbe(clients.bedrockRuntimeAsync(), new AwsErrorClassifier(region, profile), DEADLINE)
                .probe(models);
    }
}
