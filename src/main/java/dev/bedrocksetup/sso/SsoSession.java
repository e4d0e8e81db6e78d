package dev.bedrocksetup.sso;

import java.util.List;

/** What a login needs from the profile: the start URL, the SSO region, the session name, and scopes. */
public final class SsoSession {
    public static final String DEFAULT_SCOPE = "sso:account:access";

    public final String startUrl;
    public final String region;
    /** The [sso-session] name, or null for a legacy profile. */
    public final String name;
    /** Registration scopes; empty for a legacy profile without sso_registration_scopes. */
    public final List<String> scopes;

    public SsoSession(String startUrl, String region, String name, List<String> scopes) {
        this.startUrl = startUrl;
        this.region = region;
        this.name = name;
        this.scopes = List.copyOf(scopes);
    }

    /** The token cache key: the session name, or the start URL for legacy profiles. */
    public String cacheKey() {
        return name != null ? name : startUrl;
    }
}
