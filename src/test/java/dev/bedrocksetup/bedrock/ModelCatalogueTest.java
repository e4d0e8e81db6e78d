package dev.bedrocksetup.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.standin.Fault;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.standin.StandInFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live catalogue from ListInferenceProfiles against the stand-in, over real HTTP with real SigV4. */
class ModelCatalogueTest {
    static final String SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU_45 = "anthropic.claude-haiku-4-5-20251001-v1:0";

    @RegisterExtension
    final StandInFixture f = new StandInFixture();
    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    ModelCatalogue catalogue(String region) {
        return new ModelCatalogue(f.clients(region, f.roleCredentials()).bedrock(), region, "dev");
    }

    static List<String> ids(Catalogue c) {
        return c.profiles().stream().map(ClaudeProfile::id).toList();
    }

    @Test
    void euWest1ListsEuAndGlobalProfilesByFamilyNewestFirst() {
        Catalogue c = catalogue("eu-west-1").list(pool);
        assertFalse(c.isFallback());
        assertEquals(List.of(
                "eu.anthropic.claude-opus-5", "global.anthropic.claude-opus-5",
                "eu.anthropic.claude-opus-4-6-v1", "global.anthropic.claude-opus-4-6-v1",
                "eu." + SONNET_45, "global." + SONNET_45,
                "eu.anthropic.claude-sonnet-4-20250514-v1:0", "global.anthropic.claude-sonnet-4-20250514-v1:0",
                "eu." + HAIKU_45, "global." + HAIKU_45), ids(c));
        assertEquals(List.of("Opus 5", "Opus 4.6", "Sonnet 4.5", "Sonnet 4", "Haiku 4.5"), List.copyOf(
                c.byModel().keySet()));
        ClaudeProfile eu = c.profiles().get(0);
        assertEquals("ACTIVE", eu.status());
        assertEquals(List.of("anthropic.claude-opus-5"), eu.modelIds(), "the model behind the profile");
        assertTrue(eu.arn().startsWith("arn:aws:bedrock:eu-west-1:111122223333:inference-profile/"), eu.arn());
    }

    @Test
    void recommendationPinsEveryTierWithTheRegionsGeography() {
        Recommendation r = catalogue("eu-west-1").list(pool).recommend();
        assertEquals(new Recommendation("eu.anthropic.claude-opus-5", "eu.anthropic.claude-opus-5", "eu." + SONNET_45,
                "eu." + HAIKU_45), r);
    }

    @Test
    void whereTheGeographyLacksAModelGlobalIsRecommended() {
        // Tokyo: apac., jp. and global. profiles; Opus 5 has no apac. profile
        Catalogue c = catalogue("ap-northeast-1").list(pool);
        assertTrue(ids(c).contains("jp.anthropic.claude-opus-5"), ids(c).toString());
        assertFalse(ids(c).stream().anyMatch(id -> id.startsWith("us.") || id.startsWith("eu.")), ids(c).toString());
        Recommendation r = c.recommend();
        assertEquals("global.anthropic.claude-opus-5", r.opus());
        assertEquals("apac." + SONNET_45, r.sonnet());
    }

    @Test
    void applicationProfilesOfTheAccountAreListedButNotRecommended() {
        var app = f.scenario.addApplicationProfile(StandInFixture.ACCOUNT, "eu-west-1", "team-sonnet", "eu." + SONNET_45);
        Catalogue c = catalogue("eu-west-1").list(pool);
        ClaudeProfile p = c.profiles().stream().filter(x -> x.type().equals(ClaudeProfile.APPLICATION)).findFirst()
                .orElseThrow();
        assertEquals(app.id(), p.id());
        assertEquals("Sonnet 4.5", p.model().label());
        assertEquals("eu." + SONNET_45, c.recommend().sonnet());
    }

    @Test
    void everyPageIsRead() {
        Catalogue c = catalogue("eu-west-1").pageSize(3).list(pool);
        assertEquals(10, c.profiles().size());
        assertTrue(f.server.requestLog().all().stream()
                .filter(e -> e.operation() == Operation.LIST_INFERENCE_PROFILES).count() >= 4);
    }

    @Test
    void deniedListingFallsBackToTheBuiltInListAndSaysSo() {
        f.scenario.failAlways(Operation.LIST_INFERENCE_PROFILES, Fault.accessDenied());
        Catalogue c = catalogue("eu-west-1").list(pool);
        assertTrue(c.isFallback());
        assertTrue(c.fallbackReason().contains("not authorized to perform: bedrock:ListInferenceProfiles"),
                c.fallbackReason());
        assertTrue(c.fallbackReason().contains("built-in list"), c.fallbackReason());
        assertTrue(ids(c).contains("eu." + SONNET_45));
        assertTrue(ids(c).stream().allMatch(id -> id.startsWith("eu.") || id.startsWith("global.")));
    }

    @Test
    void expiredCredentialsAreAnAwsErrorWithTheLoginFix() {
        var expired = f.scenario.issueRoleCredentials(StandInFixture.ACCOUNT, "BedrockUser", Duration.ofMinutes(-5));
        ModelCatalogue m = new ModelCatalogue(f.clients("eu-west-1", expired).bedrock(), "eu-west-1", "dev");
        BedrockSetupException e = assertThrows(BedrockSetupException.class, () -> m.list(pool));
        assertEquals(4, e.exitCode());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        assertEquals("log in again: bedrock-setup login --profile dev", e.fix());
    }

    @Test
    void aRegionWithoutClaudeHasAnEmptyCatalogue() {
        Catalogue c = catalogue("af-south-1").list(pool);
        assertTrue(c.profiles().isEmpty());
        assertFalse(c.isFallback());
        assertEquals(new Recommendation(null, null, null, null), c.recommend());
    }
}
