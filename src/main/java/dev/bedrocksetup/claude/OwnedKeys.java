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

    // Claude Code's newer Bedrock settings (issue 17, decision 0031): owned so that what init writes of them is
    // journaled, and reset takes exactly that away again
    public static final List<String> FABLE = List.of(ENV, "ANTHROPIC_DEFAULT_FABLE_MODEL");
    public static final List<String> FABLE_NAME = List.of(ENV, "ANTHROPIC_DEFAULT_FABLE_MODEL_NAME");
    public static final List<String> FABLE_DESCRIPTION = List.of(ENV, "ANTHROPIC_DEFAULT_FABLE_MODEL_DESCRIPTION");
    public static final List<String> FABLE_CAPABILITIES =
            List.of(ENV, "ANTHROPIC_DEFAULT_FABLE_MODEL_SUPPORTED_CAPABILITIES");
    public static final List<String> DEFAULT_MODEL = List.of(ENV, "ANTHROPIC_DEFAULT_MODEL");
    public static final List<String> REGION_PREFIX = List.of(ENV, "ANTHROPIC_BEDROCK_REGION_PREFIX");
    public static final List<String> SERVICE_TIER = List.of(ENV, "ANTHROPIC_BEDROCK_SERVICE_TIER");
    public static final List<String> PROMPT_CACHING_1H = List.of(ENV, "ENABLE_PROMPT_CACHING_1H");
    /** The older, Bedrock-only spelling of {@link #PROMPT_CACHING_1H}. */
    public static final List<String> PROMPT_CACHING_1H_BEDROCK = List.of(ENV, "ENABLE_PROMPT_CACHING_1H_BEDROCK");
    public static final List<String> FORCE_PROMPT_CACHING_5M = List.of(ENV, "FORCE_PROMPT_CACHING_5M");
    public static final List<String> DISABLE_PROMPT_CACHING = List.of(ENV, "DISABLE_PROMPT_CACHING");
    public static final List<String> SKIP_AWS_CRED_CACHE = List.of(ENV, "CLAUDE_CODE_SKIP_AWS_CRED_CACHE");
    public static final List<String> CHAIN_RESOLVE_TIMEOUT = List.of(ENV, "CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS");
    public static final List<String> DISABLE_AUTH_REFRESH_LOCK = List.of(ENV, "CLAUDE_CODE_DISABLE_AUTH_REFRESH_LOCK");
    public static final List<String> SUBPROCESS_ENV_SCRUB = List.of(ENV, "CLAUDE_CODE_SUBPROCESS_ENV_SCRUB");

    // managed model policy (issue 18, decision 0041): Claude Code reads them from managed settings
    public static final List<String> AVAILABLE_MODELS = List.of("availableModels");
    public static final List<String> ENFORCE_AVAILABLE_MODELS = List.of("enforceAvailableModels");
    /** modelOverrides: `team profiles` writes one entry per model (model ID → application profile ARN). */
    public static final String MODEL_OVERRIDES = "modelOverrides";

    public static final List<List<String>> ALL = List.of(USE_BEDROCK, REGION, PROFILE, MODEL, OPUS, SONNET, HAIKU,
            SMALL_FAST, MAX_OUTPUT_TOKENS, MAX_THINKING_TOKENS, API_KEY, AUTH_REFRESH, CREDENTIAL_EXPORT,
            FABLE, FABLE_NAME, FABLE_DESCRIPTION, FABLE_CAPABILITIES, DEFAULT_MODEL, REGION_PREFIX, SERVICE_TIER,
            PROMPT_CACHING_1H, PROMPT_CACHING_1H_BEDROCK, FORCE_PROMPT_CACHING_5M, DISABLE_PROMPT_CACHING,
            SKIP_AWS_CRED_CACHE, CHAIN_RESOLVE_TIMEOUT, DISABLE_AUTH_REFRESH_LOCK, SUBPROCESS_ENV_SCRUB,
            AVAILABLE_MODELS, ENFORCE_AVAILABLE_MODELS);

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
