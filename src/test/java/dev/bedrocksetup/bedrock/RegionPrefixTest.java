package dev.bedrocksetup.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The prefix table, as read in Claude Code 2.1.330 and 2.1.332 (decision 0031: the region-only derivation, and the
 * override that GovCloud ignores). The jp rows for ap-northeast-1 and the ignored "JP" are also what the real Claude
 * Code sent to the stand-in (e2e/ClaudeCodeBedrockSurfaceTest).
 */
class RegionPrefixTest {

    @ParameterizedTest(name = "{0} → {1}; with ANTHROPIC_BEDROCK_REGION_PREFIX=jp → {2}")
    @CsvSource({
        "ca-central-1,   global, jp",
        "sa-east-1,      global, jp",
        "me-central-1,   global, jp",
        "us-gov-west-1,  us-gov, us-gov",
        "us-gov-east-1,  us-gov, us-gov",
        "ap-northeast-1, apac,   jp",
        "ap-southeast-2, apac,   jp",
        "eu-west-1,      eu,     jp",
        "us-west-2,      us,     jp",
        "il-central-1,   global, jp",
    })
    void derivedAndOverridden(String region, String derived, String withJp) {
        assertEquals(derived, RegionPrefix.derived(region));
        assertEquals(derived, RegionNames.geographyPrefix(region), "RegionNames says what RegionPrefix says");
        assertEquals(derived, RegionPrefix.effective(region, null));
        assertEquals(withJp, RegionPrefix.effective(region, "jp"));
    }

    @ParameterizedTest(name = "ANTHROPIC_BEDROCK_REGION_PREFIX=\"{0}\" in ap-northeast-1 → {1}")
    @CsvSource(value = {
        "au|au", "global|global", "us|us", "eu|eu", "apac|apac",
        " jp |jp",          // Claude Code trims the value
        "JP|apac",          // case matters: not a value, so the region's own prefix
        "us-gov|apac",      // a prefix Claude Code knows, but not one the variable may pick
        "japan|apac",
        "|apac",
    }, delimiter = '|')
    void overrideValues(String value, String effective) {
        assertEquals(effective, RegionPrefix.effective("ap-northeast-1", value == null ? "" : value));
    }

    @org.junit.jupiter.api.Test
    void noRegionIsGlobal() {
        assertEquals("global", RegionPrefix.derived(null));
        assertEquals("au", RegionPrefix.effective(null, "au"));
    }
}
