package dev.bedrocksetup.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonText;
import dev.bedrocksetup.standin.Fault;
import dev.bedrocksetup.standin.InferenceProfile;
import dev.bedrocksetup.standin.InferenceProfileCatalog;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.standin.StandInFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy names exactly what the routing needs. A small evaluator of Allow statements (written for this test)
 * shows that every call Claude Code makes is allowed and an unrelated model is not.
 */
class LeastPrivilegePolicyTest {
    static final String ACCOUNT = StandInFixture.ACCOUNT;
    @RegisterExtension
    final StandInFixture f = new StandInFixture();

    /** Allow-only IAM evaluation: an action and resource are allowed when a statement's patterns match both. */
    static boolean allowed(Map<?, ?> policy, String action, String resource) {
        for (Object o : (List<?>) policy.get("Statement")) {
            Map<?, ?> s = (Map<?, ?>) o;
            if (!"Allow".equals(s.get("Effect")) || s.containsKey("Condition")) {
                continue;
            }
            if (matchesAny(s.get("Action"), action) && matchesAny(s.get("Resource"), resource)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(Object patterns, String value) {
        List<?> list = patterns instanceof List ? (List<?>) patterns : List.of(patterns);
        for (Object p : list) {
            String regex = Pattern.quote((String) p).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (value.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    private Map<?, ?> policyFor(String region, List<String> ids, List<ProfileRouting> out) throws Exception {
        InferenceProfileResolver resolver = new InferenceProfileResolver(
                f.clients(region, f.roleCredentials()).bedrock(), region, ACCOUNT);
        for (String id : ids) {
            out.add(resolver.resolve(id));
        }
        LeastPrivilegePolicy.Result r = LeastPrivilegePolicy.of(out, false);
        // through JSON text, as the user gets it
        return (Map<?, ?>) JsonDocument.parse(JsonText.pretty(r.document, "  ")).root().toValue();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"us.anthropic.claude-sonnet-4-5-20250929-v1:0, us-east-1",
        "eu.anthropic.claude-sonnet-4-5-20250929-v1:0, eu-west-1",
        "global.anthropic.claude-opus-5, us-west-2"})
    void everyCallClaudeCodeMakesIsAllowedAndNothingElse(String id, String region) throws Exception {
        List<ProfileRouting> routings = new ArrayList<>();
        Map<?, ?> policy = policyFor(region, List.of(id), routings);
        InferenceProfile truth = InferenceProfileCatalog.systemProfile(region, ACCOUNT, id).orElseThrow();
        assertEquals(truth.modelArns(), routings.get(0).foundationModelArns, "the destinations Bedrock reports");
        assertTrue(routings.get(0).fromApi);

        assertTrue(allowed(policy, "bedrock:ListInferenceProfiles", "*"));
        assertTrue(allowed(policy, "bedrock:GetInferenceProfile", truth.arn()));
        for (String action : new String[] {"bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"}) {
            assertTrue(allowed(policy, action, truth.arn()), action + " on the profile");
            for (String model : truth.modelArns()) {
                assertTrue(allowed(policy, action, model), action + " on " + model);
            }
        }
        String unrelated = truth.modelArns().get(0).replaceAll("foundation-model/.*",
                "foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0");
        assertFalse(allowed(policy, "bedrock:InvokeModelWithResponseStream", unrelated), "an unrelated model");
        assertFalse(allowed(policy, "bedrock:InvokeModel", "arn:aws:bedrock:" + region + ":" + ACCOUNT
                + ":inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0"), "an unrelated profile");
        assertValidIamGrammar(policy);
    }

    @Test
    void applicationProfilesResolveTheSameWay() throws Exception {
        InferenceProfile app = f.scenario.addApplicationProfile(ACCOUNT, "us-east-1", "team-claude",
                "us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        Map<?, ?> policy = policyFor("us-east-1", List.of(app.arn()), new ArrayList<>());
        assertTrue(allowed(policy, "bedrock:InvokeModelWithResponseStream", app.arn()));
        for (String model : app.modelArns()) {
            assertTrue(allowed(policy, "bedrock:InvokeModelWithResponseStream", model), model);
        }
        assertValidIamGrammar(policy);
    }

    @Test
    void deniedGetInferenceProfileFallsBackToTheKnownRoutingAndSaysSo() throws Exception {
        f.scenario.failAlways(Operation.GET_INFERENCE_PROFILE, Fault.accessDenied());
        List<ProfileRouting> routings = new ArrayList<>();
        Map<?, ?> policy = policyFor("us-east-1", List.of("us.anthropic.claude-sonnet-4-5-20250929-v1:0"), routings);
        assertFalse(routings.get(0).fromApi);
        assertTrue(allowed(policy, "bedrock:InvokeModelWithResponseStream",
                "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"));
        assertTrue(LeastPrivilegePolicy.of(routings, false).notes.get(0).contains("GetInferenceProfile was denied"));
    }

    static void assertValidIamGrammar(Map<?, ?> policy) {
        assertEquals("2012-10-17", policy.get("Version"));
        for (Object o : (List<?>) policy.get("Statement")) {
            Map<?, ?> s = (Map<?, ?>) o;
            assertTrue(s.keySet().containsAll(List.of("Sid", "Effect", "Action", "Resource")), s.toString());
            assertTrue(((String) s.get("Sid")).matches("[A-Za-z0-9]+"), "Sid is alphanumeric");
            for (Object a : (List<?>) s.get("Action")) {
                assertTrue(((String) a).matches("[a-z-]+:[A-Za-z]+"), "action " + a);
            }
            for (Object r : (List<?>) s.get("Resource")) {
                String res = (String) r;
                if (res.contains("*")) {
                    assertEquals("bedrock:ListInferenceProfiles", ((List<?>) s.get("Action")).get(0),
                            "a wildcard only where IAM takes no resource: " + res);
                }
            }
        }
    }
}
