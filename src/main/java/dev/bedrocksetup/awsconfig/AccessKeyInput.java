package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.BedrockSetupException;
import java.util.regex.Pattern;

/**
 * Checks an IAM user's access key before anything is asked of AWS or written: the shapes AWS issues (a key ID of 20
 * capitals and digits starting AKIA, a 40-character secret). An ASIA key ID is temporary and useless without its
 * session token, which a credentials file of long-term keys does not hold. Messages never contain the secret.
 */
public final class AccessKeyInput {
    private static final Pattern KEY_ID = Pattern.compile("AKIA[A-Z0-9]{16}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9/+=]{40}");

    private AccessKeyInput() {}

    /** Null when {@code id} is an IAM user's access key ID, else what is wrong in one line. */
    public static String keyIdProblem(String id) {
        if (id != null && KEY_ID.matcher(id).matches()) {
            return null;
        }
        if (id != null && id.startsWith("ASIA")) {
            return "an ASIA… key ID is temporary and needs its session token; enter an IAM user's AKIA… key";
        }
        return "an access key ID is 20 capitals and digits starting with AKIA (AKIAIOSFODNN7EXAMPLE)";
    }

    /** Null when {@code secret} has the shape of a secret access key, else what is wrong (never the value). */
    public static String secretProblem(String secret) {
        return secret != null && SECRET.matcher(secret).matches() ? null
                : "a secret access key is 40 characters (letters, digits, / + =); paste it whole";
    }

    /** {@code id} when valid; else a usage error (exit 2) naming {@code option}. */
    public static String keyId(String id, String option) {
        String problem = keyIdProblem(id);
        if (problem != null) {
            throw BedrockSetupException.usage(option + ": " + problem,
                    "copy the key ID from the IAM console (Users > Security credentials)");
        }
        return id;
    }

    /** {@code secret} when valid; else a usage error (exit 2) that does not show it. */
    public static String secret(String secret, String source) {
        String problem = secretProblem(secret);
        if (problem != null) {
            throw BedrockSetupException.usage(source + ": " + problem,
                    "pipe the secret as one line: printf '%s\\n' \"$SECRET\" | bedrock-setup init ...");
        }
        return secret;
    }
}
