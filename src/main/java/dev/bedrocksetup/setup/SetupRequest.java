package dev.bedrocksetup.setup;

import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.claude.Preset;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Secrets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What `init` is asked to set up, from four sources in this order: flags, a preset, the setup in force, defaults.
 * Every answer keeps its source, so the wizard can show "eu-west-1 (from --region)" and `init --yes` can name what
 * is missing. Keys are init's flag names without the dashes, the same as a preset's (docs/preset-schema.md), so an
 * answer is never copied field by field from one shape to another. Both front ends read this one request: the
 * wizard asks only what no flag or preset answered (and opens its lists on the current value), `init --yes` takes
 * every answer as it stands (decision 0022).
 */
public final class SetupRequest {
    /** Where an answer that no one gave comes from. */
    public static final String DEFAULT = "default";

    private final Map<String, Answer<Object>> given;
    private final Map<String, Answer<Object>> current;
    private final Map<String, Answer<Object>> defaults;

    private SetupRequest(Map<String, Answer<Object>> given, Map<String, Answer<Object>> current,
            Map<String, Answer<Object>> defaults) {
        this.given = given;
        this.current = current;
        this.defaults = defaults;
    }

    /**
     * Assembles the request. {@code flags} holds the flags given on the command line (key without dashes → value;
     * a boolean flag only when set); {@code preset} may be null; {@code inForce} may be null (nothing configured).
     */
    public static SetupRequest assemble(Map<String, Object> flags, Preset preset, SetupInForce inForce) {
        Map<String, Answer<Object>> given = new LinkedHashMap<>();
        flags.forEach((key, value) -> {
            if (value != null && !Boolean.FALSE.equals(value)) {
                given.put(key, Answer.of(value, "--" + key));
            }
        });
        if (preset != null) {
            Preset p = preset;
            String source = p.source();
            for (Map.Entry<String, String> key : Preset.KEYS.entrySet()) {
                Object v = switch (key.getValue()) {
                    case "number" -> p.number(key.getKey());
                    case "boolean" -> p.flag(key.getKey()) ? Boolean.TRUE : null;
                    case "array" -> p.strings(key.getKey());
                    default -> p.string(key.getKey());
                };
                if (v != null && !given.containsKey(key.getKey())) {
                    given.put(key.getKey(), Answer.of(v, source));
                }
            }
        }
        Map<String, Answer<Object>> current = new LinkedHashMap<>();
        if (inForce != null && inForce.usesBedrock()) {
            // a new profile (--sso-start-url, --access-key-id) or an API key replaces the profile in force: its
            // name is not an answer
            if (!given.containsKey("sso-start-url") && !given.containsKey("auth")
                    && !given.containsKey("access-key-id")) {
                put(current, "profile", inForce.profile());
            }
            put(current, "region", inForce.region());
            put(current, "model", inForce.model());
            put(current, "opus-model", inForce.opusModel());
            put(current, "sonnet-model", inForce.sonnetModel());
            put(current, "haiku-model", inForce.haikuModel());
            put(current, "fable-model", inForce.fableModel());
            put(current, "default-model", inForce.defaultModel());
            put(current, "region-prefix", inForce.regionPrefix());
            put(current, "service-tier", inForce.serviceTier());
            put(current, "prompt-caching", inForce.promptCaching());
            put(current, "scrub-subprocess-env", inForce.scrubSubprocessEnv());
            put(current, "skip-aws-cred-cache", inForce.switchedOn("CLAUDE_CODE_SKIP_AWS_CRED_CACHE"));
            put(current, "aws-chain-timeout-ms", inForce.awsChainTimeoutMs());
            put(current, "no-auth-refresh-lock", inForce.switchedOn("CLAUDE_CODE_DISABLE_AUTH_REFRESH_LOCK"));
            if (given.get("region") != null) {
                // another region: the models and prefix in force may be of another geography, and are no answer
                String region = (String) given.get("region").value();
                for (String key : new String[] {"model", "opus-model", "sonnet-model", "haiku-model", "fable-model",
                    "default-model"}) {
                    Answer<Object> m = current.get(key);
                    if (m != null && !fits((String) m.value(), region)) {
                        current.remove(key);
                    }
                }
                Answer<Object> prefix = current.get("region-prefix");
                if (prefix != null && (!RegionNames.isValid(region)
                        || !ModelIds.fitsRegion((String) prefix.value(), region))) {
                    current.remove("region-prefix");
                }
            }
            put(current, "credentials", label(inForce.credentials()));
            put(current, "auth-refresh", label(inForce.authRefresh()));
            // only a personal file: project settings are shared (when the project is the home directory, its
            // .claude/settings.json is also the user file) and managed settings are the administrator's, so a run
            // that names no scope never edits them by default
            SettingsScope scope = inForce.scope().value();
            put(current, "scope", scope != SettingsScope.USER && scope != SettingsScope.LOCAL ? Answer.none()
                    : Answer.of(scope.label(), inForce.scope().source()));
        }
        Map<String, Answer<Object>> defaults = new LinkedHashMap<>();
        defaults.put("scope", Answer.of("user", DEFAULT));
        return new SetupRequest(given, current, defaults);
    }

