package dev.bedrocksetup.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15's scenario: after {@code init --yes --profile k --region eu-west-1 --model eu.…}, every command runs
 * without flags from the setup in force, and the stand-in's request log shows the region (SigV4 scope) and the
 * access key of k's role. Decoys make a wrong choice visible: k's own profile says us-west-2, and a [default]
 * profile with an IAM user's keys is what the commands fell back to before.
 */
class CommandsStartFromTheSetupInForceTest {
    static final String MODEL = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String USING = "using profile k and region eu-west-1 from ~/.claude/settings.json";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    Path dir;
    StandInHome stand;
    TempHome home;

    @BeforeEach
    void start() throws Exception {
        dir = aws.dir();
        stand = aws.stand();
        home = aws.home().ssoProfiles("k"); // k's profile region is us-west-2
        IssuedCredentials decoy = stand.scenario.issueUserKeys(StandInHome.ACCOUNT, "someone-else");
        home.credentials("default", decoy);
        stand.browser();
        Run login = home.run("login", "--profile", "k");
        assertEquals(0, login.exit, login.toString());
        Run init = home.run("init", "--yes", "--profile", "k", "--region", "eu-west-1", "--model", MODEL);
        assertEquals(0, init.exit, init.toString());
        stand.requestLog().clear();
    }

    /** Every signed request since the last clear was for eu-west-1 with credentials of k's role (Dev). */
    private void assertSignedAsKInEuWest1(String command, Operation expected) {
        List<LoggedRequest> signed = stand.requestLog().all().stream().filter(r -> r.accessKeyId() != null).toList();
        assertFalse(stand.requestLog().of(expected).isEmpty(), command + " called " + expected + ": "
                + stand.requestLog());
        for (LoggedRequest r : signed) {
            assertEquals("eu-west-1", r.region(), command + ": " + r);
            IssuedCredentials who = stand.scenario.credentials(r.accessKeyId()).orElseThrow();
            assertTrue(who.principalArn().contains(":assumed-role/Dev/"), command + " signed as k's role: " + who);
        }
        stand.requestLog().clear();
    }

    @Test
    void modelsPolicyLoginExportCredentialsAndVerifyNeedNoFlags() throws Exception {
        Run models = home.run("models");
        assertEquals(0, models.exit, models.toString());
        assertTrue(models.err.startsWith(USING + "\n"), models.err);
        assertFalse(models.out.contains("using profile"), "stdout is the listing only");
        assertSignedAsKInEuWest1("models", Operation.LIST_INFERENCE_PROFILES);

        Run policy = home.run("policy", "--json");
        assertEquals(0, policy.exit, policy.toString());
        assertEquals(USING + "\n", policy.err, "--json: stderr has only the one line");
        assertTrue(policy.out.contains("inference-profile/" + MODEL), policy.out);
        JsonDocument.parse(policy.out); // stdout stays one JSON document
        assertSignedAsKInEuWest1("policy", Operation.GET_INFERENCE_PROFILE);

        Run login = home.run("login");
        assertEquals(0, login.exit, login.toString());
        assertTrue(login.err.startsWith("using profile k from ~/.claude/settings.json\n"), login.err);
        assertTrue(login.err.contains("Already logged in (sso-session corp)"), login.err);

        Run export = home.run("export-credentials");
        assertEquals(0, export.exit, export.toString());
        assertEquals("using profile k from ~/.claude/settings.json\n", export.err);
        Map<?, ?> creds = (Map<?, ?>) ((Map<?, ?>) JsonDocument.parse(export.out).root().toValue()).get("Credentials");
        IssuedCredentials issued = stand.scenario.credentials((String) creds.get("AccessKeyId")).orElseThrow();
        assertTrue(issued.principalArn().contains(":assumed-role/Dev/"), "k's role, not the default keys: " + issued);
        stand.requestLog().clear();

        Run verify = home.run("verify", "--project-dir", dir.toString());
        assertEquals(0, verify.exit, verify.toString());
        assertTrue(verify.err.startsWith(USING + "\n"), verify.err);
        assertTrue(verify.out.strip().endsWith("PASS"), verify.toString());
        assertSignedAsKInEuWest1("verify", Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);

        Run doctor = home.run("doctor", "--project-dir", dir.toString());
        assertTrue(doctor.err.startsWith(USING + "\n"), doctor.err);
        stand.requestLog().clear();
    }

    /** Claude Code's awsCredentialExport passes --profile: then nothing changes, stderr included. */
    @Test
    void aFlagWinsAndIsNotAnnounced() throws Exception {
        Run export = home.run("export-credentials", "--profile", "k");
        assertEquals(0, export.exit, export.toString());
        assertEquals("", export.err);
        assertTrue(export.out.startsWith("{\"Credentials\":{\"AccessKeyId\":\"ASIA"), export.out);

        Run models = home.run("models", "--region", "eu-central-1", "--json");
        assertEquals(0, models.exit, models.toString());
        assertEquals("using profile k from ~/.claude/settings.json\n", models.err);
        assertEquals("eu-central-1", stand.requestLog().of(Operation.LIST_INFERENCE_PROFILES).get(0).region());

        Run other = home.run("export-credentials", "--profile", "default");
        assertEquals(0, other.exit, other.toString());
        assertTrue(other.out.contains("\"AccessKeyId\":\"AKIA"), "the flag's profile: " + other.out);
    }
}
