package dev.bedrocksetup.standin;

import dev.bedrocksetup.cli.BedrockSetup;
import dev.bedrocksetup.core.Environment;
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

/**
 * The training run for the launcher's class-data-sharing archive (see {@code bedrock-setup}, docs/performance.md):
 * runs the commands that call AWS — doctor, verify, models, export-credentials, policy — against an in-process
 * stand-in, in a throw-away home given as the only argument, so that the JVM's class list holds the AWS SDK classes
 * those commands load. Output is discarded; nothing outside that directory is read or written, and no variable of the
 * caller's is used. Exits 0 even when a command fails: a missing class only makes the archive less complete.
 */
public final class ClassListTraining {
    private ClassListTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ClassListTraining DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".claude"));
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        StandInServer server = StandInMain.start(new String[] {"--profile-dir", dir.resolve("aws").toString()},
                discard);
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
            Files.writeString(home.resolve(".claude/settings.json"), "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", "
                    + "\"AWS_REGION\": \"us-east-1\", \"AWS_PROFILE\": \"standin\", "
                    + "\"ANTHROPIC_MODEL\": \"us.anthropic.claude-sonnet-4-5-20250929-v1:0\", "
                    + "\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"us.anthropic.claude-haiku-4-5-20251001-v1:0\"}}\n",
                    StandardCharsets.UTF_8);
            Environment env = Environment.forTest(home, vars);
            for (String[] command : List.of(new String[] {"doctor"}, new String[] {"doctor", "--json"},
                    new String[] {"verify"}, new String[] {"models", "--all-regions", "--profile", "standin"},
                    new String[] {"models", "--region", "us-east-1", "--profile", "standin"},
                    new String[] {"export-credentials", "--profile", "standin"},
                    new String[] {"policy", "--region", "us-east-1", "--profile", "standin"})) {
                BedrockSetup.run(env, new ByteArrayInputStream(new byte[0]), discard, discard, false, command);
            }
        } finally {
            server.close();
        }
    }
}
