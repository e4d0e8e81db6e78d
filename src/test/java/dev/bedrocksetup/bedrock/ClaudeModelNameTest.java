package dev.bedrocksetup.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeModelNameTest {
    @Test
    void readsFamilyAndVersionFromEveryIdShape() {
        assertEquals("Sonnet 4.5", ClaudeModelName.parse("eu.anthropic.claude-sonnet-4-5-20250929-v1:0").label());
        assertEquals("Opus 4.6", ClaudeModelName.parse("anthropic.claude-opus-4-6-v1").label());
        assertEquals("Opus 5", ClaudeModelName.parse("global.anthropic.claude-opus-5").label());
        assertEquals("Sonnet 4", ClaudeModelName.parse("anthropic.claude-sonnet-4-20250514-v1:0").label());
        assertEquals("Sonnet 3.5", ClaudeModelName.parse("anthropic.claude-3-5-sonnet-20240620-v1:0").label());
        assertTrue(ClaudeModelName.parse("anthropic.claude-3-haiku-20240307-v1:0").isLegacy());
        assertNull(ClaudeModelName.parse("amazon.nova-pro-v1:0"));
    }

    @Test
    void sortsOpusSonnetHaikuThenNewerFamiliesNewestFirst() {
        List<String> ids = new ArrayList<>(List.of("anthropic.claude-haiku-4-5-20251001-v1:0",
                "anthropic.claude-fable-1", "anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-opus-4-6-v1",
                "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-opus-5"));
        ids.sort((a, b) -> ClaudeModelName.parse(a).compareTo(ClaudeModelName.parse(b)));
        assertEquals(List.of("anthropic.claude-opus-5", "anthropic.claude-opus-4-6-v1",
                "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0",
                "anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-fable-1"), ids);
    }
}
