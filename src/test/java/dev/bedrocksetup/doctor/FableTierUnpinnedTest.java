package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.ClaudeModel;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17 item 1: models.unpinned asks for the Fable pin exactly when the region's live catalogue has a Fable profile
 * (the stand-in offers one in us.), and names it; offline, where the catalogue is unknown, it asks for the three tiers.
 */
class FableTierUnpinnedTest {
    static final String FABLE = "us.anthropic.claude-fable-5";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension(() -> StandInHome.sandbox()
            .offerModel(new ClaudeModel("anthropic.claude-fable-5", "Claude Fable 5", List.of("global", "us"))));
    TempHome home;

    @BeforeEach
    void everyTierButFablePinned() throws Exception {
        home = aws.home();
        aws.stand().staticKeysProfile("dev", "dev", "us-east-1");
        Run init = home.run("init", "--yes", "--skip-probe", "--profile", "dev", "--region", "us-east-1",
                "--model", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "--opus-model", "us.anthropic.claude-opus-4-6-v1",
                "--sonnet-model", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "--haiku-model", "us.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertEquals(0, init.exit, init.toString());
    }

    static String unpinnedLine(Run doctor) {
        List<String> lines = Arrays.asList((doctor.err + doctor.out).split("\n"));
        int i = 0;
        while (i < lines.size() && !lines.get(i).contains("Every tier is pinned")) {
            i++;
        }
        assertTrue(i < lines.size(), "models.unpinned is reported: " + doctor);
        return lines.get(i) + (i + 1 < lines.size() ? "\n" + lines.get(i + 1) : "");
    }

    @Test
    void onlineTheFableProfileOnOfferIsAskedForByName() {
        String line = unpinnedLine(home.run("doctor", "--all"));
        assertTrue(line.contains("warn") && line.contains("not pinned: ANTHROPIC_DEFAULT_FABLE_MODEL")
                && line.contains("us-east-1 offers the Fable tier: " + FABLE), line);
        assertTrue(line.contains("fix: bedrock-setup init --yes ... --opus-model ID --sonnet-model ID --haiku-model ID "
                + "--fable-model " + FABLE), line);
    }

    @Test
    void offlineTheCatalogueIsUnknownSoThreeTiersAreEnough() {
        assertTrue(unpinnedLine(home.run("doctor", "--offline", "--all")).contains("ok   Every tier is pinned"));
    }

    @Test
    void aFablePinSatisfiesIt() {
        Run init = home.run("init", "--yes", "--skip-probe", "--fable-model", FABLE);
        assertEquals(0, init.exit, init.toString());
        assertTrue(unpinnedLine(home.run("doctor", "--all")).contains("ok   Every tier is pinned"));
    }
}
