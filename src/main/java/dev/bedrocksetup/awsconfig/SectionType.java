package dev.bedrocksetup.awsconfig;

/** The kinds of sections the shared files hold; anything else is kept but not interpreted. */
public enum SectionType {
    PROFILE,
    SSO_SESSION,
    SERVICES,
    OTHER
}
