package dev.bedrocksetup.claude;

import java.util.List;
import java.util.Set;

/** The settings keys bedrock-setup owns. Every other key is the user's and is never changed. */
public final class OwnedKeys {
    private OwnedKeys() {}

    public static final String ENV = "env";
    public static final List<String> USE_BEDROCK = List.of(ENV, "CLAUDE_CODE_USE_BEDROCK");
    public static final List<String> REGION = List.of(ENV, "AWS_REGION");
    public static final List<String> PROFILE = List.of(ENV, "AWS_PROFILE");
    public static final List<String> MODEL = List.of(ENV, "ANTHROPIC_MODEL");
    public static final List<String> OPUS = List.of(ENV, "ANTHROPIC_DEFAULT_OPUS_MODEL");
    public static final List<String> SONNET = List.of(ENV, "ANTHROPIC_DEFAULT_SONNET_MODEL");
    public static final List<String> HAIKU = List.of(ENV, "ANTHROPIC_DEFAULT_HAIKU_MODEL");
    /** Deprecated: migrated to {@link #HAIKU}. */
    public static final List<String> SMALL_FAST = List.of(ENV, "ANTHROPIC_SMALL_FAST_MODEL");
    public static final List<String> MAX_OUTPUT_TOKENS = List.of(ENV, "CLAUDE_CODE_MAX_OUTPUT_TOKENS");
    public static final List<String> MAX_THINKING_TOKENS = List.of(ENV, "MAX_THINKING_TOKENS");
    /** A Bedrock API key: a secret, journaled only as a digest. */
    public static final List<String> API_KEY = List.of(ENV, "AWS_BEARER_TOKEN_BEDROCK");
    public static final List<String> AUTH_REFRESH = List.of("awsAuthRefresh");
    public static final List<String> CREDENTIAL_EXPORT = List.of("awsCredentialExport");

    public static final List<List<String>> ALL = List.of(USE_BEDROCK, REGION, PROFILE, MODEL, OPUS, SONNET, HAIKU,
            SMALL_FAST, MAX_OUTPUT_TOKENS, MAX_THINKING_TOKENS, API_KEY, AUTH_REFRESH, CREDENTIAL_EXPORT);

    /** Keys whose values are never written to the journal or shown. */
    public static final List<List<String>> SECRETS = List.of(API_KEY);

    public static boolean isSecret(List<String> key) {
        return SECRETS.contains(key);
    }

    /** A value as it may be shown: masked for secret keys. */
    public static String display(List<String> key, Object raw) {
        if (raw == null || raw == dev.bedrocksetup.json.JsonNode.NULL) {
            return "(absent)";
        }
        return isSecret(key) ? "\"" + dev.bedrocksetup.core.Secrets.mask(String.valueOf(raw).replace("\"", "")) + "\""
                : String.valueOf(raw);
    }

    private static final Set<String> DOTTED;

    static {
        java.util.HashSet<String> s = new java.util.HashSet<>();
        s.add(ENV);
        for (List<String> k : ALL) {
            s.add(String.join(".", k));
        }
        DOTTED = Set.copyOf(s);
    }

    /** True for "env", "awsAuthRefresh", "env.AWS_REGION" and the like. */
    public static boolean isOwnedOrContainer(String dotted) {
        return DOTTED.contains(dotted);
    }

    public static String dotted(List<String> path) {
        return String.join(".", path);
    }
}
