package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.Secrets;

/**
 * A new profile with an IAM user's long-term keys: the key pair goes to ~/.aws/credentials under {@code [NAME]},
 * the region to {@code [profile NAME]} in ~/.aws/config (nothing secret there). The secret never shows in
 * {@link #toString()}.
 */
public record StaticKeysRequest(String profileName, String accessKeyId, String secretAccessKey, String region) {

    /** This request, each value checked (exit 2 with a fix when one is not what AWS issues or the tools read). */
    public StaticKeysRequest validated() {
        SsoInputValidation.profileName(profileName);
        AccessKeyInput.keyId(accessKeyId, "--access-key-id");
        AccessKeyInput.secret(secretAccessKey, "the secret access key");
        SsoInputValidation.region(region, "region");
        return this;
    }

    /** The same keys for a profile in {@code region} (the wizard learns the region after the keys). */
    public StaticKeysRequest withRegion(String region) {
        return new StaticKeysRequest(profileName, accessKeyId, secretAccessKey, region);
    }

    @Override
    public String toString() {
        return "StaticKeysRequest[" + profileName + ", " + Secrets.redact(accessKeyId) + ", secret "
                + Secrets.mask(secretAccessKey) + ", " + region + "]";
    }
}
