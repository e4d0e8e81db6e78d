package dev.bedrocksetup.bedrock;

/** What a Bedrock call's answer means for Claude Code, each with a one-line explanation and the fix. */
public enum AccessClass {
    OK("works"),
    ACCESS_NOT_GRANTED("access to this model is not granted to the account in this region"),
    USE_CASE_FORM_MISSING("Anthropic's one-time use-case form has not been submitted for this account"),
    ON_DEMAND_NOT_SUPPORTED("a bare foundation-model ID cannot be invoked on demand; Claude needs an inference profile"),
    INVALID_IDENTIFIER("this model identifier does not exist in this region (another geography's prefix, or a typo)"),
    LEGACY_MODEL("the provider marked this model Legacy; it is being retired"),
    THROTTLED("throttled or over the account's quota"),
    IAM_DENIED("IAM does not allow the call"),
    CREDENTIALS_EXPIRED("the credentials have expired"),
    CREDENTIALS_INVALID("the credentials are not valid here"),
    NETWORK("Bedrock could not be reached in time"),
    UNEXPECTED("Bedrock answered with an unexpected error");

    private final String meaning;

    AccessClass(String meaning) {
        this.meaning = meaning;
    }

    /** The class's general meaning; a {@link AccessFinding} has the specific explanation. */
    public String meaning() {
        return meaning;
    }
}
