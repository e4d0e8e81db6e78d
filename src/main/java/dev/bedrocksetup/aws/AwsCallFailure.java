package dev.bedrocksetup.aws;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Deadlines;
import dev.bedrocksetup.core.Secrets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An AWS call that failed, in words: which service, and for a deadline how long was waited (the SDK says
 * "Client execution did not complete before the specified timeout configuration: 20000 millis").
 */
public final class AwsCallFailure {
    private AwsCallFailure() {}

    private static final Pattern MILLIS = Pattern.compile("(\\d+) millis");

    /** The SDK exception in {@code t}'s causes, or null. */
    public static SdkException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SdkException e) {
                return e;
            }
        }
        return null;
    }

    /** "no answer within 20 s", "AccessDeniedException: …" or the SDK's own words, secrets masked. */
    public static String describe(SdkException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            Matcher m = MILLIS.matcher(String.valueOf(e.getMessage()));
            return m.find() ? "no answer within " + Deadlines.describe(Duration.ofMillis(Long.parseLong(m.group(1))))
                    : "no answer before the deadline";
        }
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + ": " + Secrets.redact(s.awsErrorDetails().errorMessage());
        }
        return Secrets.redact(String.valueOf(e.getMessage()));
    }

    /** An AWS call to {@code service} failed: exit 4, naming the service, what happened and the deadline. */
    public static BedrockSetupException of(String service, SdkException e) {
        boolean deadline = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
        return BedrockSetupException.aws(service + ": " + describe(e), deadline
                ? "check the network and proxy (HTTPS_PROXY); " + Deadlines.AWS_VARIABLE + "=SECONDS allows longer"
                : "check the network, proxy (HTTPS_PROXY) and credentials; run again with --verbose for details", e);
    }
}
