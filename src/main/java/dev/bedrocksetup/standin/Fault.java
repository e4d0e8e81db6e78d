package dev.bedrocksetup.standin;

/**
 * An error a test makes the stand-in answer instead of the normal reply, worded as AWS words it. Built from the
 * request it answers, so AccessDenied names the real caller, action and resource.
 */
@FunctionalInterface
public interface Fault {
    /** What the fault is answered for: operation, caller's principal ARN (may be null), region and resource ARN. */
    record Context(Operation operation, String principalArn, String region, String resourceArn) {}

    AwsError toError(Context context);

    /** IAM denies the action: "User: arn:... is not authorized to perform: bedrock:... on resource: ...". */
    static Fault accessDenied() {
        return c -> AwsError.accessDenied("User: " + c.principalArn() + " is not authorized to perform: "
                + c.operation().iamAction() + " on resource: " + c.resourceArn()
                + " because no identity-based policy allows the " + c.operation().iamAction() + " action");
    }

    /** An organisation's service control policy denies the action. */
    static Fault deniedByServiceControlPolicy() {
        return c -> AwsError.accessDenied("User: " + c.principalArn() + " is not authorized to perform: "
                + c.operation().iamAction() + " on resource: " + c.resourceArn()
                + " with an explicit deny in a service control policy");
    }

    static Fault throttling() {
        return c -> new AwsError(429, "ThrottlingException", "Too many requests, please wait before trying again.");
    }

    /** The session credentials expired between signing and arrival, as STS-issued tokens do. */
    static Fault expiredToken() {
        return c -> new AwsError(403, "ExpiredTokenException", "The security token included in the request is expired");
    }

    /** Anthropic models need the one-time use-case form per account. */
    static Fault useCaseNotSubmitted() {
        return c -> AwsError.notFound("Model use case details have not been submitted for this account. Fill out the"
                + " Anthropic use case details form before using the model. If you have already filled out the form,"
                + " try again in 15 minutes.");
    }

    static Fault serviceUnavailable() {
        return c -> new AwsError(503, "ServiceUnavailableException", "Bedrock is unable to process your request.");
    }

    /** Any other error. */
    static Fault of(int status, String code, String message) {
        return c -> new AwsError(status, code, message);
    }
}
