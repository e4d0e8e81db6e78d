package dev.bedrocksetup.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bedrocksetup.json.JsonDocument;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder writes what the tests wrote by hand, byte for byte, and what it writes parses back. */
class SettingsTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @Test
    void writesTheHandWrittenShape() {
        assertEquals("{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_REGION\": \"us-east-1\", \"AWS_PROFILE\": "
                        + "\"dev\", \"ANTHROPIC_MODEL\": \"" + SONNET + "\"}}",
                Settings.bedrock().env("AWS_REGION", "us-east-1").env("AWS_PROFILE", "dev")
                        .env("ANTHROPIC_MODEL", SONNET).json());
    }

    @Test
    void keepsTopLevelKeysInTheOrderGiven() {
        assertEquals("{\"awsAuthRefresh\": \"aws sso login --profile dev\", \"env\": {\"AWS_PROFILE\": \"other\"}}",
                Settings.key("awsAuthRefresh", "aws sso login --profile dev").env("AWS_PROFILE", "other").json());
        assertEquals("{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\"}, \"awsCredentialExport\": \"x\"}",
                Settings.bedrock().key("awsCredentialExport", "x").json());
    }

    @Test
    void writesNumbersAndBooleansBare() {
        assertEquals("{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": 1, \"DISABLE_TELEMETRY\": true}}",
                Settings.env("CLAUDE_CODE_USE_BEDROCK", 1).env("DISABLE_TELEMETRY", true).json());
    }

    @Test
    void escapesWhatJsonMust() throws Exception {
        String json = Settings.env("AWS_PROFILE", "a \"quoted\"\nname\\").json();
        assertEquals(Map.of("env", Map.of("AWS_PROFILE", "a \"quoted\"\nname\\")),
                JsonDocument.parse(json).root().toValue());
    }

    @Test
    void envIsNotATopLevelKey() {
        assertThrows(IllegalArgumentException.class, () -> Settings.key("env", "x"));
    }
}
