package dev.bedrocksetup.bedrock;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Secrets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.ListInferenceProfilesResponse;

/**
 * The Claude inference profiles a region offers, from the live API: ListInferenceProfiles for the system-defined
 * profiles and the account's application profiles (both paginated, fetched at once), Claude only, the system
 * profiles whose prefix fits the region, sorted by family (Opus, Sonnet, Haiku, newer), newest first. When listing
 * is denied, a small built-in list stands in and the catalogue says so.
 */
public final class ModelCatalogue {
    private final BedrockClient bedrock;
    private final String region;
    private final String profile;
    private int pageSize = 1000;
    private volatile boolean systemListingMade;
    private volatile RuntimeException systemListingFailure;

    /** {@code profile}: the AWS profile in use (for fixes in messages). */
    public ModelCatalogue(BedrockClient bedrock, String region, String profile) {
        this.bedrock = bedrock;
        this.region = region;
        this.profile = profile;
    }

    /** Smaller pages, to exercise pagination. */
    ModelCatalogue pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /**
     * Lists both profile types at once: the application profiles on {@code executor}, the system-defined ones on this
     * thread (not a third thread per region waiting on two others: models --all-regions lists 33 regions). Exit 4 when
     * AWS fails other than by denial.
     */
    public Catalogue list(Executor executor) {
        CompletableFuture<List<ClaudeProfile>> application =
                CompletableFuture.supplyAsync(() -> fetch(InferenceProfileType.APPLICATION), executor);
        List<ClaudeProfile> all = new ArrayList<>();
        try {
            all.addAll(fetch(InferenceProfileType.SYSTEM_DEFINED));
            systemListingMade = true;
        } catch (RuntimeException e) {
            systemListingFailure = e;
            systemListingMade = true;
            application.cancel(true);
            Throwable cause = AwsErrorClassifier.unwrap(e);
            if (cause instanceof AccessDeniedException denied) {
                return new Catalogue(region, BuiltInModels.forRegion(region), "ListInferenceProfiles was denied ("
                        + Secrets.redact(denied.awsErrorDetails().errorMessage()) + "); this is bedrock-setup's"
                        + " built-in list, not what the account can use");
            }
            throw failure(cause);
        }
        try {
            all.addAll(application.join());
        } catch (RuntimeException e) {
            Throwable cause = AwsErrorClassifier.unwrap(e);
            if (!(cause instanceof AccessDeniedException)) {
                throw failure(cause);
            }
            // application profiles are the account's own; a denial here hides only those
        }
        all.sort(ORDER);
        return new Catalogue(region, all, null);
    }

    /**
     * After {@link #list}: whether its ListInferenceProfiles call for the system-defined profiles was made (answered
     * or failed). That call is bedrock:ListInferenceProfiles as Claude Code makes it at start, so the doctor's
     * control-plane check reads its outcome instead of making the same call again.
     */
    public boolean systemListingMade() {
        return systemListingMade;
    }

    /** How that call failed, as the SDK threw it; null when it answered or was not made. */
    public RuntimeException systemListingFailure() {
        return systemListingFailure;
    }

    /** Opus, Sonnet, Haiku, newer families; newest first; then the region's geography, global, the rest. */
    static final Comparator<ClaudeProfile> ORDER = (a, b) -> {
        int byModel = a.model().compareTo(b.model());
        if (byModel != 0) {
            return byModel;
        }
        return a.id().compareTo(b.id());
    };

    private BedrockSetupException failure(Throwable cause) {
        AccessFinding f = new AwsErrorClassifier(region, profile).classify("ListInferenceProfiles", cause);
        return BedrockSetupException.aws("cannot list the inference profiles in " + region + ": " + f.explanation()
                + (f.awsMessage() == null ? "" : " (AWS: " + f.awsMessage() + ")"), f.fix(), cause);
    }

    private List<ClaudeProfile> fetch(InferenceProfileType type) {
        List<ClaudeProfile> out = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListInferenceProfilesResponse page = bedrock.listInferenceProfiles(b -> b.typeEquals(type)
                    .maxResults(pageSize).nextToken(token));
            for (InferenceProfileSummary s : page.inferenceProfileSummaries()) {
                ClaudeProfile p = toProfile(s);
                if (p != null) {
                    out.add(p);
                }
            }
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return out;
    }

    private ClaudeProfile toProfile(InferenceProfileSummary s) {
        List<String> modelIds = new ArrayList<>();
        for (InferenceProfileModel m : s.models()) {
            String id = ClaudeProfile.modelIdOf(m.modelArn());
            if (!modelIds.contains(id)) {
                modelIds.add(id);
            }
        }
        boolean system = s.type() != InferenceProfileType.APPLICATION;
        ClaudeModelName name = ClaudeModelName.parse(system ? s.inferenceProfileId()
                : modelIds.isEmpty() ? null : modelIds.get(0));
        if (name == null) {
            return null;
        }
        String prefix = null;
        if (system) {
            prefix = s.inferenceProfileId().substring(0, s.inferenceProfileId().indexOf('.'));
            if (!ModelIds.fitsRegion(prefix, region)) {
                return null;
            }
        }
        return new ClaudeProfile(s.inferenceProfileId(), s.inferenceProfileArn(), s.inferenceProfileName(),
                system ? ClaudeProfile.SYSTEM_DEFINED : ClaudeProfile.APPLICATION, s.statusAsString(), prefix, name,
                modelIds);
    }
}
