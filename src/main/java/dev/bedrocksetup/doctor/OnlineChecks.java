package dev.bedrocksetup.doctor;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.bedrock.AccessClass;
import dev.bedrocksetup.bedrock.AccessFinding;
import dev.bedrocksetup.bedrock.AccessProbe;
import dev.bedrocksetup.bedrock.AwsErrorClassifier;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.CallThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The checks that call AWS, the way Claude Code will: credentials, identity, control plane, each pinned model. */
final class OnlineChecks {
    private OnlineChecks() {}

    static final String GROUP = "AWS (online)";

    static List<Check> all() {
        return List.of(
            // first: when Claude Code rejects the helper's output, that is the cause of what fails after it
            new Check("helpers.export", GROUP, "awsCredentialExport prints credentials Claude Code accepts",
                    "\"did not return valid AWS STS output structure\" or \"Could not load credentials\" at every "
                            + "session start", true, OnlineChecks::exportHelper),
            new Check("aws.credentials", GROUP, "Credentials resolve as Claude Code resolves them",
                    "\"Could not load credentials from any providers\" or \"The SSO session ... has expired\"", true,
                    OnlineChecks::credentials),
            new Check("aws.identity", GROUP, "AWS accepts the credentials (STS)",
                    "\"The security token included in the request is expired\" or \"... is invalid\"", true,
                    OnlineChecks::identity),
            new Check("aws.clock", GROUP, "The local clock agrees with AWS",
                    "\"Signature expired\" retried forever (Claude Code does not correct clock skew)", true,
                    OnlineChecks::clock),
            new Check("bedrock.control-plane", GROUP, "Claude Code can read the inference profiles",
                    "Claude Code falls back to hard-coded models", true, OnlineChecks::controlPlane),
            new Check("bedrock.models", GROUP, "Every pinned model answers",
                    "\"You don't have access to the model\", \"not authorized to perform\", \"Too many tokens\"", true,
                    OnlineChecks::models));
    }

    private static String profileOf(DoctorInputs in) {
        return AwsProfileChecks.profileName(in);
    }

    static Finding credentials(Check c, DoctorInputs in) {
        OnlineSession s = in.online();
        if (s.apiKey() != null) {
            return c.skipped("a Bedrock API key is used: no credential chain");
        }
        if (s.skipsAuth()) {
            return c.skipped("CLAUDE_CODE_SKIP_BEDROCK_AUTH: Claude Code resolves no AWS credentials");
        }
        BedrockSetupException failure = s.credentialsFailure();
        if (failure != null) {
            return c.fail(failure.getMessage(), failure.fix());
        }
        return c.ok("from " + s.credentials().source());
    }

    static Finding identity(Check c, DoctorInputs in) {
        OnlineSession s = in.online();
        if (s.apiKey() != null || s.credentials() == null) {
            return c.skipped(s.apiKey() != null ? "a Bedrock API key cannot call STS" : "no credentials to check");
        }
        try {
            var id = s.callerIdentity();
            return c.ok("account " + id.account() + ", " + id.arn());
        } catch (RuntimeException e) {
            AccessFinding f = new AwsErrorClassifier(in.effectiveRegion(), profileOf(in))
                    .forService("STS").classify("STS", e);
            return c.fail(f.explanation() + (f.awsMessage() == null ? "" : ": " + f.awsMessage()), f.fix());
        }
    }

