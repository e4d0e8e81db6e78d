package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.BedrockSetupException;

/**
 * Which settings file may hold what. A secret (the Bedrock API key) goes only into a file that is private to the
 * user and not shared: not project settings, which are committed with the project, and not managed settings, which
 * every user of the machine reads (so their mode cannot be tightened). A command naming this machine's copy of
 * bedrock-setup by its absolute path does not go into project settings either: teammates who clone the project do
 * not have that path. See docs/decisions/0012-secrets-only-in-private-files.md.
 */
public final class SettingsPlacement {
    /** The mode of a settings file that holds a secret: read and written by its owner only. */
    public static final String PRIVATE_MODE = "rw-------";

    private SettingsPlacement() {}

    /** Why {@code wanted} must not be written into {@code scope}'s file, or null when it may. */
    public static BedrockSetupException refusal(SettingsScope scope, BedrockSettings wanted) {
        if (wanted.apiKey != null && scope == SettingsScope.PROJECT) {
            return BedrockSetupException.usage("a Bedrock API key does not go into project settings: "
                    + ".claude/settings.json is committed and shared with the project",
                    "use --scope local (private to you and git-ignored) or --scope user");
        }
        if (wanted.apiKey != null && scope == SettingsScope.MANAGED) {
            return BedrockSetupException.usage("a Bedrock API key does not go into managed settings: every user of "
                    + "this machine reads that file", "use --scope user, and give each user a key of their own");
        }
        if (wanted.availableModels != null && scope != SettingsScope.MANAGED) {
            return policyOutsideManaged(scope);
        }
        String machineSpecific = machineSpecificCommand(wanted);
        if (machineSpecific != null && scope == SettingsScope.PROJECT) {
            return BedrockSetupException.usage(machineSpecific + " would name " + wanted.selfCommand
                    + ", a path on this machine, in project settings that are committed and shared",
                    "use --scope local or --scope user for it"
                            + (machineSpecific.equals("awsCredentialExport") ? ", or --credentials env"
                            : ", or --auth-refresh aws-cli"));
        }
        return null;
    }

    /** A model policy (availableModels) for a scope other than managed: refused, with the fix. */
    public static BedrockSetupException policyOutsideManaged(SettingsScope scope) {
        // a policy in a file its user can edit binds no one; Claude Code's enforcement trusts the policy tier
        return BedrockSetupException.usage("--allow-model writes availableModels, a model policy, which belongs in "
                + "managed settings: in " + scope.label() + " settings anyone it applies to can change it",
                "add --scope managed (run as the machine's administrator)");
    }

    public static void require(SettingsScope scope, BedrockSettings wanted) {
        BedrockSetupException refused = refusal(scope, wanted);
        if (refused != null) {
            throw refused;
        }
    }

    /** True when the file of {@code scope} must be private because {@code wanted} puts a secret into it. */
    static boolean mustBePrivate(SettingsScope scope, BedrockSettings wanted) {
        return wanted.apiKey != null && (scope == SettingsScope.USER || scope == SettingsScope.LOCAL);
    }

    /** The settings key whose command names bedrock-setup by an absolute path of this machine, or null. */
    private static String machineSpecificCommand(BedrockSettings wanted) {
        String self = wanted.selfCommand == null ? "" : wanted.selfCommand.replaceAll("^'|'$", "");
        boolean absolute = self.startsWith("/") || self.startsWith("~") || self.matches("^[A-Za-z]:[\\\\/].*");
        if (!absolute || wanted.apiKey != null || wanted.profile == null) {
            return null;
        }
        if (wanted.credentials == BedrockSettings.CredentialsMode.EXPORT) {
            return "awsCredentialExport";
        }
        return wanted.authRefresh == BedrockSettings.AuthRefresh.LOGIN ? "awsAuthRefresh" : null;
    }
}
