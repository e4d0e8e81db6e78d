package dev.bedrocksetup.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.standin.InferenceProfile;
import dev.bedrocksetup.standin.InferenceProfileCatalog;
import dev.bedrocksetup.testing.Examples;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After `team profiles`, `policy` grants the calls Claude Code then makes: the application profile ARN and the
 * foundation models it routes to, and not the system-defined profile it was copied from (issue 18 item 3).
 */
class TeamProfilesPolicyTest {
    static final String REGION = "us-west-2";
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @Test
    void thePolicyAllowsExactlyTheApplicationProfilesAndTheirDestinations() throws Exception {
        aws.stand().staticKeysProfile("keys", "ci-user", REGION);
        assertEquals(0, aws.home().run("init", "--yes", "--profile", "keys", "--region", REGION, "--model", SONNET,
                "--skip-probe").exit);
        Run team = aws.home().run("team", "profiles", "--tag", "team=platform");
        assertEquals(0, team.exit, team.toString());
        Run r = aws.home().run("policy", "--json");
        assertEquals(0, r.exit, r.toString());
        Map<?, ?> policy = (Map<?, ?>) JsonDocument.parse(r.out).root().toValue();

        String settings = aws.home().read(".claude/settings.json");
        String arn = settings.replaceAll("(?s).*\"claude-sonnet-4-5-20250929\": \"([^\"]+)\".*", "$1");
        InferenceProfile source = InferenceProfileCatalog.systemProfile(REGION, Examples.ACCOUNT, SONNET).orElseThrow();
        for (String action : List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream")) {
            assertTrue(LeastPrivilegePolicyTest.allowed(policy, action, arn), action + " on " + arn + ": " + r.out);
            for (String model : source.modelArns()) {
                assertTrue(LeastPrivilegePolicyTest.allowed(policy, action, model), action + " on " + model);
            }
            assertFalse(LeastPrivilegePolicyTest.allowed(policy, action, source.arn()),
                    "not the system-defined profile, which Claude Code no longer calls: " + r.out);
        }
        LeastPrivilegePolicyTest.assertValidIamGrammar(policy);
    }
}
