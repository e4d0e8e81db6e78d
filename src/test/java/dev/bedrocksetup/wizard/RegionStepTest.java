package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.bedrock.BedrockRegions;
import dev.bedrocksetup.cli.WizardHook;
import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The region question: an open list (any well-formed region typed), regions with Claude first, honest labels. */
class RegionStepTest {
    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;

    @BeforeEach
    void setUp() throws Exception {
        stand = new StandInHome(dir, StandInHome.sandbox());
        home = stand.home;
        home.write(".aws/config", WizardTest.CONFIG);
        stand.userKeys("keys", "dev");
    }

    @AfterEach
    void tearDown() {
        WizardHook.use(null);
        stand.close();
    }

    private ScriptedPrompter wizard(String... answers) {
        ScriptedPrompter p = new ScriptedPrompter(answers);
        WizardHook.use(p);
        Run r = home.run("init");
        assertEquals(130, r.exit, r + "\n" + p.transcript);
        return p;
    }

    private static String regionList(ScriptedPrompter p) {
        return p.transcript.stream().filter(l -> l.startsWith("? " + RegionStep.QUESTION)).findFirst().orElseThrow();
    }

    @Test
    void aRegionMissingFromTheListCanBeTypedAndAMalformedOneIsRefusedOnOneLine() {
        ScriptedPrompter p = wizard("keys", RegionStep.ANOTHER, "us-gov-west", "us-gov-west-1", "<cancel>");
        String said = String.join("\n", p.transcript);
        assertTrue(said.contains("\n! 'us-gov-west' is not an AWS region name; use a region such as"), said);
        assertTrue(said.contains("Claude Code derives the us-gov. prefix from us-gov-west-1"),
                "the typed region is the one taken: " + said);
        assertFalse(regionList(p).contains("us-gov-west-1"), "GovCloud is not in the SDK's commercial list");
    }

    @Test
    void regionsWithClaudeComeFirstAndTheOthersFollowFromTheSdksList() {
        String list = regionList(wizard("keys", "<cancel>"));
        List<String> items = List.of(list.substring(list.indexOf('[') + 1, list.lastIndexOf(']')).split(", "));
        int firstWithout = 0;
        while (firstWithout < items.size() && items.get(firstWithout).contains(" Claude profiles (")) {
            firstWithout++;
        }
        assertTrue(firstWithout >= 2, "the stand-in serves Claude in several regions: " + items);
        assertTrue(items.stream().skip(firstWithout).noneMatch(i -> i.contains(" Claude profiles (")),
                "no region with Claude after one without: " + items);
        for (String region : BedrockRegions.all()) {
            assertTrue(items.stream().anyMatch(i -> i.startsWith(region + "  ")), region + " offered: " + items);
        }
        assertTrue(items.get(items.size() - 1).startsWith(RegionStep.ANOTHER), items.toString());
        assertTrue(items.stream().anyMatch(i -> i.startsWith("sa-east-1  ")), "sa-east-1 is listed: " + items);
    }

    @Test
    void aRegionWithoutAGeographyNamesGlobalProfilesOnce() {
        String list = regionList(wizard("keys", "<cancel>"));
        assertFalse(list.contains("global. and global."), list);
        assertTrue(list.contains("ca-central-1  · global. profiles") || list.contains("ca-central-1  · no Claude")
                || list.matches(".*ca-central-1  · \\d+ Claude profiles \\(global\\.\\).*"), list);
        assertEquals("ca-central-1  · global. profiles", RegionStep.label("ca-central-1", null, false, Style.plain()));
        assertEquals("eu-west-1  - eu. and global. profiles  (recommended)",
                RegionStep.label("eu-west-1", null, true, Style.ascii()));
    }
}
