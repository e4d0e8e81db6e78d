package dev.bedrocksetup.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recommended region comes from the catalogues read, not from a constant. */
class BedrockRegionsTest {
    private static Catalogue catalogue(String region, String... ids) {
        List<ClaudeProfile> profiles = new ArrayList<>();
        for (String id : ids) {
            String model = id.substring(id.indexOf('.') + 1);
            profiles.add(new ClaudeProfile(id, null, null, ClaudeProfile.SYSTEM_DEFINED, "ACTIVE",
                    id.substring(0, id.indexOf('.')), ClaudeModelName.parse(model), List.of(model)));
        }
        return new Catalogue(region, profiles, null);
    }

    @Test
    void theRegionWithTheMostProfilesOfItsGeographyIsRecommended() {
        Catalogue us = catalogue("us-east-1", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "global.anthropic.claude-sonnet-4-5-20250929-v1:0", "global.anthropic.claude-opus-5");
        Catalogue eu = catalogue("eu-west-1", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "eu.anthropic.claude-opus-5");
        assertEquals("eu-west-1", BedrockRegions.recommended(List.of(us, eu)),
                "two eu. profiles beat one us. profile; global. ones count for no region");
    }

    @Test
    void aTieGoesToClaudeCodesOwnFallbackRegionThenByName() {
        Catalogue euWest = catalogue("eu-west-1", "eu.anthropic.claude-opus-5");
        Catalogue usEast = catalogue("us-east-1", "us.anthropic.claude-opus-5");
        Catalogue euCentral = catalogue("eu-central-1", "eu.anthropic.claude-opus-5");
        assertEquals("us-east-1", BedrockRegions.recommended(List.of(euWest, usEast, euCentral)));
        assertEquals("eu-central-1", BedrockRegions.recommended(List.of(euWest, euCentral)));
    }

    @Test
    void withoutALiveCatalogueItIsClaudeCodesFallback() {
        Catalogue denied = new Catalogue("eu-west-1", BuiltInModels.forRegion("eu-west-1"), "listing denied");
        assertEquals(BedrockRegions.RECOMMENDED_DEFAULT, BedrockRegions.recommended(List.of(denied)));
        assertEquals(BedrockRegions.RECOMMENDED_DEFAULT, BedrockRegions.recommended(List.of()));
    }
}
