package dev.bedrocksetup.bedrock;

import dev.bedrocksetup.core.Secrets;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import dev.bedrocksetup.aws.AwsCallFailure;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns a failed Bedrock call into an {@link AccessFinding}: by AWS's error code and, where one code covers several
 * causes (AccessDeniedException, ValidationException), by AWS's message, as the Claude Code failure catalogue lists
 * them. Each finding names the fix for this region, model and profile.
 */
public final class AwsErrorClassifier {
    private static final Pattern NOT_AUTHORIZED =
            Pattern.compile("not authorized to perform: (\\S+) on resource: (\\S+)");

    private final String region;
    private final String profile;
    /** The service called, as messages name it: "Bedrock", or "STS" for the identity check. */
    private final String service;

    /** {@code profile}: the AWS profile in use, for login fixes; null for a Bedrock API key. */
    public AwsErrorClassifier(String region, String profile) {
        this(region, profile, "Bedrock");
    }

    private AwsErrorClassifier(String region, String profile, String service) {
        this.region = region;
        this.profile = profile;
        this.service = service;
    }

    /** The same classification for a call to another service (its name appears in network and server errors). */
    public AwsErrorClassifier forService(String name) {
        return new AwsErrorClassifier(region, profile, name);
    }

    public AccessFinding classify(String subject, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof TimeoutException) {
            return finding(subject, AccessClass.NETWORK, "no answer from " + service + " in " + region
                    + " before the deadline",
                    "check your network and proxy (HTTPS_PROXY); try again", null);
        }
        if (t instanceof dev.bedrocksetup.core.BedrockSetupException local) {
            // a problem of this machine already put in words (a shared AWS file the SDK cannot read): nothing was sent
            return finding(subject, AccessClass.UNEXPECTED, local.getMessage(), local.fix(), null);
        }
        if (!(t instanceof AwsServiceException e)) {
            String msg = t instanceof SdkException s ? AwsCallFailure.describe(s) : t.toString();
            return finding(subject, AccessClass.NETWORK, "cannot reach " + service + " in " + region + ": " + msg,
                    "check your network, proxy (HTTPS_PROXY) and any AWS_ENDPOINT_URL* setting", null);
        }
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? String.valueOf(e.getMessage()) : e.awsErrorDetails().errorMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        Matcher iam = NOT_AUTHORIZED.matcher(message);
        if (iam.find()) {
            String action = iam.group(1);
            String resource = iam.group(2);
            boolean scp = lower.contains("service control policy");
            return finding(subject, AccessClass.IAM_DENIED, (scp ? "an organisation's service control policy denies "
                    : "IAM does not allow ") + action + " on " + resource,
                    scp ? "ask the organisation's administrators to allow " + action + " on " + resource
                            + " in the service control policy"
                            : "allow " + action + " on " + resource + " (and the foundation-model ARNs the profile"
                            + " routes to) in the role's policy; see: bedrock-setup policy", message);
        }
        if (lower.contains("don't have access to the model") || lower.contains("don\u2019t have access to the model")) {
            return finding(subject, AccessClass.ACCESS_NOT_GRANTED, "the account has no access to " + subject
                    + " in " + region, "enable the model for " + region
                    + " in the Bedrock console (Model access), or ask your administrator to", message);
        }
        if (lower.contains("use case details have not been submitted")) {
            return finding(subject, AccessClass.USE_CASE_FORM_MISSING, AccessClass.USE_CASE_FORM_MISSING.meaning(),
                    "submit Anthropic's use-case form once per account in the Bedrock console (Model catalog, any"
                            + " Anthropic model); access follows within 15 minutes", message);
        }
        if (lower.contains("on-demand throughput isn")) {
            String bare = subject.startsWith("anthropic.") ? subject : "ID";
            return finding(subject, AccessClass.ON_DEMAND_NOT_SUPPORTED, AccessClass.ON_DEMAND_NOT_SUPPORTED.meaning(),
                    "use " + RegionNames.geographyPrefix(region) + "." + bare + " or global." + bare, message);
        }
        if (lower.contains("model identifier is invalid")) {
            return finding(subject, AccessClass.INVALID_IDENTIFIER, subject + " is not a model identifier " + region
                    + " knows (another geography's prefix, or a typo)",
                    "pick an ID from: bedrock-setup models --region " + region, message);
        }
        if (lower.contains("marked by provider as legacy")) {
            return finding(subject, AccessClass.LEGACY_MODEL, AccessClass.LEGACY_MODEL.meaning(),
                    "pin a current model instead (bedrock-setup models --region " + region + ")", message);
        }
        if (code.contains("Throttling") || code.contains("ServiceQuotaExceeded") || e.statusCode() == 429
                || lower.contains("too many tokens")) {
            return finding(subject, AccessClass.THROTTLED, "Bedrock throttled the call or the quota is used up",
                    "retry later; check the Bedrock quotas in Service Quotas for " + region
                            + " (new accounts can start at 0), or use a global. profile", message);
        }
        if (code.startsWith("ExpiredToken") || lower.contains("security token included in the request is expired")) {
            return finding(subject, AccessClass.CREDENTIALS_EXPIRED, AccessClass.CREDENTIALS_EXPIRED.meaning(),
                    profile == null ? "create a new Bedrock API key (short-term keys last at most 12 hours)"
                            : "log in again: bedrock-setup login --profile " + profile, message);
        }
        if (lower.contains("signature expired")) {
            return finding(subject, AccessClass.CREDENTIALS_INVALID, "the request was refused because this computer's"
                    + " clock is wrong", "set the clock right (enable time synchronisation)", message);
        }
        if (lower.contains("invalid api key format")) {
            return finding(subject, AccessClass.CREDENTIALS_INVALID, "the bearer token is not a Bedrock API key",
                    "remove ANTHROPIC_AUTH_TOKEN, apiKeyHelper or custom Authorization headers aimed at Bedrock, or"
                            + " set AWS_BEARER_TOKEN_BEDROCK to a Bedrock API key", message);
        }
        if (code.equals("UnrecognizedClientException") || code.equals("InvalidClientTokenId")
                || code.startsWith("InvalidSignature") || code.equals("SignatureDoesNotMatch")
                || code.startsWith("MissingAuthenticationToken")
                || lower.contains("security token included in the request is invalid")) {
            return finding(subject, AccessClass.CREDENTIALS_INVALID, "AWS does not recognise the credentials (stale"
                    + " keys, a wrong secret, or keys of another account)", profile == null
                    ? "create a new Bedrock API key in the Bedrock console for " + region
                    : "check the keys of profile " + profile + ", or log in again: bedrock-setup login --profile "
                            + profile, message);
        }
        if (e.statusCode() >= 500) {
            return finding(subject, AccessClass.NETWORK, service + " in " + region + " is unavailable right now ("
                    + code + ")", "try again in a few minutes", message);
        }
        return finding(subject, AccessClass.UNEXPECTED, code + " from " + service + " in " + region,
                "read AWS's message; run again with --verbose", message);
    }

    private static AccessFinding finding(String subject, AccessClass kind, String explanation, String fix,
            String awsMessage) {
        return new AccessFinding(subject, kind, Secrets.redact(explanation), Secrets.redact(fix),
                awsMessage == null ? null : Secrets.redact(awsMessage));
    }

    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