    /** SigV4 allows 5 minutes of skew; Claude Code's model calls do not correct it, so compare with AWS's Date. */
    static Finding clock(Check c, DoctorInputs in) {
        OnlineSession s = in.online();
        if (s.apiKey() != null || s.credentials() == null) {
            return c.skipped("no signed call to compare with");
        }
        java.util.Optional<String> date;
        try {
            date = s.callerIdentity().sdkHttpResponse().firstMatchingHeader("Date");
        } catch (RuntimeException e) {
            return c.skipped("STS did not answer (see the identity check)");
        }
        // the local time when the answer arrived, not when this check started: the call may take seconds (a slow
        // awsCredentialExport before it, a loaded machine), which would read as skew
        java.time.Instant local = s.callerIdentityAt();
        if (date.isEmpty()) {
            return c.skipped("AWS sent no Date header");
        }
        java.time.Instant aws = java.time.ZonedDateTime.parse(date.get(),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        long skew = Math.abs(Duration.between(aws, local).getSeconds());
        if (skew > 240) {
            return c.fail("this machine's clock is " + skew / 60 + " min " + (local.isAfter(aws) ? "ahead of" : "behind")
                    + " AWS: signatures expire, and Claude Code retries them forever",
                    "synchronise the clock (timedatectl set-ntp true, or your OS's time settings)");
        }
        return c.ok("within " + skew + " s of AWS");
    }

    static Finding controlPlane(Check c, DoctorInputs in) {
        OnlineSession s = in.online();
        if (s.apiKey() != null || s.credentials() == null) {
            return c.skipped(s.apiKey() != null ? "a Bedrock API key cannot list profiles" : "no credentials to check");
        }
        List<String> pins = s.pinnedModels();
        String profileId = pins.isEmpty() || pins.get(0).startsWith("arn:") ? null : pins.get(0);
        var bedrock = s.clients().bedrock();
        AwsErrorClassifier classifier = new AwsErrorClassifier(in.effectiveRegion(), profileOf(in));
        // the two calls at once: the check takes one round trip, not two. The listing is the catalogue's own
        // ListInferenceProfiles call when the region's catalogue is listed (the same action, asked once); a call of
        // its own otherwise.
        java.util.concurrent.CompletableFuture<AccessFinding> list = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    in.regionCatalogue();
                    var listed = s.catalogueListing();
                    return listed != null ? AccessProbe.listFinding(classifier, listed.systemListingFailure())
                            : AccessProbe.checkList(bedrock, classifier);
                }, CallThreads.oneEach("control-plane"));
        List<AccessFinding> results = new ArrayList<>();
        AccessFinding get = profileId == null ? null : AccessProbe.checkGet(bedrock, classifier, profileId);
        results.add(list.join());
        if (get != null) {
            results.add(get);
        }
        return summarize(c, results, "ListInferenceProfiles and GetInferenceProfile are allowed");
    }

    static Finding models(Check c, DoctorInputs in) {
        OnlineSession s = in.online();
        List<String> pins = s.pinnedModels();
        if (pins.isEmpty()) {
            return c.skipped("no model is pinned");
        }
        AwsClients clients = s.clients();
        if (clients == null) {
            return c.skipped("no credentials to call Bedrock with");
        }
        List<AccessFinding> results = new AccessProbe(clients.bedrockRuntimeAsync(),
                new AwsErrorClassifier(in.effectiveRegion(), profileOf(in)), Duration.ofSeconds(10)).probe(pins);
        BedrockEndpoints.Endpoint endpoint = s.runtimeEndpoint();
        String where = endpoint.gateway() ? " through the gateway " + endpoint.uri + " (ANTHROPIC_BEDROCK_BASE_URL)" : "";
        Finding f = summarize(c, results, "each answered a one-token streaming call" + where + ": "
                + String.join(", ", pins));
        if (!s.skipsAuth()) {
            return f;
        }
        // Claude Code sends these calls unsigned: only a gateway that signs them can answer (decision 0016)
        String skip = "CLAUDE_CODE_SKIP_BEDROCK_AUTH: Claude Code sends its calls unsigned";
        if (f.status == Status.OK) {
            return c.ok(f.detail + " (unsigned, as Claude Code sends them: the gateway signs)");
        }
        return c.fail(skip + ", and " + (endpoint.gateway() ? "the gateway " + endpoint.uri + " does not sign them"
                : "they go to " + (endpoint.uri == null ? "AWS" : endpoint.uri) + ", not to a gateway that signs them")
                + ": " + f.detail, endpoint.gateway() ? "make the gateway at " + endpoint.uri + " sign the calls "
                        + "(SigV4), or remove CLAUDE_CODE_SKIP_BEDROCK_AUTH" : "remove CLAUDE_CODE_SKIP_BEDROCK_AUTH, "
                        + "or set ANTHROPIC_BEDROCK_BASE_URL to your gateway, which signs the calls");
    }

    /**
     * The configured awsCredentialExport, run and read as Claude Code does ({@link ExportHelper}). Output Claude Code
     * rejects fails the check, unless the credential chain Claude Code then falls back to works: a warning then.
     */
    static Finding exportHelper(Check c, DoctorInputs in) {
        OnlineSession s = in.online();
        ExportHelper.Result helper = s.apiKey() == null ? s.exportHelper() : null;
        if (helper == null) {
            return c.skipped(s.apiKey() != null ? "a Bedrock API key is used: Claude Code runs no awsCredentialExport"
                    : "no awsCredentialExport configured");
        }
        if (helper.untrusted()) {
            return c.skipped(helper.problem());
        }
        if (!helper.accepted()) {
            if (s.credentials() != null) {
                return c.warn(helper.problem() + "; Claude Code falls back to " + s.credentials().source()
                        + " (and prints the error at every session start)", helper.fix());
            }
            return c.fail(helper.problem(), helper.fix());
        }
        if (helper.credentials().expiration() == null) {
            return c.warn("temporary credentials without Expiration: Claude Code caches them for an hour and may use "
                    + "them after they expire", "print Expiration too (bedrock-setup export-credentials does)");
        }
        return c.ok("prints temporary credentials valid until " + helper.credentials().expiration()
                + "; Claude Code signs with them");
    }

    /**
     * One finding for several results: ok when all are, else each cause once, naming the subjects it failed (a host
     * that does not resolve fails every model alike), with its fix once.
     */
    private static Finding summarize(Check c, List<AccessFinding> results, String okText) {
        List<String> failures = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        boolean iam = false;
        for (List<AccessFinding> same : AccessFinding.byCause(results)) {
            AccessFinding f = same.get(0);
            failures.add(AccessFinding.subjects(same) + ": " + f.explanation());
            if (f.fix() != null && !fixes.contains(f.fix())) {
                fixes.add(f.fix());
            }
            iam |= f.kind() == AccessClass.IAM_DENIED;
        }
        if (failures.isEmpty()) {
            return c.ok(okText);
        }
        if (iam) {
            fixes.add("the least-privilege policy for these models: bedrock-setup policy");
        }
        return c.fail(String.join("; ", failures), String.join("; ", fixes));
    }
}
