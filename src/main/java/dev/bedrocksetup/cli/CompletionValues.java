package dev.bedrocksetup.cli;

import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.bedrock.BedrockRegions;
import dev.bedrocksetup.bedrock.ModelIdCache;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.core.Environment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fixed values some options take, declared once so that shell completion (bash, zsh and fish) offers them in
 * the spelling users type (picocli would offer an enum's constant names, USER). An enum-typed option names its
 * converter too ({@link ScopeConverter}), so an unknown value is a usage error listing these.
 */
final class CompletionValues {
    private CompletionValues() {}

    /**
     * Options whose values are read when completing, not when the script is generated (they change after it is
     * installed): each option's name and the kind of value `completion --values KIND` prints for it.
     */
    static final Map<String, String> READ_WHEN_COMPLETING = readWhenCompleting();

    static final String PROFILES = "profiles";
    static final String MODELS = "models";

    private static Map<String, String> readWhenCompleting() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("--profile", PROFILES);
        for (String tier : new String[] {"--model", "--opus-model", "--sonnet-model", "--haiku-model", "--fable-model",
            "--default-model"}) {
            m.put(tier, MODELS);
        }
        return m;
    }

    /**
     * The values of one kind, now: the profiles of the AWS config and credentials files, or the model IDs of the
     * last catalogue read ({@link ModelIdCache}). Nothing, rather than an error, when they cannot be read: a
     * completion has nowhere to show one.
     */
    static List<String> now(Environment env, String kind) {
        try {
            if (PROFILES.equals(kind)) {
                List<String> out = new ArrayList<>();
                new AwsConfigService(env, null).listProfiles().forEach(p -> out.add(p.name()));
                return out;
            }
            if (MODELS.equals(kind)) {
                return ModelIdCache.ids(env);
            }
        } catch (RuntimeException e) {
            // an unreadable config file: no profiles to offer
        }
        return List.of();
    }

    /**
     * Values worked out when first iterated, not when made: picocli makes every option's candidates while it builds
     * the command model, at every start, and only help and completion read them (the regions' list cost about half
     * of {@code init}'s start-up: the SDK's table of every service's endpoints, loaded to answer it).
     */
    private abstract static class Fixed implements Iterable<String> {
        private final Supplier<List<String>> source;
        private List<String> values;

        Fixed(Supplier<List<String>> source) {
            this.source = source;
        }

        @Override
        public Iterator<String> iterator() {
            if (values == null) {
                values = source.get();
            }
            return values.iterator();
        }
    }

    static final class Scopes extends Fixed {
        Scopes() {
            super(Scopes::labels);
        }

        private static List<String> labels() {
            List<String> out = new ArrayList<>();
            for (SettingsScope s : SettingsScope.values()) {
                out.add(s.label());
            }
            return out;
        }
    }

    static final class RegionPrefixes extends Fixed {
        RegionPrefixes() {
            super(() -> dev.bedrocksetup.bedrock.RegionPrefix.OVERRIDE_VALUES);
        }
    }

    static final class ServiceTiers extends Fixed {
        ServiceTiers() {
            super(() -> dev.bedrocksetup.claude.BedrockSettings.SERVICE_TIERS);
        }
    }

    static final class PromptCachingModes extends Fixed {
        PromptCachingModes() {
            super(PromptCachingModes::labels);
        }

        private static List<String> labels() {
            List<String> out = new ArrayList<>();
            for (dev.bedrocksetup.claude.BedrockSettings.PromptCaching p
                    : dev.bedrocksetup.claude.BedrockSettings.PromptCaching.values()) {
                out.add(p.label());
            }
            return out;
        }
    }

    static final class CredentialModes extends Fixed {
        CredentialModes() {
            super(() -> List.of("env", "export"));
        }
    }

    static final class AuthRefreshModes extends Fixed {
        AuthRefreshModes() {
            super(() -> List.of("login", "aws-cli", "none"));
        }
    }

    static final class AuthModes extends Fixed {
        AuthModes() {
            super(() -> List.of("bedrock-api-key"));
        }
    }

    /** Values offered, not the only ones accepted (unlike an enum's): a preset's schema has no enum for them. */
    interface Suggestions {}

    /** The regions with a Bedrock endpoint the SDK knows (the wizard's list; any other region name is accepted). */
    static final class Regions extends Fixed implements Suggestions {
        Regions() {
            super(BedrockRegions::all);
        }
    }

    static final class Shells extends Fixed {
        Shells() {
            super(() -> List.of("bash", "zsh", "fish"));
        }
    }
}