    private static boolean fits(String pinned, String region) {
        String model = dev.bedrocksetup.bedrock.OneMillionContext.withoutTag(pinned);
        int dot = model.indexOf('.');
        return ModelIds.ALIASES.contains(pinned) || model.startsWith("arn:") && model.split(":").length > 3
                && model.split(":")[3].equals(region)
                || dot > 0 && RegionNames.isValid(region) && ModelIds.fitsRegion(model.substring(0, dot), region);
    }

    /** The mode as the flag spells it: ENV → env, AWS_CLI → aws-cli. */
    private static Answer<String> label(Answer<? extends Enum<?>> mode) {
        return mode.value() == null ? Answer.none()
                : Answer.of(mode.value().name().toLowerCase(Locale.ROOT).replace('_', '-'), mode.source());
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Answer<Object>> into, String key, Answer<?> a) {
        if (a.answered()) {
            into.put(key, (Answer<Object>) a);
        }
    }

    /** The answer for a key: given (flag or preset), else in force now, else the default; none when no source has one. */
    public Answer<Object> answer(String key) {
        return given(key).or(current(key)).or(defaults.getOrDefault(key, Answer.none()));
    }

    /** Answered by a flag or the preset: the wizard does not ask it again. */
    public Answer<Object> given(String key) {
        return given.getOrDefault(key, Answer.none());
    }

    /** The value the setup in force has, whatever else answered: the wizard marks it "(current)". */
    public Answer<Object> current(String key) {
        return current.getOrDefault(key, Answer.none());
    }

    public Answer<String> string(String key) {
        Answer<Object> a = answer(key);
        return a.value() instanceof String s ? Answer.of(s, a.source()) : Answer.none();
    }

    public Answer<Integer> number(String key) {
        Answer<Object> a = answer(key);
        return a.value() instanceof Integer n ? Answer.of(n, a.source()) : Answer.none();
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(answer(key).value());
    }

    /** The current value of a key as text, or null. */
    public String currentText(String key) {
        Object v = current(key).value();
        return v == null ? null : v.toString();
    }

    /** This request with one more given answer (the demo's fixed answers; a source the user can read). */
    public SetupRequest with(String key, Object value, String source) {
        Map<String, Answer<Object>> g = new LinkedHashMap<>(given);
        g.put(key, Answer.of(value, source));
        return new SetupRequest(g, current, defaults);
    }

    /**
     * Refuses combinations no front end can act on, before anything is asked or written: SSO details without the
     * start URL they belong to, an authentication mode that does not exist.
     */
    public void rejectIncomplete() {
        boolean ssoDetails = answered("sso-region") || answered("sso-session") || answered("account-id")
                || answered("role-name");
        if (!answered("sso-start-url") && ssoDetails) {
            throw BedrockSetupException.usage("--sso-region, --sso-session, --account-id and --role-name create a "
                    + "profile and need --sso-start-url", "add --sso-start-url https://example.awsapps.com/start, "
                    + "or use an existing profile with --profile alone");
        }
        if (answered("secret-access-key-stdin") && !answered("access-key-id")) {
            throw BedrockSetupException.usage("--secret-access-key-stdin reads the secret of --access-key-id, which "
                    + "is missing", "add --access-key-id AKIA... (and --profile NAME for the new profile)");
        }
        if (answered("access-key-id") && (answered("sso-start-url") || answered("auth"))) {
            throw BedrockSetupException.usage("--access-key-id creates a profile with an IAM user's keys; it does not "
                    + "go with " + (answered("auth") ? "--auth" : "--sso-start-url"), "choose one way in");
        }
        Object auth = given("auth").value();
        if (auth != null && !"bedrock-api-key".equals(auth)) {
            throw BedrockSetupException.usage("--auth '" + Secrets.redact(auth.toString()) + "' is not an "
                    + "authentication mode", "use --auth bedrock-api-key (the key comes from AWS_BEARER_TOKEN_BEDROCK "
                    + "or stdin), or --profile P");
        }
    }

    private boolean answered(String key) {
        return given(key).answered();
    }

    /** The credentials mode an answer names, or null when it names none; an unknown mode: exit 2 by the caller. */
    public static BedrockSettings.CredentialsMode credentialsMode(String label) {
        return label == null ? null : switch (label) {
            case "env" -> BedrockSettings.CredentialsMode.ENV;
            case "export" -> BedrockSettings.CredentialsMode.EXPORT;
            default -> null;
        };
    }

    public static BedrockSettings.AuthRefresh authRefresh(String label) {
        return label == null ? null : switch (label) {
            case "login" -> BedrockSettings.AuthRefresh.LOGIN;
            case "aws-cli" -> BedrockSettings.AuthRefresh.AWS_CLI;
            case "none" -> BedrockSettings.AuthRefresh.NONE;
            default -> null;
        };
    }
}
