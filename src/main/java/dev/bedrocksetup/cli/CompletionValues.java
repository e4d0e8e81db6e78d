package dev.bedrocksetup.cli;

import dev.bedrocksetup.claude.SettingsScope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The fixed values some options take, declared once so that shell completion (bash, zsh and fish) offers them in
 * the spelling users type (picocli would offer an enum's constant names, USER). An enum-typed option names its
 * converter too ({@link ScopeConverter}), so an unknown value is a usage error listing these.
 */
final class CompletionValues {
    private CompletionValues() {}

    private abstract static class Fixed implements Iterable<String> {
        private final List<String> values;

        Fixed(List<String> values) {
            this.values = values;
        }

        @Override
        public Iterator<String> iterator() {
            return values.iterator();
        }
    }

    static final class Scopes extends Fixed {
        Scopes() {
            super(labels());
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
            super(dev.bedrocksetup.bedrock.RegionPrefix.OVERRIDE_VALUES);
        }
    }

    static final class ServiceTiers extends Fixed {
        ServiceTiers() {
            super(dev.bedrocksetup.claude.BedrockSettings.SERVICE_TIERS);
        }
    }

    static final class PromptCachingModes extends Fixed {
        PromptCachingModes() {
            super(labels());
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
            super(List.of("env", "export"));
        }
    }

    static final class AuthRefreshModes extends Fixed {
        AuthRefreshModes() {
            super(List.of("login", "aws-cli", "none"));
        }
    }

    static final class AuthModes extends Fixed {
        AuthModes() {
            super(List.of("bedrock-api-key"));
        }
    }

    static final class Shells extends Fixed {
        Shells() {
            super(List.of("bash", "zsh", "fish"));
        }
    }
}
