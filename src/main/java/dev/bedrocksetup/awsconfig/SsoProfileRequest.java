package dev.bedrocksetup.awsconfig;

/**
 * What the user asked for: an SSO profile using an sso-session. Values are validated when the edit is planned.
 * Nothing here is secret.
 */
public record SsoProfileRequest(String profileName, String sessionName, String startUrl, String ssoRegion,
        String accountId, String roleName, String region) {

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
