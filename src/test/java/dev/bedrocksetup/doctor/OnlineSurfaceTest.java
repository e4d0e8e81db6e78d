package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.standin.StandInFixture;
import dev.bedrocksetup.testing.StandInHome;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model probe tries what Claude Code will call: the Fable pin too, and a model tagged [1m] without its tag
 * (Claude Code strips it before calling Bedrock: e2e/ClaudeCodeBedrockSurfaceTest).
 */
class OnlineSurfaceTest {
    static final String SONNET = OnlineDoctorTest.SONNET;
    static final String HAIKU = OnlineDoctorTest.HAIKU;

    @TempDir
    Path dir;
    StandInHome stand;

    @BeforeEach
    void setUp() throws Exception {
        stand = new StandInHome(dir, StandInFixture.twoAccounts());
        stand.staticKeysProfile("dev", "dev", "us-east-1");
    }

    @AfterEach
    void close() {
        stand.close();
    }

    private Finding probe(String fable) throws Exception {
        stand.home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_REGION\": "
                + "\"us-east-1\", \"AWS_PROFILE\": \"dev\", \"ANTHROPIC_MODEL\": \"" + SONNET + "[1m]\", "
                + "\"ANTHROPIC_DEFAULT_FABLE_MODEL\": \"" + fable + "\"}}");
        return Doctor.run(new DoctorInputs(stand.home.env(), new SettingsLocations(stand.home.env(), dir),
                () -> ClaudeInstallation.of(dir.resolve("claude"), "2.1.330")), false).finding("bedrock.models");
    }

    @Test
    void theOneMillionModelAndTheFablePinAnswer() throws Exception {
        Finding m = probe(HAIKU);
        assertEquals(Status.OK, m.status, m.toString());
        assertTrue(m.detail.contains(SONNET + ",") && !m.detail.contains("[1m]"), m.toString());
        assertTrue(m.detail.contains(HAIKU), "the Fable pin was probed: " + m);
    }

    @Test
    void aFablePinBedrockDoesNotServeFails() throws Exception {
        Finding m = probe("us.anthropic.claude-fable-5");
        assertEquals(Status.FAIL, m.status, m.toString());
        assertTrue(m.detail.contains("us.anthropic.claude-fable-5"), m.toString());
    }
}
