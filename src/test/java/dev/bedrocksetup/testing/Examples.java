package dev.bedrocksetup.testing;

/**
 * The example values every test uses (AWS documents them as examples, so no test names a real account): one place,
 * so a test says {@code Examples.ACCOUNT} instead of repeating the number. The stand-in's own demo scenario in
 * src/main keeps its copy: main code does not depend on test code.
 */
public final class Examples {
    private Examples() {}

    /** The account most tests sign in to ("Sandbox" in {@link StandInHome#sandbox()}). */
    public static final String ACCOUNT = "111122223333";
    /** A second account, for tests that need to tell two apart. */
    public static final String OTHER_ACCOUNT = "444455556666";
    /** The IAM Identity Center start URL of every example SSO profile. */
    public static final String START_URL = "https://example.awsapps.com/start";
}
