package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.SelfLauncher;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own export mode passes our own doctor (issue 14, kind 1): after {@code init --yes --credentials export} Claude
 * Code signs with what {@code awsCredentialExport} prints (ClaudeCodeEndToEndTest), and so do doctor and verify — STS
 * and the model probe with the helper's key — and both exit 0. They used to look for a profile, report "no profile
 * 'default'" and exit 1.
 */
class ExportModeDoctorTest {
    static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    /** Outside the home: where the launcher's bedrock-setup command lives. */
    @TempDir
    Path bin;
    Path project;
    SelfLauncher launcher;

    @BeforeEach
    void exportMode() throws Exception {
        project = Files.createDirectories(aws.dir().resolve("project"));
        aws.stand().browser();
        aws.home().ssoProfiles("dev");
        TempHome.Run login = aws.home().run("login", "--profile", "dev");
        assertEquals(0, login.exit, login.toString());
        launcher = SelfLauncher.create(bin);
        TempHome.Run init = launcher.asSelfCommand(() -> aws.home().run("init", "--yes", "--profile", "dev",
                "--credentials", "export", "--region", "us-east-1", "--model", MODEL, "--skip-probe"));
        assertEquals(0, init.exit, init.toString());
        assertFalse(aws.home().read(".claude/settings.json").contains("AWS_PROFILE"), "no profile in env");
    }

    @Test
    void doctorAndVerifyPassAndCallAwsWithTheHelpersKeys() throws Exception {
        for (String command : List.of("doctor", "verify")) {
            aws.requestLog().clear();
            TempHome.Run r = aws.home().run(command, "--json", "--project-dir", project.toString());
            assertEquals(0, r.exit, command + ": " + r);

            String key = lastPrintedAccessKey();
            List<LoggedRequest> sts = aws.requestLog().of(Operation.GET_CALLER_IDENTITY);
            List<LoggedRequest> probes = aws.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);
            assertFalse(sts.isEmpty(), command + " asked STS: " + aws.requestLog().all());
            assertFalse(probes.isEmpty(), command + " probed the model: " + aws.requestLog().all());
            for (LoggedRequest call : concat(sts, probes)) {
                assertEquals(key, call.accessKeyId(), command + " signed with the key the helper printed: " + call);
                assertEquals(200, call.status(), call.toString());
            }
            assertEquals(MODEL, probes.get(0).modelId());
            if (command.equals("doctor")) {
                Map<?, ?> export = finding(r.out, "helpers.export");
                assertEquals("ok", export.get("status"), export.toString());
                assertEquals("ok", finding(r.out, "aws.credentials").get("status"));
                assertTrue(((String) finding(r.out, "aws.credentials").get("detail")).contains("awsCredentialExport"));
            }
        }
    }

    private String lastPrintedAccessKey() throws Exception {
        String last = launcher.printed().lines().filter(l -> l.contains("AccessKeyId")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the helper never ran"));
        Map<?, ?> creds = (Map<?, ?>) ((Map<?, ?>) JsonDocument.parseLenient(last).root().toValue()).get("Credentials");
        assertNotNull(creds, last);
        return (String) creds.get("AccessKeyId");
    }

    private static List<LoggedRequest> concat(List<LoggedRequest> a, List<LoggedRequest> b) {
        List<LoggedRequest> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static Map<?, ?> finding(String json, String id) throws Exception {
        Map<?, ?> report = (Map<?, ?>) JsonDocument.parseLenient(json).root().toValue();
        for (Object o : (List<?>) report.get("findings")) {
            if (id.equals(((Map<?, ?>) o).get("id"))) {
                return (Map<?, ?>) o;
            }
        }
        throw new AssertionError("no finding " + id + " in " + json);
    }
}
