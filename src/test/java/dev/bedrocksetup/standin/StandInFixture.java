package dev.bedrocksetup.standin;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.testing.Examples;
import dev.bedrocksetup.testing.StandInHome;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running stand-in plus SDK clients from the production factory pointed at it; closes both. Register it with
 * {@code @RegisterExtension final StandInFixture f = new StandInFixture();} and it is closed after each test, also a
 * failed one; for a stand-in with a home, see {@link dev.bedrocksetup.testing.StandInExtension}.
 */
public final class StandInFixture implements AutoCloseable, AfterEachCallback {
    public static final String ACCOUNT = Examples.ACCOUNT;
    public static final String OTHER_ACCOUNT = Examples.OTHER_ACCOUNT;

    public final Scenario scenario;
    public final StandInServer server;
    private final java.util.List<AwsClients> clients = new java.util.ArrayList<>();

    public StandInFixture() {
        this.scenario = twoAccounts();
        this.server = StandInServer.start(scenario);
    }

    /** Sandbox (roles BedrockUser, ReadOnly) and Production (BedrockUser), on the system clock. */
    public static Scenario twoAccounts() {
        return new Scenario(Clock.systemUTC())
                .addAccount(ACCOUNT, "Sandbox", "sandbox@example.com", "BedrockUser", "ReadOnly")
                .addAccount(OTHER_ACCOUNT, "Production", "prod@example.com", "BedrockUser");
    }

    /** Every AWS_ENDPOINT_URL_* a user would set, pointing at the stand-in; nothing from the real environment. */
    public Environment environment() {
        return Environment.forTest(Path.of(System.getProperty("java.io.tmpdir")),
                Map.copyOf(StandInHome.endpoints(server.baseUri())));
    }

    public AwsClients clients(String region, IssuedCredentials c) {
        return clients(region, credentials(c), ClientSettings.defaults().withMaxAttempts(1));
    }

    public AwsClients clients(String region, AwsCredentials c, ClientSettings settings) {
        AwsClients made = AwsClients.builder(environment()).region(region)
                .credentials(StaticCredentialsProvider.create(c)).settings(settings).build();
        clients.add(made);
        return made;
    }

    public AwsClients apiKeyClients(String region, String apiKey) {
        AwsClients made = AwsClients.builder(environment()).region(region).bedrockApiKey(apiKey)
                .settings(ClientSettings.defaults().withMaxAttempts(1)).build();
        clients.add(made);
        return made;
    }

    public static AwsCredentials credentials(IssuedCredentials c) {
        return c.sessionToken() == null ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
                : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    public IssuedCredentials roleCredentials() {
        return scenario.issueRoleCredentials(ACCOUNT, "BedrockUser", java.time.Duration.ofHours(1));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        clients.forEach(AwsClients::close);
        server.close();
    }
}
