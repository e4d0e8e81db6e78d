package dev.bedrocksetup.standin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in on its own, for pointing real tools (Claude Code, the AWS CLI) at it:
 * {@code java -cp bedrock-setup.jar dev.bedrocksetup.standin.StandInMain [--port N] [--region R] [--profile-dir DIR]
 * [--latency-ms MS] [--approve-logins]}. {@code --latency-ms} delays every answer, as a far-away region would (for
 * benchmarks); {@code --approve-logins} approves every device-code login at its first poll, as the user would in the
 * browser (for driving {@code login --use-device-code} from a script).
 * Prints the base URL and the variables to export, then every request received (secrets masked), until killed.
 * With {@code --profile-dir} it writes a config and credentials file (0600) with freshly issued keys for a profile
 * {@code standin}, a Bedrock API key file and an IAM user's key pair (iam-user-keys: key ID, then secret), so no secret
 * is ever printed.
 */
public final class StandInMain {
    private StandInMain() {}

    public static void main(String[] args) throws InterruptedException {
        StandInServer server;
        try {
            server = start(args, System.out);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("stand-in: " + e.getMessage());
            System.exit(2);
            return;
        }
        server.requestLog().onEntry(e -> System.out.println(e));
        server.requestLog().onUnknown(r -> System.out.println("not spoken by the stand-in: " + r));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Starts the server as {@code main} does and prints the lines to use; returns it running. */
    public static StandInServer start(String[] args, PrintStream out) throws IOException {
        int port = 0;
        String region = "us-east-1";
        Path profileDir = null;
        long latencyMs = 0;
        boolean approveLogins = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--region" -> region = required(args[i], value);
                case "--profile-dir" -> profileDir = Path.of(required(args[i], value));
                case "--latency-ms" -> latencyMs = Long.parseLong(required(args[i], value));
                case "--approve-logins" -> {
                    approveLogins = true;
                    continue;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --port N, --region R, --profile-dir DIR, --latency-ms MS, --approve-logins)");
            }
            i++;
        }
        Scenario scenario = Scenario.demo(Clock.systemUTC());
        if (approveLogins) {
            scenario.approveDeviceAfterPolls(1);
        }
        for (Operation op : Operation.values()) {
            scenario.latency(op, Duration.ofMillis(latencyMs));
        }
        StandInServer server = StandInServer.start(scenario, port);
        String base = server.baseUri().toString();
        out.println("AWS stand-in listening on " + base + " (127.0.0.1 only). Export:");
        for (String name : List.of("AWS_ENDPOINT_URL_SSO", "AWS_ENDPOINT_URL_SSO_OIDC", "AWS_ENDPOINT_URL_STS",
                "AWS_ENDPOINT_URL_BEDROCK", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "ANTHROPIC_BEDROCK_BASE_URL")) {
            out.println("export " + name + "=" + base);
        }
        out.println("export AWS_REGION=" + region);
        out.println("export CLAUDE_CODE_USE_BEDROCK=1");
        out.println("export CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1");
        if (profileDir != null) {
            writeProfile(scenario, profileDir, region, out);
        }
        out.flush();
        return server;
    }

    private static void writeProfile(Scenario scenario, Path dir, String region, PrintStream out) throws IOException {
        Account account = scenario.accounts().get(0);
        IssuedCredentials c = scenario.issueRoleCredentials(account.accountId(), account.roleNames().get(0),
                Duration.ofHours(12));
        ApiKey key = scenario.issueApiKey(account.accountId(), region, Duration.ofHours(12));
        Files.createDirectories(dir);
        Path config = dir.resolve("config");
        Path credentials = dir.resolve("credentials");
        Path apiKey = dir.resolve("bedrock-api-key");
        writePrivate(config, "[profile standin]\nregion = " + region + "\n");
        writePrivate(credentials, "[standin]\naws_access_key_id = " + c.accessKeyId()
                + "\naws_secret_access_key = " + c.secretAccessKey()
                + "\naws_session_token = " + c.sessionToken() + "\n");
        writePrivate(apiKey, key.key() + "\n");
        // an IAM user's long-term keys, for trying `init --access-key-id` (key ID on the first line, then the secret)
        IssuedCredentials user = scenario.issueUserKeys(account.accountId(), "standin-user");
        Path userKeys = dir.resolve("iam-user-keys");
        writePrivate(userKeys, user.accessKeyId() + "\n" + user.secretAccessKey() + "\n");
        out.println("export AWS_CONFIG_FILE=" + config);
        out.println("export AWS_SHARED_CREDENTIALS_FILE=" + credentials);
        out.println("export AWS_PROFILE=standin");
        out.println("# or, for a Bedrock API key instead: export AWS_BEARER_TOKEN_BEDROCK=\"$(cat " + apiKey + ")\"");
        out.println("# an IAM user's access key (ID, then secret) for init --access-key-id: " + userKeys);
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
