package dev.bedrocksetup.credentials;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ChildProcess;
import dev.bedrocksetup.core.Deadlines;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonSyntaxException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A profile's {@code credential_process}, run as the AWS SDKs run it (a shell, this environment, this directory) but
 * through {@link ChildProcess}, so it has a deadline and its whole process tree is stopped there. The SDK's own
 * ProcessCredentialsProvider waits without limit; a helper that never returns would hang every command.
 * Its output is the documented process-credentials format: {@code {"Version": 1, "AccessKeyId", "SecretAccessKey",
 * "SessionToken", "Expiration"}}.
 */
final class CredentialProcess {
    private CredentialProcess() {}

    static ProfileCredentials.Resolved run(Environment env, String profileName, String command) {
        Duration deadline = Deadlines.helper(env);
        String who = "the credential_process of profile '" + profileName + "'";
        String runIt = "run it yourself to see why: " + command;
        ChildProcess.Outcome o;
        try {
            o = ChildProcess.run(env, env.os() == Environment.Os.WINDOWS ? List.of("cmd.exe", "/C", command)
                    : List.of("/bin/sh", "-c", command), env.variables(), env.workingDirectory(), deadline, p -> { });
        } catch (IOException e) {
            throw BedrockSetupException.usage(who + " cannot be started: " + e.getMessage(), "correct "
                    + "credential_process in the profile");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BedrockSetupException(ExitCode.INTERRUPTED, "interrupted while " + who + " ran", null, e);
        }
        if (o.timedOut()) {
            throw BedrockSetupException.aws(who + " gave no credentials within " + Deadlines.describe(deadline)
                    + " and was stopped (it may wait for input, which it never gets)", runIt + "; "
                    + Deadlines.HELPER_VARIABLE + "=SECONDS allows longer", null);
        }
        if (o.exit() != 0) {
            String said = o.stderr().strip();
            int nl = said.indexOf('\n');
            throw BedrockSetupException.aws(who + " exited " + o.exit() + (said.isEmpty() ? ""
                    : ": " + (nl < 0 ? said : said.substring(0, nl))), runIt, null);
        }
        return parse(who, o.stdout(), profileName);
    }

    private static ProfileCredentials.Resolved parse(String who, String output, String profileName) {
        String expected = "it must print {\"Version\": 1, \"AccessKeyId\": ..., \"SecretAccessKey\": ..., "
                + "\"SessionToken\": ..., \"Expiration\": ...}";
        Object root;
        try {
            root = JsonDocument.parse(output.strip()).root().toValue();
        } catch (JsonSyntaxException e) {
            throw BedrockSetupException.aws(who + " printed something that is not JSON (" + e.reason() + ")",
                    expected, null);
        }
        if (!(root instanceof Map<?, ?> m) || !(m.get("AccessKeyId") instanceof String id)
                || !(m.get("SecretAccessKey") instanceof String secret)) {
            throw BedrockSetupException.aws(who + " printed no AccessKeyId and SecretAccessKey", expected, null);
        }
        if (!(m.get("Version") instanceof java.math.BigDecimal v) || v.compareTo(java.math.BigDecimal.ONE) != 0) {
            throw BedrockSetupException.aws(who + " printed no \"Version\": 1", expected, null);
        }
        Instant expiration = null;
        if (m.get("Expiration") instanceof String e) {
            try {
                expiration = Instant.parse(e);
            } catch (DateTimeParseException ex) {
                throw BedrockSetupException.aws(who + " printed an Expiration that is not an ISO 8601 time", expected,
                        null);
            }
        }
        AwsCredentials c = m.get("SessionToken") instanceof String token && !token.isBlank()
                ? AwsSessionCredentials.create(id, secret, token) : AwsBasicCredentials.create(id, secret);
        return new ProfileCredentials.Resolved(c, expiration, "profile " + profileName + " (credential_process)");
    }
}
