package dev.bedrocksetup.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BedrockCatalogTest {
    @RegisterExtension
    final StandInFixture f = new StandInFixture();
    private final IssuedCredentials creds = f.roleCredentials();

    private BedrockClient bedrock(String region) {
        return f.clients(region, creds).bedrock();
    }

    private static List<String> ids(List<InferenceProfileSummary> profiles) {
        return profiles.stream().map(InferenceProfileSummary::inferenceProfileId).collect(Collectors.toList());
    }

    @Test
    void eachRegionSeesTheGeographiesItBelongsTo() {
        List<String> eu = ids(bedrock("eu-west-1").listInferenceProfiles(r -> r.typeEquals(
                InferenceProfileType.SYSTEM_DEFINED)).inferenceProfileSummaries());
        assertTrue(eu.contains("eu.anthropic.claude-sonnet-4-5-20250929-v1:0"), eu.toString());
        assertTrue(eu.contains("global.anthropic.claude-opus-5"), eu.toString());
        assertTrue(eu.stream().noneMatch(id -> id.startsWith("us.") || id.startsWith("apac.")), eu.toString());

        List<String> tokyo = ids(bedrock("ap-northeast-1").listInferenceProfiles(r -> r.typeEquals(
                InferenceProfileType.SYSTEM_DEFINED)).inferenceProfileSummaries());
        assertTrue(tokyo.contains("jp.anthropic.claude-haiku-4-5-20251001-v1:0"), tokyo.toString());
        assertTrue(tokyo.contains("apac.anthropic.claude-opus-4-6-v1"), tokyo.toString());
        assertFalse(tokyo.contains("au.anthropic.claude-haiku-4-5-20251001-v1:0"));

        List<String> sydney = ids(bedrock("ap-southeast-2").listInferenceProfiles(r -> { }).inferenceProfileSummaries());
        assertTrue(sydney.contains("au.anthropic.claude-sonnet-4-5-20250929-v1:0"), sydney.toString());

        List<String> canada = ids(bedrock("ca-central-1").listInferenceProfiles(r -> { }).inferenceProfileSummaries());
        assertTrue(!canada.isEmpty() && canada.stream().allMatch(id -> id.startsWith("global.")), canada.toString());
    }

    @Test
    void profilesListTheModelArnsOfEveryDestinationRegion() {
        GetInferenceProfileResponse p = bedrock("eu-central-1").getInferenceProfile(r -> r.inferenceProfileIdentifier(
                "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        assertEquals("arn:aws:bedrock:eu-central-1:111122223333:inference-profile/"
                + "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", p.inferenceProfileArn());
        assertEquals(InferenceProfileType.SYSTEM_DEFINED, p.type());
        List<String> arns = p.models().stream().map(InferenceProfileModel::modelArn).collect(Collectors.toList());
        assertTrue(arns.contains("arn:aws:bedrock:eu-west-3::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"));
        assertTrue(arns.contains("arn:aws:bedrock:eu-north-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"));
        assertTrue(arns.stream().allMatch(a -> a.startsWith("arn:aws:bedrock:eu-")), arns.toString());
        assertTrue(p.createdAt() != null);

        // By ARN too, and a profile of another geography is not found from here.
        assertEquals(p.inferenceProfileId(), bedrock("eu-central-1").getInferenceProfile(r -> r
                .inferenceProfileIdentifier(p.inferenceProfileArn())).inferenceProfileId());
        assertThrows(ResourceNotFoundException.class, () -> bedrock("eu-central-1").getInferenceProfile(r -> r
                .inferenceProfileIdentifier("us.anthropic.claude-sonnet-4-5-20250929-v1:0")));

        GetInferenceProfileResponse global = bedrock("us-east-1").getInferenceProfile(r -> r
                .inferenceProfileIdentifier("global.anthropic.claude-opus-5"));
        List<String> globalArns = global.models().stream().map(InferenceProfileModel::modelArn).toList();
        assertTrue(globalArns.contains("arn:aws:bedrock:::foundation-model/anthropic.claude-opus-5"));
        assertTrue(globalArns.contains("arn:aws:bedrock:ap-southeast-2::foundation-model/anthropic.claude-opus-5"));
    }

    @Test
    void listingIsPaginatedWithNextTokenAndMaxResults() {
        BedrockClient b = bedrock("us-east-1");
        List<String> all = ids(b.listInferenceProfiles(r -> r.typeEquals(InferenceProfileType.SYSTEM_DEFINED))
                .inferenceProfileSummaries());
        f.server.requestLog().clear();
        List<String> paged = b.listInferenceProfilesPaginator(r -> r.typeEquals(InferenceProfileType.SYSTEM_DEFINED)
                .maxResults(3)).inferenceProfileSummaries().stream()
                .map(InferenceProfileSummary::inferenceProfileId).collect(Collectors.toList());
        assertEquals(all, paged);
        assertEquals((all.size() + 2) / 3, f.server.requestLog().of(Operation.LIST_INFERENCE_PROFILES).size());
        assertThrows(ValidationException.class, () -> b.listInferenceProfiles(r -> r.maxResults(0)));
    }

    @Test
    void applicationProfilesBelongToOneAccountAndRegion() {
        InferenceProfile app = f.scenario.addApplicationProfile(StandInFixture.ACCOUNT, "us-west-2", "team-a",
                "us.anthropic.claude-haiku-4-5-20251001-v1:0");
        List<InferenceProfileSummary> listed = bedrock("us-west-2").listInferenceProfiles(r -> r.typeEquals(
                InferenceProfileType.APPLICATION)).inferenceProfileSummaries();
        assertEquals(1, listed.size());
        assertEquals(app.arn(), listed.get(0).inferenceProfileArn());
        assertTrue(app.arn().startsWith("arn:aws:bedrock:us-west-2:111122223333:application-inference-profile/"));
        assertEquals(InferenceProfileType.APPLICATION, listed.get(0).type());
        assertEquals(3, listed.get(0).models().size());
        assertTrue(bedrock("us-east-1").listInferenceProfiles(r -> r.typeEquals(InferenceProfileType.APPLICATION))
                .inferenceProfileSummaries().isEmpty());
        IssuedCredentials other = f.scenario.issueRoleCredentials(StandInFixture.OTHER_ACCOUNT, "BedrockUser",
                java.time.Duration.ofHours(1));
        assertTrue(f.clients("us-west-2", other).bedrock().listInferenceProfiles(r -> r.typeEquals(
                InferenceProfileType.APPLICATION)).inferenceProfileSummaries().isEmpty());
    }

    @Test
    void foundationModelsOfARegion() {
        List<FoundationModelSummary> models = bedrock("eu-west-1").listFoundationModels(r -> r.byProvider("Anthropic"))
                .modelSummaries();
        List<String> ids = models.stream().map(FoundationModelSummary::modelId).collect(Collectors.toList());
        assertTrue(ids.containsAll(List.of("anthropic.claude-opus-5", "anthropic.claude-opus-4-6-v1",
                "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0")), ids.toString());
        FoundationModelSummary m = models.get(0);
        assertEquals("arn:aws:bedrock:eu-west-1::foundation-model/" + m.modelId(), m.modelArn());
        assertEquals("Anthropic", m.providerName());
        assertTrue(m.responseStreamingSupported());
        assertEquals(List.of("INFERENCE_PROFILE"), m.inferenceTypesSupportedAsStrings());
    }

    @Test
    void deniedListingNamesTheCallerActionAndResource() {
        f.scenario.failNext(Operation.LIST_INFERENCE_PROFILES, Fault.accessDenied(), 1);
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> bedrock("eu-west-1").listInferenceProfiles(r -> { }));
        assertEquals("User: arn:aws:sts::111122223333:assumed-role/BedrockUser/alice is not authorized to perform:"
                + " bedrock:ListInferenceProfiles on resource: arn:aws:bedrock:eu-west-1:111122223333:"
                + "inference-profile/* because no identity-based policy allows the bedrock:ListInferenceProfiles"
                + " action", e.awsErrorDetails().errorMessage());
        assertEquals(403, e.statusCode());
        // Only the next call was denied.
        assertFalse(bedrock("eu-west-1").listInferenceProfiles(r -> { }).inferenceProfileSummaries().isEmpty());
    }
}
