package dev.bedrocksetup.setup;

import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.claude.SettingsPlacement;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import java.util.ArrayList;
import java.util.List;

/**
 * The managed-policy answers of a setup request (issue 18): the drop-in fragment to write and the model allowlist.
 * All of them are managed settings only; given for another scope they are a usage error (exit 2) naming the fix.
 */
public final class ModelPolicyAnswers {
    private ModelPolicyAnswers() {}

    /** The fragment --managed-fragment names (null: the default), refused for a scope other than managed. */
    private static String fragment(SetupRequest request, SettingsScope scope) {
        String name = request.string("managed-fragment").value();
        if (name != null && scope != SettingsScope.MANAGED) {
            throw BedrockSetupException.usage("--managed-fragment names a managed-settings fragment, and this run "
                    + "writes " + scope.label() + " settings", "add --scope managed, or leave --managed-fragment out");
        }
        return name;
    }

    /**
     * Refuses the managed-only answers for another scope (before anything is asked, probed or written), and
     * returns the fragment to write (null: the default).
     */
    public static String requireManagedOnly(SetupRequest request, SettingsScope scope) {
        if (scope != SettingsScope.MANAGED && (request.answer("allow-model").answered()
                || request.flag("enforce-models"))) {
            throw SettingsPlacement.policyOutsideManaged(scope);
        }
        return fragment(request, scope);
    }

    /** Puts --allow-model and --enforce-models into {@code s}. */
    public static void apply(SetupRequest request, BedrockSettings s) {
        List<String> allowed = allowed(request.answer("allow-model").value());
        boolean enforce = request.flag("enforce-models");
        if (enforce && allowed == null) {
            // Claude Code 2.1.330 disables enforcement without a policy-owned allowlist: the flag alone does nothing
            throw BedrockSetupException.usage("--enforce-models needs the allowlist it enforces",
                    "add --allow-model ID (repeatable), for example --allow-model sonnet --enforce-models");
        }
        if (allowed != null) {
            s.availableModels = allowed;
            s.enforceAvailableModels = enforce;
        }
    }

    private static List<String> allowed(Object value) {
        if (!(value instanceof List<?> given)) {
            return value instanceof String one ? allowed(List.of(one.split(","))) : null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : given) {
            String id = String.valueOf(o).strip();
            if (id.isEmpty() || !id.matches("[A-Za-z0-9._:/\\-\\[\\]]{1,200}")) {
                throw BedrockSetupException.usage("--allow-model " + TerminalText.quote(id) + " is not a model name",
                        "give an alias (opus, sonnet, haiku, fable), a model ID, or the start of one such as "
                                + "us.anthropic.claude-sonnet-4-5");
            }
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
