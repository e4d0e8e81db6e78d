package dev.bedrocksetup.claude;

import dev.bedrocksetup.json.JsonEditor;
import dev.bedrocksetup.json.JsonText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Claude-Code-on-Bedrock configuration the user chose, and the settings values it turns into. Values are
 * already validated. A null field means "not chosen": its key is left as it is.
 */
public final class BedrockSettings {
    /** How Claude Code gets AWS credentials. */
    public enum CredentialsMode { ENV, EXPORT }

    /** What Claude Code runs when credentials fail its check. */
    public enum AuthRefresh { LOGIN, AWS_CLI, NONE }

    /** Bedrock's service tiers (ANTHROPIC_BEDROCK_SERVICE_TIER). */
    public static final List<String> SERVICE_TIERS = List.of("default", "flex", "priority");

    /** How long Claude Code keeps its prompt cache: each writes its one switch and removes the ones it contradicts. */
    public enum PromptCaching {
        ONE_HOUR("1h"), FIVE_MINUTES("5m"), OFF("off");

        private final String label;

        PromptCaching(String label) {
            this.label = label;
        }

        /** As init's --prompt-caching spells it. */
        public String label() {
            return label;
        }

        /** The mode a label names, or null. */
        public static PromptCaching fromLabel(String label) {
            for (PromptCaching p : values()) {
                if (p.label.equals(label)) {
                    return p;
                }
            }
            return null;
        }
    }

    public String region;
    public String profile;
    public String model;
    public String opusModel;
    public String sonnetModel;
    public String haikuModel;
    public CredentialsMode credentials = CredentialsMode.ENV;
    public AuthRefresh authRefresh;
    public Integer maxOutputTokens;
    public Integer maxThinkingTokens;
    /** A Bedrock API key (AWS_BEARER_TOKEN_BEDROCK) instead of a profile; never from argv. */
    public String apiKey;
    /** The fourth tier's pin (ANTHROPIC_DEFAULT_FABLE_MODEL). */
    public String fableModel;
    /** The model a new session starts on when no ANTHROPIC_MODEL or settings model is set. */
    public String defaultModel;
    /** ANTHROPIC_BEDROCK_REGION_PREFIX: one of {@code bedrock.RegionPrefix.OVERRIDE_VALUES}. */
    public String regionPrefix;
    /** ANTHROPIC_BEDROCK_SERVICE_TIER: default, flex or priority. */
    public String serviceTier;
    /** The prompt-caching switches (ENABLE_PROMPT_CACHING_1H, FORCE_PROMPT_CACHING_5M, DISABLE_PROMPT_CACHING). */
    public PromptCaching promptCaching;
    /** CLAUDE_CODE_SUBPROCESS_ENV_SCRUB: true writes "1" (credentials kept out of the tools Claude Code runs). */
    public Boolean subprocessEnvScrub;
    /** CLAUDE_CODE_SKIP_AWS_CRED_CACHE: true writes "1" (Claude Code resolves the credentials afresh for each call). */
    public Boolean skipAwsCredCache;
    /** CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS: how long Claude Code waits for the AWS credential chain. */
    public Integer awsChainTimeoutMs;
    /** CLAUDE_CODE_DISABLE_AUTH_REFRESH_LOCK: true writes "1" (awsAuthRefresh runs without Claude Code's lock). */
    public Boolean disableAuthRefreshLock;
    /** availableModels: the models people may use (managed settings only); null leaves the key alone. */
    public List<String> availableModels;
    /** enforceAvailableModels: true also holds the default model to the allowlist; null leaves the key alone. */
    public Boolean enforceAvailableModels;
    /** How settings call bedrock-setup itself (the launcher's absolute path when known). */
    public String selfCommand = "bedrock-setup";

