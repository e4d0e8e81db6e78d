package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.StandInFixture;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `verify`: pass when Claude Code would get answers, fail (exit 1) when a pinned model would not. */
class VerifyCommandTest {
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

    /** Profile dev with keys the stand-in issued, and user settings that send Claude Code through it in us-east-1. */
    IssuedCredentials staticKeysSetup() throws java.io.IOException {
        IssuedCredentials keys = stand.staticKeysProfile("dev", "dev", "us-east-1");
        stand.home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_REGION\": "
                + "\"us-east-1\", \"AWS_PROFILE\": \"dev\", \"ANTHROPIC_MODEL\": "
                + "\"us.anthropic.claude-sonnet-4-5-20250929-v1:0\"}}");
        return keys;
    }

    @Test
    void passesThenFailsWhenAModelIsNotGranted() throws Exception {
        TempHome home = stand.home;
        IssuedCredentials keys = staticKeysSetup();

        Run pass = home.run("verify", "--project-dir", dir.resolve("p").toString());
        assertEquals(0, pass.exit, pass.toString());
        assertTrue(pass.out.strip().endsWith("PASS"), "the verdict is the result, on stdout: " + pass);

        stand.scenario.grantOnly(StandInFixture.ACCOUNT, "us-east-1", "anthropic.claude-haiku-4-5-20251001-v1:0");
        Run fail = home.run("verify", "--json", "--project-dir", dir.resolve("p").toString());
        assertEquals(1, fail.exit, fail.toString());
        Map<?, ?> doc = (Map<?, ?>) JsonDocument.parse(fail.out).root().toValue();
        assertEquals(Boolean.FALSE, doc.get("pass"));
        assertFalse(fail.out.contains(keys.secretAccessKey()));
    }

    /** verify --json shows each of its checks as doctor --json shows that finding, without group and title. */
    @Test
    void verifyShowsEachCheckAsTheDoctorDoes() throws Exception {
        TempHome home = stand.home;
        staticKeysSetup();
        stand.scenario.grantOnly(StandInFixture.ACCOUNT, "us-east-1", "anthropic.claude-haiku-4-5-20251001-v1:0");
        Run doctor = home.run("doctor", "--json", "--project-dir", dir.resolve("p").toString());
        Run verify = home.run("verify", "--json", "--project-dir", dir.resolve("p").toString());
        assertEquals(1, verify.exit, verify.toString());
        Map<String, Map<?, ?>> doctorFindings = new java.util.HashMap<>();
        for (Object o : (java.util.List<?>) ((Map<?, ?>) JsonDocument.parse(doctor.out).root().toValue())
                .get("findings")) {
            doctorFindings.put((String) ((Map<?, ?>) o).get("id"), (Map<?, ?>) o);
        }
        java.util.List<?> checks = (java.util.List<?>) ((Map<?, ?>) JsonDocument.parse(verify.out).root().toValue())
                .get("checks");
        assertTrue(checks.stream().anyMatch(c -> "fail".equals(((Map<?, ?>) c).get("status"))), verify.out);
        for (Object o : checks) {
            Map<?, ?> check = (Map<?, ?>) o;
            assertEquals(java.util.List.of("id", "status", "detail", "fix"), java.util.List.copyOf(check.keySet()));
            Map<?, ?> finding = doctorFindings.get(check.get("id"));
            for (Object key : check.keySet()) {
                assertEquals(finding.get(key), check.get(key), check.get("id") + " " + key);
            }
        }
    }

    /**
     * A proxy nobody listens on: Claude Code cannot connect ("connect ECONNREFUSED", 2.1.330 and 2.1.332), the doctor
     * fails network.runtime-endpoint, and verify fails with it (issue 14, kind 7: it used to pass, its own AWS calls
     * going around the proxy).
     */
    @Test
    void failsWhenClaudeCodesProxyCannotBeReached() throws Exception {
        TempHome home = stand.home;
        staticKeysSetup();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        home.vars.put("HTTPS_PROXY", "http://127.0.0.1:" + closed);
        home.vars.put("HTTP_PROXY", "http://127.0.0.1:" + closed);

        Run doctor = home.run("doctor", "--json", "--project-dir", dir.resolve("p").toString());
        assertEquals(1, doctor.exit, doctor.toString());
        Run verify = home.run("verify", "--json", "--project-dir", dir.resolve("p").toString());
        assertEquals(1, verify.exit, verify.toString());
        Map<?, ?> doc = (Map<?, ?>) JsonDocument.parse(verify.out).root().toValue();
        assertEquals(Boolean.FALSE, doc.get("pass"));
        assertTrue(verify.out.contains("\"id\": \"network.runtime-endpoint\",\n      \"status\": \"fail\""),
                verify.out);
    }

    /** Without Claude Code installed, --with-claude is a failed check that says how to install it (exit 1). */
    @Test
    void withClaudeButNoClaudeOnPath() throws Exception {
        TempHome home = stand.home;
        IssuedCredentials keys = stand.userKeys("dev", "dev");
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_REGION\": "
                + "\"us-east-1\", \"AWS_PROFILE\": \"dev\", \"ANTHROPIC_MODEL\": "
                + "\"us.anthropic.claude-sonnet-4-5-20250929-v1:0\"}}");
        home.vars.put("PATH", dir.resolve("bin").toString()); // no claude there
        java.nio.file.Files.createDirectories(dir.resolve("p"));

        Run r = home.run("verify", "--with-claude", "--json", "--project-dir", dir.resolve("p").toString());
        assertEquals(1, r.exit, r.toString());
        Map<?, ?> doc = (Map<?, ?>) JsonDocument.parse(r.out).root().toValue();
        java.util.List<?> checks = (java.util.List<?>) doc.get("checks");
        for (Object o : checks.subList(0, checks.size() - 1)) {
            assertFalse("fail".equals(((Map<?, ?>) o).get("status")), "the setup itself is fine: " + r.out);
        }
        Map<?, ?> claude = (Map<?, ?>) checks.get(checks.size() - 1);
        assertEquals("claude.answer", claude.get("id"));
        assertEquals("fail", claude.get("status"));
        assertEquals("Claude Code is not installed (no 'claude' on PATH)", claude.get("detail"));
        assertEquals("npm install -g @anthropic-ai/claude-code", claude.get("fix"));

        Run text = home.run("verify", "--with-claude", "--project-dir", dir.resolve("p").toString());
        assertEquals(1, text.exit, text.toString());
        assertTrue(text.out.contains("Claude Code answers: Claude Code is not installed (no 'claude' on PATH)\n"
                + "    fix: npm install -g @anthropic-ai/claude-code\nFAIL"), text.out);
    }
}
