package dev.bedrocksetup.awsconfig;

import java.util.List;
import java.util.Map;

/**
 * The JavaScript SDK (which Claude Code uses) tries static keys before SSO: leftover keys in ~/.aws/credentials under
 * an SSO profile's name silently win there. This finds them (by key name only; values are never read into messages).
 */
public final class StaticKeyShadowing {
    private StaticKeyShadowing() {}

    /** Whether {@code credentials} holds static keys for {@code profile}. {@code credentials} may be null. */
    public static boolean shadows(AwsSharedFile credentials, String profile) {
        if (credentials == null || !credentials.exists()) {
            return false;
        }
        Map<String, String> props = credentials.sdk().profile(profile).orElse(Map.of());
        if (props.containsKey("aws_access_key_id")) {
            return true;
        }
        // a file the Java SDK cannot read: fall back to the document's own view
        for (ConfigSection s : credentials.document().sections(SectionType.PROFILE, profile)) {
            if (!s.find(credentials.document(), "aws_access_key_id").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The warning for the user, or nothing. */
    public static List<String> warnings(AwsSharedFile credentials, String profile) {
        if (!shadows(credentials, profile)) {
            return List.of();
        }
        return List.of(credentials.path() + " holds static keys for [" + profile + "]: Claude Code (the AWS SDK for "
                + "JavaScript) uses them before SSO, so the SSO profile would be ignored there; remove the keys of ["
                + profile + "] from " + credentials.path());
    }
}