    /**
     * The values to write, in order, as raw JSON text; a null value removes the key. The current document is
     * consulted for the deprecated-key migration.
     */
    public Map<List<String>, String> desired(JsonEditor current, List<String> notes) {
        Map<List<String>, String> out = new LinkedHashMap<>();
        out.put(OwnedKeys.USE_BEDROCK, JsonText.quote("1"));
        if (region != null) {
            out.put(OwnedKeys.REGION, JsonText.quote(region));
        }
        if (apiKey != null) {
            // the key skips the credential chain: no profile, export or refresh command alongside it
            out.put(OwnedKeys.API_KEY, JsonText.quote(apiKey));
            out.put(OwnedKeys.PROFILE, null);
            out.put(OwnedKeys.CREDENTIAL_EXPORT, null);
            out.put(OwnedKeys.AUTH_REFRESH, null);
        } else if (current.find(OwnedKeys.API_KEY) != null && profile != null) {
            out.put(OwnedKeys.API_KEY, null); // a profile now: a leftover key would win over it
        }
        if (profile != null && apiKey == null) {
            if (credentials == CredentialsMode.EXPORT) {
                out.put(OwnedKeys.PROFILE, null);
                out.put(OwnedKeys.CREDENTIAL_EXPORT,
                        JsonText.quote(selfCommand + " export-credentials --profile " + profile));
            } else {
                out.put(OwnedKeys.PROFILE, JsonText.quote(profile));
                out.put(OwnedKeys.CREDENTIAL_EXPORT, null);
            }
        }
        if (model != null) {
            out.put(OwnedKeys.MODEL, JsonText.quote(model));
        }
        if (opusModel != null) {
            out.put(OwnedKeys.OPUS, JsonText.quote(opusModel));
        }
        if (sonnetModel != null) {
            out.put(OwnedKeys.SONNET, JsonText.quote(sonnetModel));
        }
        String haiku = haikuModel;
        Object deprecated = current.find(OwnedKeys.SMALL_FAST) == null ? null
                : current.find(OwnedKeys.SMALL_FAST).value().toValue();
        if (deprecated != null) {
            if (haiku == null && deprecated instanceof String && !((String) deprecated).isBlank()) {
                haiku = (String) deprecated;
                notes.add("ANTHROPIC_SMALL_FAST_MODEL is deprecated: its value moves to ANTHROPIC_DEFAULT_HAIKU_MODEL");
            } else {
                notes.add("ANTHROPIC_SMALL_FAST_MODEL is deprecated and is removed (ANTHROPIC_DEFAULT_HAIKU_MODEL "
                        + "replaces it)");
            }
            out.put(OwnedKeys.SMALL_FAST, null);
        }
        if (haiku != null) {
            out.put(OwnedKeys.HAIKU, JsonText.quote(haiku));
        }
        putIfChosen(out, OwnedKeys.FABLE, fableModel);
        putIfChosen(out, OwnedKeys.DEFAULT_MODEL, defaultModel);
        putIfChosen(out, OwnedKeys.REGION_PREFIX, regionPrefix);
        putIfChosen(out, OwnedKeys.SERVICE_TIER, serviceTier);
        if (promptCaching != null) {
            // Claude Code reads DISABLE first, then FORCE_5M, then the 1-hour switches (decision 0031): the one
            // chosen is written and the ones that would override it or be moot are removed
            String on = JsonText.quote("1");
            out.put(OwnedKeys.DISABLE_PROMPT_CACHING, promptCaching == PromptCaching.OFF ? on : null);
            out.put(OwnedKeys.FORCE_PROMPT_CACHING_5M, promptCaching == PromptCaching.FIVE_MINUTES ? on : null);
            out.put(OwnedKeys.PROMPT_CACHING_1H, promptCaching == PromptCaching.ONE_HOUR ? on : null);
            if (promptCaching != PromptCaching.ONE_HOUR) {
                out.put(OwnedKeys.PROMPT_CACHING_1H_BEDROCK, null);
            }
        }
        if (availableModels != null) {
            out.put(OwnedKeys.AVAILABLE_MODELS, JsonText.write(availableModels));
        }
        if (enforceAvailableModels != null) {
            out.put(OwnedKeys.ENFORCE_AVAILABLE_MODELS, enforceAvailableModels ? "true" : null);
        }
        if (subprocessEnvScrub != null) {
            out.put(OwnedKeys.SUBPROCESS_ENV_SCRUB, subprocessEnvScrub ? JsonText.quote("1") : null);
        }
        if (skipAwsCredCache != null) {
            out.put(OwnedKeys.SKIP_AWS_CRED_CACHE, skipAwsCredCache ? JsonText.quote("1") : null);
        }
        putIfChosen(out, OwnedKeys.CHAIN_RESOLVE_TIMEOUT, awsChainTimeoutMs == null ? null
                : Integer.toString(awsChainTimeoutMs));
        if (disableAuthRefreshLock != null) {
            out.put(OwnedKeys.DISABLE_AUTH_REFRESH_LOCK, disableAuthRefreshLock ? JsonText.quote("1") : null);
        }
        if (maxOutputTokens != null) {
            out.put(OwnedKeys.MAX_OUTPUT_TOKENS, JsonText.quote(Integer.toString(maxOutputTokens)));
        }
        if (maxThinkingTokens != null) {
            out.put(OwnedKeys.MAX_THINKING_TOKENS, JsonText.quote(Integer.toString(maxThinkingTokens)));
        }
        if (authRefresh == null && profile != null && apiKey == null && current.find(OwnedKeys.AUTH_REFRESH) != null) {
            // the refresh command we wrote for another profile would renew the wrong login: it follows the profile
            Object was = current.find(OwnedKeys.AUTH_REFRESH).value().toValue();
            String oldProfile = was instanceof String ? AuthRefreshCommand.oursFor((String) was, selfCommand) : null;
            if (oldProfile != null && !oldProfile.equals(profile)) {
                String moved = ((String) was).trim();
                out.put(OwnedKeys.AUTH_REFRESH, JsonText.quote(moved.substring(0, moved.length()
                        - oldProfile.length()) + profile));
                notes.add("awsAuthRefresh logged in profile " + oldProfile + "; it now logs in " + profile);
            }
        }
        if (authRefresh != null && profile != null) {
            switch (authRefresh) {
                case LOGIN:
                    out.put(OwnedKeys.AUTH_REFRESH, JsonText.quote(selfCommand + " login --profile " + profile));
                    break;
                case AWS_CLI:
                    out.put(OwnedKeys.AUTH_REFRESH, JsonText.quote("aws sso login --profile " + profile));
                    break;
                default:
                    out.put(OwnedKeys.AUTH_REFRESH, null);
            }
        }
        return out;
    }

    private static void putIfChosen(Map<List<String>, String> out, List<String> key, String value) {
        if (value != null) {
            out.put(key, JsonText.quote(value));
        }
    }
}
