package dev.bedrocksetup.doctor;

import dev.bedrocksetup.core.ChildProcess;
import dev.bedrocksetup.core.Deadlines;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonSyntaxException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The awsCredentialExport command run as Claude Code runs it (a shell, no stdin, Claude Code's environment) and its
 * output read as Claude Code reads it (2.1.330, 2.1.332; decision 0016): exit 0 and some output, else "did not
 * return a valid value"; then {@code {"Credentials": {...}}} or the flat object, each with a non-empty AccessKeyId,
 * SecretAccessKey AND SessionToken, else "did not return valid AWS STS output structure". Claude Code then uses these
 * credentials for every Bedrock call; when it rejects them it falls back to its credential chain (the profile).
 */
final class ExportHelper {
    private ExportHelper() {}

    /** Claude Code sets no deadline; the doctor does, so a helper waiting for input cannot hang it. */
    static final Duration DEADLINE = Duration.ofSeconds(20);

    static final String SHAPE = "it must print {\"Credentials\": {\"AccessKeyId\", \"SecretAccessKey\", "
            + "\"SessionToken\", \"Expiration\"}}";

    /** What the helper gave: credentials Claude Code accepts, or why it rejects them. */
    record Result(ProfileCredentials.Resolved credentials, String problem, String fix, boolean timedOut,
            boolean untrusted) {
        boolean accepted() {
            return credentials != null;
        }
    }

    /**
     * A command from project or local settings arrives with a cloned repository: the doctor does not run it (issue 19
     * item 11, decision 0013) and judges the credential chain Claude Code falls back to.
     */
    static Result notRunFromProject(String from, String command) {
        return new Result(null, "awsCredentialExport comes from " + from + " settings, which arrive with the project; "
                + "not run (run it yourself if you trust the project: " + command + ")", null, false, true);
    }

    static Result run(Environment env, String command, Map<String, String> variables) {
        Duration deadline = Deadlines.helper(env, DEADLINE);
        ChildProcess.Outcome run;
        try {
            run = ChildProcess.run(env, env.os() == Environment.Os.WINDOWS ? List.of("cmd", "/c", command)
                    : List.of("/bin/sh", "-c", command), variables, null, deadline, p -> { });
        } catch (IOException e) {
            return rejected("awsCredentialExport cannot be started: " + e.getMessage(), "fix the command: " + command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return rejected("awsCredentialExport was interrupted", "run the doctor again");
        }
        if (run.timedOut()) {
            return new Result(null, "awsCredentialExport did not finish within " + Deadlines.describe(deadline)
                    + " and was stopped (it may be waiting for input, which Claude Code never gives)",
                    "make the command non-interactive, or log in first", true, false);
        }
        String output = run.stdout().strip(); // stderr is the helper's, shown by Claude Code, not needed here
        if (run.exit() != 0 || output.isEmpty()) {
            return rejected("awsCredentialExport " + (run.exit() != 0 ? "exited " + run.exit() : "printed nothing")
                    + ": Claude Code says \"awsCredentialExport did not return a valid value\"",
                    "run it yourself to see why: " + command);
        }
        Object parsed;
        try {
            parsed = JsonDocument.parse(output).root().toValue();
        } catch (JsonSyntaxException e) {
            return rejected("awsCredentialExport printed something that is not JSON (" + e.reason() + ")", SHAPE);
        }
        Map<?, ?> creds = usable(parsed instanceof Map ? ((Map<?, ?>) parsed).get("Credentials") : null);
        if (creds == null) {
            creds = usable(parsed);
        }
        if (creds == null) {
            String missing = parsed instanceof Map && ((Map<?, ?>) parsed).get("Credentials") instanceof Map
                    ? missing((Map<?, ?>) ((Map<?, ?>) parsed).get("Credentials"))
                    : parsed instanceof Map ? missing((Map<?, ?>) parsed) : "AccessKeyId";
            return rejected("awsCredentialExport's output has no " + missing + ": Claude Code says \"awsCredentialExport "
                    + "did not return valid AWS STS output structure\" (it takes only temporary credentials, with a "
                    + "SessionToken)", SHAPE + "; for long-term keys use a profile instead");
        }
        Instant expiration = null;
        if (creds.get("Expiration") instanceof String) {
            try {
                expiration = Instant.parse((String) creds.get("Expiration"));
            } catch (DateTimeParseException e) {
                expiration = null; // Claude Code too: an unreadable Expiration is none
            }
        }
        return new Result(new ProfileCredentials.Resolved(AwsSessionCredentials.create((String) creds.get("AccessKeyId"),
                (String) creds.get("SecretAccessKey"), (String) creds.get("SessionToken")), expiration,
                "awsCredentialExport"), null, null, false, false);
    }

    private static Result rejected(String problem, String fix) {
        return new Result(null, problem, fix, false, false);
    }

    /** The object when it carries the three non-empty strings Claude Code requires, else null. */
    private static Map<?, ?> usable(Object o) {
        return o instanceof Map && missing((Map<?, ?>) o) == null ? (Map<?, ?>) o : null;
    }

    /** The first of the three required fields that is not a non-empty string, or null when all are. */
    private static String missing(Map<?, ?> m) {
        for (String k : List.of("AccessKeyId", "SecretAccessKey", "SessionToken")) {
            if (!(m.get(k) instanceof String) || ((String) m.get(k)).isEmpty()) {
                return k;
            }
        }
        return null;
    }
}
