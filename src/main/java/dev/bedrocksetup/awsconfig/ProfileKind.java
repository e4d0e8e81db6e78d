package dev.bedrocksetup.awsconfig;

/** How a profile gets credentials, in the order the AWS SDK for Java decides it. */
public enum ProfileKind {
    /** sso_session referring to an [sso-session] section: refreshable tokens. */
    SSO_SESSION,
    /** sso_start_url and sso_region in the profile itself: no refresh, about 8 hours. */
    LEGACY_SSO,
    /** role_arn with web_identity_token_file. */
    WEB_IDENTITY,
    /** role_arn with source_profile or credential_source. */
    ASSUME_ROLE,
    CREDENTIAL_PROCESS,
    /** aws_access_key_id (in the config or the credentials file). */
    STATIC_KEYS,
    /** Settings only (region, output, ...). */
    NO_CREDENTIALS
}
