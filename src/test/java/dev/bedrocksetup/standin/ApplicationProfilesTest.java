package dev.bedrocksetup.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrock.model.ConflictException;
import software.amazon.awssdk.services.bedrock.model.CreateInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrock.model.Tag;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

/**
 * Application inference profiles through the real AWS SDK for Java against the stand-in (issue 18 item 3): created
 * with tags from a system-defined profile, listed with typeEquals=APPLICATION, tagged, deleted, and AWS's errors.
 */
class ApplicationProfilesTest {
    static final String REGION = "us-west-2";
    static final String SOURCE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String SOURCE_ARN = "arn:aws:bedrock:" + REGION + ":111122223333:inference-profile/" + SOURCE;

    @RegisterExtension
    final StandInFixture f = new StandInFixture();
    private final IssuedCredentials creds = f.roleCredentials();

    private BedrockClient bedrock() {
        return f.clients(REGION, creds).bedrock();
    }

    private CreateInferenceProfileResponse create(BedrockClient b, String name) {
        return b.createInferenceProfile(r -> r.inferenceProfileName(name).description("team platform")
                .modelSource(s -> s.copyFrom(SOURCE_ARN)).tags(Tag.builder().key("team").value("platform").build()));
    }

    private static Map<String, String> tags(BedrockClient b, String arn) {
        return b.listTagsForResource(r -> r.resourceARN(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void aCopiedProfileRoutesLikeItsSourceAndCarriesItsTags() {
        BedrockClient b = bedrock();
        CreateInferenceProfileResponse made = create(b, "bedrock-setup-platform-sonnet");
        assertTrue(made.inferenceProfileArn().startsWith("arn:aws:bedrock:us-west-2:111122223333:"
                + "application-inference-profile/"), made.inferenceProfileArn());
        List<InferenceProfileSummary> apps = b.listInferenceProfiles(r -> r.typeEquals(InferenceProfileType.APPLICATION))
                .inferenceProfileSummaries();
        assertEquals(List.of(made.inferenceProfileArn()), apps.stream().map(InferenceProfileSummary::inferenceProfileArn)
                .collect(Collectors.toList()));
        GetInferenceProfileResponse got = b.getInferenceProfile(r -> r.inferenceProfileIdentifier(
                made.inferenceProfileArn()));
        GetInferenceProfileResponse source = b.getInferenceProfile(r -> r.inferenceProfileIdentifier(SOURCE));
        assertEquals(InferenceProfileType.APPLICATION, got.type());
        assertEquals(source.models().stream().map(InferenceProfileModel::modelArn).collect(Collectors.toList()),
                got.models().stream().map(InferenceProfileModel::modelArn).collect(Collectors.toList()));
        assertEquals(Map.of("team", "platform"), tags(b, made.inferenceProfileArn()));

        b.tagResource(r -> r.resourceARN(made.inferenceProfileArn()).tags(Tag.builder().key("user").value("alice")
                .build()));
        assertEquals(Map.of("team", "platform", "user", "alice"), tags(b, made.inferenceProfileArn()));

        b.deleteInferenceProfile(r -> r.inferenceProfileIdentifier(made.inferenceProfileArn()));
        assertTrue(b.listInferenceProfiles(r -> r.typeEquals(InferenceProfileType.APPLICATION))
                .inferenceProfileSummaries().isEmpty());
        assertThrows(ResourceNotFoundException.class, () -> b.deleteInferenceProfile(
                r -> r.inferenceProfileIdentifier(made.inferenceProfileArn())));
    }

    @Test
    void awsErrorsArriveAsTheSdksExceptions() {
        BedrockClient b = bedrock();
        create(b, "one");
        ConflictException conflict = assertThrows(ConflictException.class, () -> create(b, "one"));
        assertTrue(conflict.getMessage().contains("already exists"), conflict.getMessage());
        assertThrows(ValidationException.class, () -> create(b, "no spaces  or slashes/"));
        assertThrows(ValidationException.class, () -> b.createInferenceProfile(r -> r.inferenceProfileName("x")
                .modelSource(s -> s.copyFrom("arn:aws:bedrock:eu-west-1:111122223333:inference-profile/" + SOURCE))));
        ValidationException tag = assertThrows(ValidationException.class, () -> b.createInferenceProfile(r -> r
                .inferenceProfileName("tagged").modelSource(s -> s.copyFrom(SOURCE_ARN))
                .tags(Tag.builder().key("team").value("caf\u00e9").build())));
        assertTrue(tag.getMessage().contains("tags.member.value"), tag.getMessage());
        f.scenario.applicationProfileQuota(1);
        assertThrows(ServiceQuotaExceededException.class, () -> create(b, "two"));
        f.scenario.failAlways(Operation.CREATE_INFERENCE_PROFILE, Fault.accessDenied());
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> create(b, "three"));
        assertTrue(denied.getMessage().contains("bedrock:CreateInferenceProfile"), denied.getMessage());
    }
}
