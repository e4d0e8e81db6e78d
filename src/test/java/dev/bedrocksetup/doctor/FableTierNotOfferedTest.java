package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 17 item 1: where the region's catalogue has no Fable profile, the three tiers pinned are every tier. */
class FableTierNotOfferedTest {
    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @Test
    void withoutAFableProfileOnlineThreeTiersAreEnough() throws Exception {
        TempHome home = aws.home();
        aws.stand().staticKeysProfile("dev", "dev", "us-east-1");
        Run init = home.run("init", "--yes", "--skip-probe", "--profile", "dev", "--region", "us-east-1",
                "--model", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "--opus-model", "us.anthropic.claude-opus-4-6-v1",
                "--sonnet-model", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "--haiku-model", "us.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertEquals(0, init.exit, init.toString());
        assertTrue(FableTierUnpinnedTest.unpinnedLine(home.run("doctor", "--all")).contains("ok   Every tier is pinned"));
    }
}
