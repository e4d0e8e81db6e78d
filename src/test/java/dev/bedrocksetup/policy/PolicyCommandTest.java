package dev.bedrocksetup.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.standin.InferenceProfileCatalog;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.StandInFixture;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bedrock-setup policy` end to end against the stand-in: the configured models' exact routing, nothing secret. */
class PolicyCommandTest {
    @TempDir
    Path dir;
    StandInHome stand;

    @BeforeEach
    void start() {
        stand = new StandInHome(dir, StandInFixture.twoAccounts());
    }

    @AfterEach
    void close() {
        stand.close();
    }

    @Test
    void printsThePolicyForTheConfiguredModels() throws Exception {
        TempHome home = stand.home;
        IssuedCredentials keys = stand.staticKeysProfile("keys", "dev", "eu-west-1");
        home.write(".claude/settings.json", "{\"env\": {\"AWS_REGION\": \"eu-west-1\", \"ANTHROPIC_MODEL\": "
                + "\"eu.anthropic.claude-sonnet-4-5-20250929-v1:0\", \"ANTHROPIC_DEFAULT_HAIKU_MODEL\": "
                + "\"global.anthropic.claude-haiku-4-5-20251001-v1:0\"}}");

        Run r = home.run("policy", "--profile", "keys");
        assertEquals(0, r.exit, r.toString());
        Map<?, ?> policy = (Map<?, ?>) JsonDocument.parse(r.out).root().toValue();
        for (String id : List.of("eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "global.anthropic.claude-haiku-4-5-20251001-v1:0")) {
            var truth = InferenceProfileCatalog.systemProfile("eu-west-1", StandInFixture.ACCOUNT, id).orElseThrow();
            assertTrue(LeastPrivilegePolicyTest.allowed(policy, "bedrock:InvokeModelWithResponseStream", truth.arn()));
            for (String m : truth.modelArns()) {
                assertTrue(LeastPrivilegePolicyTest.allowed(policy, "bedrock:InvokeModelWithResponseStream", m), m);
            }
        }
        LeastPrivilegePolicyTest.assertValidIamGrammar(policy);
        assertTrue(r.err.contains("InvokeClaudeThroughInferenceProfiles:"), "statements explained on stderr");
        assertFalse(r.out.contains(keys.secretAccessKey()) || r.err.contains(keys.secretAccessKey()));

        Run json = home.run("policy", "--profile", "keys", "--json", "--model",
                "eu.anthropic.claude-opus-4-6-v1");
        assertEquals(0, json.exit, json.toString());
        assertEquals("using region eu-west-1 from ~/.claude/settings.json\n", json.err,
                "--json: the policy only; stderr says only where the region came from");

        Run alias = home.run("policy", "--profile", "keys", "--model", "opus");
        assertEquals(2, alias.exit);
        assertTrue(alias.err.contains("alias"), alias.err);
    }
}
