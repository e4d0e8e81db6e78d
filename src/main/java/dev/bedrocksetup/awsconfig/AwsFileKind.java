package dev.bedrocksetup.awsconfig;

/** The two shared files. Their headers differ: config uses [profile NAME], credentials uses [NAME]. */
public enum AwsFileKind {
    CONFIG("config"),
    CREDENTIALS("credentials");

    private final String label;

    AwsFileKind(String label) {
        this.label = label;
    }

    /** The word used in messages and in the journal ("config", "credentials"). */
    public String label() {
        return label;
    }
}
