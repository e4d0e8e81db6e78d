package dev.bedrocksetup.awsconfig;

/**
 * What the user asked for: an SSO profile using an sso-session. Values are validated when the edit is planned.
 * Nothing here is secret.
 */
public record SsoProfileRequest(String profileName, String sessionName, String startUrl, String ssoRegion,
        String accountId, String roleName, String region) {

    /**
     * The fix that creates an IAM Identity Center profile of this name: init with the portal to sign in to, which the
     * wizard completes, or --yes with a region and model. Not "init --profile NAME" alone: init --yes refuses a profile
     * that does not exist, naming these two flags (issue 15, decision 0025).
     */
    public static String initCommand(String profileName) {
        return "bedrock-setup init --profile " + profileName + " --sso-start-url URL --sso-region R";
    }

    /** The same for a profile whose [sso-session] section is gone: init writes the section back under its name. */
    public static String initCommand(String profileName, String sessionName) {
        return "bedrock-setup init --profile " + profileName + " --sso-session " + sessionName
                + " --sso-start-url URL --sso-region R";
    }

    /** Throws a usage error (exit 2) naming the first invalid value. */
    public SsoProfileRequest validated() {
        SsoInputValidation.profileName(profileName);
        SsoInputValidation.sessionName(sessionName);
        SsoInputValidation.startUrl(startUrl);
        SsoInputValidation.region(ssoRegion, "SSO region");
        SsoInputValidation.accountId(accountId);
        SsoInputValidation.roleName(roleName);
        SsoInputValidation.region(region, "region");
        return this;
    }
}
