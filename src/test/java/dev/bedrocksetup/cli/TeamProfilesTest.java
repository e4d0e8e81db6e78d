package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.Fault;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `team profiles` against the stand-in (issue 18 item 3): tagged application profiles, once, and modelOverrides. */
class TeamProfilesTest {
    static final String REGION = "us-west-2";
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @BeforeEach
    void setUp() throws Exception {
        aws.stand().staticKeysProfile("keys", "ci-user", REGION);
        Run init = aws.home().run("init", "--yes", "--profile", "keys", "--region", REGION, "--model", SONNET,
                "--haiku-model", HAIKU, "--skip-probe");
        assertEquals(0, init.exit, init.toString());
    }

    private Run profiles(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "team";
        args[1] = "profiles";
        args[2] = "--tag";
        args[3] = "team=platform";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return aws.home().run(args);
    }

    @Test
    void createsOneTaggedProfilePerModelOnceAndPointsClaudeCodeAtThem() throws Exception {
        Run first = profiles();
        assertEquals(0, first.exit, first.toString());
        assertEquals(2, aws.requestLog().of(Operation.CREATE_INFERENCE_PROFILE).size(), aws.requestLog().all().toString());
        String settings = aws.home().read(".claude/settings.json");
        assertTrue(settings.matches("(?s).*\"modelOverrides\": \\{\\s*\"claude-sonnet-4-5-20250929\": "
                + "\"arn:aws:bedrock:us-west-2:111122223333:application-inference-profile/[a-z0-9]+\",\\s*"
                + "\"claude-haiku-4-5-20251001\": \"arn:aws:bedrock:us-west-2:111122223333:"
                + "application-inference-profile/[a-z0-9]+\".*"), settings);
        assertTrue(settings.contains("\"ANTHROPIC_MODEL\": \"claude-sonnet-4-5-20250929\""), settings);

        aws.requestLog().clear();
        Run second = profiles();
        assertEquals(0, second.exit, second.toString());
        assertTrue(aws.requestLog().of(Operation.CREATE_INFERENCE_PROFILE).isEmpty(), "found by tag, none created");
        assertTrue(second.err.contains("(exists)"), second.err);
        assertEquals(settings, aws.home().read(".claude/settings.json"), "nothing to change");

        // another team gets profiles of its own
        aws.requestLog().clear();
        Run other = aws.home().run("team", "profiles", "--tag", "team=data", "--model", HAIKU);
        assertEquals(0, other.exit, other.toString());
        assertEquals(1, aws.requestLog().of(Operation.CREATE_INFERENCE_PROFILE).size());

        Run reset = aws.home().run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertFalse(Files.exists(aws.home().userSettings()), "init and team profiles undone");
    }

    @Test
    void dryRunPrintsTheCallsAndChangesNothing() throws Exception {
        String before = aws.home().read(".claude/settings.json");
        Run r = profiles("--dry-run", "--per-user");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("CreateInferenceProfile inferenceProfileName=bedrock-setup-platform-ci-user-us-"
                + "claude-sonnet-4-5-20250929 modelSource.copyFrom=arn:aws:bedrock:us-west-2:111122223333:"
                + "inference-profile/" + SONNET + " tags=team=platform,user=ci-user,bedrock-setup:copied-from="
                + SONNET), r.out);
        assertTrue(aws.requestLog().of(Operation.CREATE_INFERENCE_PROFILE).isEmpty());
        assertEquals(before, aws.home().read(".claude/settings.json"));
    }

    @Test
    void refusalsAndAwsErrors() throws Exception {
        Run noTag = aws.home().run("team", "profiles");
        assertEquals(2, noTag.exit, noTag.toString());
        Run badTag = aws.home().run("team", "profiles", "--tag", "aws:team=x");
        assertEquals(2, badTag.exit, badTag.toString());
        aws.requestLog().clear();
        for (String outside : new String[] {"team=\u001b[31mred", "team=a;b", "te\tam=x", "team=a\nb", "team=caf\u00e9"}) {
            Run refused = aws.home().run("team", "profiles", "--tag", outside);
            assertEquals(2, refused.exit, refused.toString());
            assertTrue(refused.err.contains("letters, digits, spaces and _ . : / = + - @ (Bedrock"), refused.err);
            assertFalse(refused.err.contains("\u001b"), "shown escaped: " + refused.err);
            assertEquals(2, refused.err.lines().count(), "one line and its fix: " + refused.err);
        }
        assertTrue(aws.requestLog().all().isEmpty(), "refused before any AWS call: " + aws.requestLog().all());
        Run alias = profiles("--model", "sonnet");
        assertEquals(2, alias.exit, alias.toString());
        aws.scenario().failAlways(Operation.CREATE_INFERENCE_PROFILE, Fault.accessDenied());
        String before = aws.home().read(".claude/settings.json");
        Run denied = profiles();
        assertEquals(4, denied.exit, denied.toString());
        assertTrue(denied.err.contains("AccessDeniedException"), denied.err);
        assertEquals(before, aws.home().read(".claude/settings.json"), "nothing written");
        aws.scenario().clearFaults();
        aws.scenario().applicationProfileQuota(1);
        Run quota = profiles();
        assertEquals(4, quota.exit, quota.toString());
        assertTrue(quota.err.contains("ServiceQuotaExceededException"), quota.err);
    }
}
