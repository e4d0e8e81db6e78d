package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.bedrock.BedrockRegions;
import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.standin.Fault;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.standin.StandInFixture;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bedrock-setup models` run in-process against the stand-in, as a user would run it. */
class ModelsCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;
    IssuedCredentials keys;

    @BeforeEach
    void setUp() throws Exception {
        stand = new StandInHome(dir, StandInFixture.twoAccounts());
        home = stand.home;
        keys = stand.staticKeysProfile("keys", "dev", "eu-west-1");
    }

    @AfterEach
    void close() {
        stand.close();
    }

    @Test
    void tableOfOneRegionWithThePinsToSet() {
        Run r = home.run("models", "--profile", "keys", "--region", "ap-northeast-1");
        assertEquals(0, r.exit, r.toString());
        assertEquals("", r.err);
        assertTrue(r.out.startsWith("Claude inference profiles in ap-northeast-1 (Claude Code derives the prefix apac.)"),
                r.out);
        assertTrue(r.out.contains("Opus 5"), r.out);
        assertTrue(r.out.contains("jp.anthropic.claude-opus-5"), r.out);
        assertFalse(r.out.contains("eu.anthropic") || r.out.contains(" us.anthropic"), r.out);
        assertTrue(r.out.matches("(?s).*ANTHROPIC_MODEL +global\\.anthropic\\.claude-opus-5\n.*"), r.out);
        assertTrue(r.out.matches("(?s).*ANTHROPIC_DEFAULT_HAIKU_MODEL +apac\\.anthropic\\.claude-haiku-4-5.*"), r.out);
    }

    @Test
    void jsonUsesTheProfilesRegionWhenNoneIsGiven() throws Exception {
        Run r = home.run("models", "--profile", "keys", "--json");
        assertEquals(0, r.exit, r.toString());
        JsonNode doc = JSON.readTree(r.out);
        assertEquals("eu-west-1", doc.get("region").asText());
        assertTrue(doc.get("fallback").isNull());
        List<String> ids = new ArrayList<>();
        doc.get("profiles").forEach(p -> ids.add(p.get("id").asText()));
        assertEquals("eu.anthropic.claude-opus-5", ids.get(0));
        assertEquals(10, ids.size(), ids.toString());
        assertEquals("anthropic.claude-opus-5", doc.at("/profiles/0/modelIds/0").asText());
        assertEquals("eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
                doc.at("/recommended/ANTHROPIC_DEFAULT_SONNET_MODEL").asText());
        assertTrue(stand.requestLog().all().stream().allMatch(e -> "eu-west-1".equals(e.region())));
    }

    @Test
    void noRegionAnywhereIsBadInput() throws Exception {
        home.write(".aws/config", "[profile keys]\n");
        Run r = home.run("models", "--profile", "keys");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("fix: add --region"), r.err);
    }

    @Test
    void deniedListingShowsTheFallbackAndSaysSo() {
        stand.scenario.failAlways(Operation.LIST_INFERENCE_PROFILES, Fault.accessDenied());
        Run r = home.run("models", "--profile", "keys", "--region", "eu-west-1");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("FALLBACK: ListInferenceProfiles was denied"), r.out);
        assertTrue(r.err.contains("warning: ListInferenceProfiles was denied"), r.err);
    }

    @Test
    void expiredLoginIsExit4WithTheLoginCommand() throws Exception {
        home.write(".aws/config", "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                + "sso_role_name = BedrockUser\nregion = eu-west-1\n\n[sso-session corp]\n"
                + "sso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n");
        Run r = home.run("models", "--profile", "dev");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("fix: bedrock-setup login --profile dev"), r.err);
    }

    @Test
    void allRegionsAsksEveryBedrockRegionAndEachListsOnlyWhatFitsIt() throws Exception {
        Run r = home.run("models", "--profile", "keys", "--all-regions", "--json");
        assertEquals(0, r.exit, r.toString());
        JsonNode doc = JSON.readTree(r.out);
        assertEquals("us-east-1", doc.get("recommendedDefaultRegion").asText());
        List<String> regions = new ArrayList<>();
        for (JsonNode region : doc.get("regions")) {
            String name = region.get("region").asText();
            regions.add(name);
            assertFalse(region.has("error"), region.toString());
            for (JsonNode p : region.get("profiles")) {
                String id = p.get("id").asText();
                assertTrue(ModelIds.fitsRegion(id.substring(0, id.indexOf('.')), name), id + " in " + name);
            }
        }
        assertEquals(BedrockRegions.all(), regions);
        assertTrue(regions.containsAll(List.of("us-east-1", "eu-west-1", "ap-northeast-1", "sa-east-1")));
        Set<String> asked = new HashSet<>();
        stand.requestLog().all().forEach(e -> asked.add(e.region()));
        assertEquals(new HashSet<>(regions), asked, "each region asked with a request signed for it");
        JsonNode saoPaulo = doc.get("regions").get(regions.indexOf("sa-east-1"));
        assertEquals("global", saoPaulo.get("geographyPrefix").asText());
        assertEquals("global.anthropic.claude-opus-5", saoPaulo.at("/recommended/ANTHROPIC_MODEL").asText());
        assertEquals(0, doc.get("regions").get(regions.indexOf("af-south-1")).get("profiles").size());
    }

    /**
     * Issue 16 item 6: the credentials are resolved once for all regions. With an SSO profile every resolution is a
     * GetRoleCredentials call that issues new keys, so one call and one access key id across all regions' signed
     * ListInferenceProfiles show the regions' clients share the one resolution; the output is the same table.
     */
    @Test
    void allRegionsSignsEveryRegionsListingWithTheOneResolutionOfTheCredentials() throws Exception {
        home.write(".aws/config", "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                + "sso_role_name = BedrockUser\nregion = eu-west-1\n\n[sso-session corp]\n"
                + "sso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n");
        stand.cacheValidToken("corp");
        Run r = home.run("models", "--profile", "dev", "--all-regions");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.matches("(?s).*\neu-west-1 +eu\\. +10 +eu\\.anthropic\\.claude-opus-5\n.*"), r.out);
        assertEquals(1, stand.requestLog().of(Operation.GET_ROLE_CREDENTIALS).size(), stand.requestLog().toString());
        Set<String> keyIds = new HashSet<>();
        Set<String> regions = new HashSet<>();
        for (var e : stand.requestLog().of(Operation.LIST_INFERENCE_PROFILES)) {
            assertEquals(200, e.status(), e.toString());
            keyIds.add(e.accessKeyId());
            regions.add(e.region());
        }
        assertEquals(new HashSet<>(BedrockRegions.all()), regions);
        assertEquals(1, keyIds.size(), "one set of credentials signs every region: " + keyIds);
        assertTrue(keyIds.iterator().next().startsWith("ASIA"), "the role credentials GetRoleCredentials issued: "
                + keyIds);
    }

    @Test
    void aNarrowColumnsStacksEachProfileUnderItsModelAndAPipeKeepsTheTable() {
        home.vars.put("COLUMNS", "60");
        Run narrow = home.run("models", "--profile", "keys", "--region", "ap-northeast-1");
        assertEquals(0, narrow.exit, narrow.toString());
        for (String line : narrow.out.lines().toList()) {
            assertTrue(line.length() <= 60, "at most 60 columns: '" + line + "'\n" + narrow.out);
        }
        assertTrue(narrow.out.contains("\nOpus 5\n  profile id: global.anthropic.claude-opus-5\n"
                + "  type: system  status: ACTIVE\n  runs: anthropic.claude-opus-5\n"
                + "  profile id: jp.anthropic.claude-opus-5\n"), narrow.out);
        assertTrue(narrow.out.contains("\n  ANTHROPIC_MODEL\n    global.anthropic.claude-opus-5\n"), narrow.out);
        home.vars.remove("COLUMNS");
        Run piped = home.run("models", "--profile", "keys", "--region", "ap-northeast-1");
        assertTrue(piped.out.lines().anyMatch(l -> l.matches("MODEL +PROFILE ID +TYPE +STATUS +RUNS")), piped.out);
    }

    @Test
    void allRegionsTable() {
        Run r = home.run("models", "--profile", "keys", "--all-regions");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("REGION"), r.out);
        assertTrue(r.out.matches("(?s).*\neu-west-1 +eu\\. +10 +eu\\.anthropic\\.claude-opus-5\n.*"), r.out);
        assertTrue(r.out.contains("Recommended default region: us-east-1"), r.out);
    }

    @Test
    void allRegionsWithRegionIsBadInput() {
        assertEquals(2, home.run("models", "--all-regions", "--region", "eu-west-1").exit);
        assertEquals(2, home.run("models", "--region", "europe").exit);
    }

    @Test
    void aBedrockApiKeyAloneCannotListAndSaysWhy() throws Exception {
        home.write(".aws/config", "");
        home.vars.put("AWS_BEARER_TOKEN_BEDROCK", "ABSKexamplekeyexamplekeyexamplekey");
        Run r = home.run("models", "--region", "eu-west-1");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("cannot list inference profiles"), r.err);
        assertFalse(r.err.contains("examplekey"), "the key is a secret: " + r.err);
    }
}
