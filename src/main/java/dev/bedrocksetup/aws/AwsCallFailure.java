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

    /**
     * Why a call never reached the service at {@code hostAndPort}, in one sentence ("bedrock-runtime.invalid does not
     * resolve (DNS)", "127.0.0.1:9 refused the connection"), from the network error among {@code t}'s causes; null
     * when there is none (a deadline, AWS's own answer).
     */
    public static String unreachable(Throwable t, String hostAndPort) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof NetworkRoute.ProxyFailure) {
                return Secrets.redact(c.getMessage());
            }
            if (c instanceof java.net.UnknownHostException) {
                String host = c.getMessage() == null ? hostAndPort : c.getMessage().replaceFirst(":.*", "");
                return host + " does not resolve (DNS)";
            }
            if (c instanceof java.net.ConnectException) {
                return hostAndPort + " refused the connection";
            }
            if (c instanceof java.net.NoRouteToHostException || c instanceof java.net.PortUnreachableException) {
                return "no route to " + hostAndPort;
            }
            if (c instanceof java.net.SocketTimeoutException) {
                return "no answer from " + hostAndPort + " in time";
            }
            if (c instanceof javax.net.ssl.SSLException) {
                return "the TLS connection to " + hostAndPort + " failed (" + Secrets.redact(String.valueOf(
                        c.getMessage())) + ")";
            }
            if (c instanceof java.net.SocketException) {
                return "the connection to " + hostAndPort + " failed (" + Secrets.redact(String.valueOf(
                        c.getMessage())) + ")";
            }
        }
        return null;
    }

    /**
     * The one rendering of a failed AWS call: "no answer within 20 s", "AccessDeniedException: …", or where the call
     * never reached AWS one sentence naming the host and the cause ("sts.invalid does not resolve (DNS)"); secrets
     * masked.
     */
    public static String describe(SdkException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            Matcher m = MILLIS.matcher(String.valueOf(e.getMessage()));
            return m.find() ? "no answer within " + Deadlines.describe(Duration.ofMillis(Long.parseLong(m.group(1))))
                    : "no answer before the deadline";
        }
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + ": " + Secrets.redact(s.awsErrorDetails().errorMessage());
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof NetworkRoute.ProxyFailure || c instanceof java.net.UnknownHostException) {
                return unreachable(c, "the endpoint");
            }
        }
        // worded by NetworkFailureWords, or a failure before any request (no endpoint, no credentials): one line
        return Secrets.redact(String.valueOf(e.getMessage()).replaceAll("\\s*\\(SDK Attempt "
                + "Count: \\d+\\)", "").replace("Unable to execute HTTP request: ", ""));
    }

    /** What {@code t} says to a user: an SDK exception as {@link #describe(SdkException)} words it, else its message. */
    public static String words(Throwable t) {
        return t instanceof SdkException e ? describe(e) : Secrets.redact(String.valueOf(t.getMessage()));
    }

    /** An AWS call to {@code service} failed: exit 4, naming the service, what happened and the deadline. */
    public static BedrockSetupException of(String service, SdkException e) {
        boolean deadline = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
        return BedrockSetupException.aws(service + ": " + describe(e), deadline
                ? "check the network and proxy (HTTPS_PROXY); " + Deadlines.AWS_VARIABLE + "=SECONDS allows longer"
                : "check the network, proxy (HTTPS_PROXY) and credentials; run again with --verbose for details", e);
    }
}
