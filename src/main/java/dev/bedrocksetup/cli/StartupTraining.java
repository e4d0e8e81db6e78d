package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.wizard.TerminalPrompter;
import dev.bedrocksetup.standin.StandInMain;
import dev.bedrocksetup.standin.StandInServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The training run for the start-up aids (docs/performance.md): the launcher's class-data-sharing archive on JDK 17
 * and the runtime image's AOT caches on JDK 25 ({@code packaging/image/build-image.sh}) hold the classes this run
 * loads. It runs, in one JVM, the commands users run: {@code --version}, {@code --help}, {@code init --help},
 * {@code doctor --offline}, the wizard ({@code init} on a terminal) to its first question, and against an in-process
 * stand-in {@code login --use-device-code}, the whole of {@code init --yes}, doctor, verify, models,
 * export-credentials and policy, in a throw-away home given as the last argument. With {@code --offline} first, only
 * the commands that do not call AWS: the image's second, smaller cache, for those commands (decision 0044: a JDK 25
 * AOT cache loads every class it holds at start, so a cache of the AWS commands' 6,000 classes slowed the others).
 * Output is discarded; nothing outside that directory is read or written, and no variable of the caller's is used.
 * Exits 0 even when a command fails: a missing class only makes the archive less complete.
 */
public final class StartupTraining {
    private StartupTraining() {}

    static final String SSO_PROFILES = """
            [sso-session training]
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access

            [profile sso]
            sso_session = training
            sso_account_id = 111122223333
            sso_role_name = BedrockUser
            region = us-east-1
            """;

    public static void main(String[] args) throws IOException {
        boolean offlineOnly = args.length == 2 && args[0].equals("--offline");
        if (args.length != 1 && !offlineOnly) {
            System.err.println("usage: StartupTraining [--offline] DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[args.length - 1]).toAbsolutePath();
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".claude"));
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        if (offlineOnly) {
            Environment env = Environment.forTest(home, Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin",
                    "LANG", "C.UTF-8"));
            offline(env, discard);
            return;
        }
        StandInServer server = StandInMain.start(new String[] {"--profile-dir", dir.resolve("aws").toString(),
                "--approve-logins"}, discard);
        try {
            String base = server.baseUri().toString();
            Map<String, String> vars = new HashMap<>();
            vars.put("HOME", home.toString());
            vars.put("PATH", "/usr/bin:/bin");
            vars.put("LANG", "C.UTF-8");
            vars.put("BEDROCK_SETUP_MANAGED_SETTINGS", dir.resolve("managed-settings.json").toString());
            vars.put("AWS_CONFIG_FILE", dir.resolve("aws/config").toString());
            vars.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws/credentials").toString());
            for (String service : List.of("SSO", "SSO_OIDC", "STS", "BEDROCK", "BEDROCK_RUNTIME")) {
                vars.put("AWS_ENDPOINT_URL_" + service, base);
            }
            Files.writeString(dir.resolve("aws/config"), "\n" + SSO_PROFILES, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            Environment env = Environment.forTest(home, vars);
            // The SDK reads the shared files by itself too (its clients' global defaults), from the process's own
            // ~/.aws unless these properties say otherwise: a user has them, so a client build takes the SDK's path for
            // existing files (its file refresher and cached supplier), which the training's empty home never took and
            // the cache then did not hold. Our own reading goes through env, not these.
            System.setProperty("aws.configFile", dir.resolve("aws/config").toString());
            System.setProperty("aws.sharedCredentialsFile", dir.resolve("aws/credentials").toString());
            offline(env, discard);
            run(env, discard, "login", "--profile", "sso", "--use-device-code");
            run(env, discard, "init", "--yes", "--profile", "standin", "--region", "us-east-1", "--model",
                    "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "--haiku-model",
                    "us.anthropic.claude-haiku-4-5-20251001-v1:0");
            // doctor as Main starts it: the warm-up and the early start, then the command taking that run over
            dev.bedrocksetup.aws.Warmup.startFor(new String[] {"doctor"});
            DoctorEarlyStart.startFor(env, new String[] {"doctor"});
            run(env, discard, "doctor");
            run(env, discard, "doctor", "--json");
            run(env, discard, "verify");
            run(env, discard, "models", "--all-regions", "--profile", "standin");
            run(env, discard, "models", "--region", "us-east-1", "--profile", "standin");
            run(env, discard, "export-credentials", "--profile", "standin");
            run(env, discard, "policy", "--region", "us-east-1", "--profile", "standin");
        } finally {
            server.close();
        }
    }

    /** The commands that do not call AWS, the wizard to its first question among them. */
    private static void offline(Environment env, PrintStream discard) throws IOException {
        run(env, discard, "--version");
        run(env, discard, "--help");
        run(env, discard, "init", "--help");
        run(env, discard, "doctor", "--help");
        run(env, discard, "doctor", "--offline");
        firstQuestion(env, discard);
    }

    /**
     * {@code init} on a terminal, Ctrl-C at its first question: jline's terminal on the training's streams (not the
     * system's, which a training run has none of), the wizard's prerequisites and its profile question drawn.
     */
    private static void firstQuestion(Environment env, PrintStream discard) throws IOException {
        Path config = env.home().resolve(".aws/config");
        Files.createDirectories(config.getParent());
        if (!Files.exists(config)) {
            Files.writeString(config, "[profile example]\nregion = us-east-1\n", StandardCharsets.UTF_8);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm-256color")
                .streams(new ByteArrayInputStream(new byte[] {3}), discard).build()) { // 3: Ctrl-C
            CliContext.prompterSeam = new TerminalPrompter(terminal, Style.plain());
            run(env, discard, "init");
        } finally {
            CliContext.prompterSeam = null;
        }
    }

    private static void run(Environment env, PrintStream discard, String... command) {
        BedrockSetup.run(env, new ByteArrayInputStream(new byte[0]), discard, discard, false, command);
    }
}
