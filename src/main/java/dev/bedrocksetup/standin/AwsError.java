package dev.bedrocksetup.standin;

/**
 * An error answered the way AWS answers it: HTTP status, the error code the SDKs map to an exception class, and
 * AWS's message. Thrown anywhere inside a handler; the server renders it in the protocol of the service.
 */
public final class AwsError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public AwsError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The error code, e.g. {@code AccessDeniedException}; JSON services send it in {@code x-amzn-ErrorType}. */
    public String code() {
        return code;
    }

    static AwsError validation(String message) {
        return new AwsError(400, "ValidationException", message);
    }

    static AwsError notFound(String message) {
        return new AwsError(404, "ResourceNotFoundException", message);
    }

    static AwsError conflict(String message) {
        return new AwsError(400, "ConflictException", message);
    }

    static AwsError quotaExceeded(String message) {
        return new AwsError(400, "ServiceQuotaExceededException", message);
    }

    static AwsError accessDenied(String message) {
        return new AwsError(403, "AccessDeniedException", message);
    }
}
