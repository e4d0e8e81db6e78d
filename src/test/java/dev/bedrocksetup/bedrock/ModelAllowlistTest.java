package dev.bedrocksetup.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * availableModels entries as Claude Code 2.1.330 reads them for Bedrock IDs; e2e/ManagedPolicyJudgedByClaudeCodeTest
 * runs the real client on the first group and checks that the doctor agrees with it.
 */
class ModelAllowlistTest {
    @ParameterizedTest
    @CsvSource({
        // as Claude Code 2.1.330 answered with ANTHROPIC_MODEL apac.anthropic.claude-sonnet-4-5-20250929-v1:0
        "sonnet, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, true",
        "claude-sonnet-4-5, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, false",
        "sonnet-4-5, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, false",
        "anthropic.claude-sonnet-4-5, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, false",
        "apac.anthropic.claude-sonnet-4-5, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, true",
        "apac.anthropic.claude-sonnet-4-5-20250929-v1:0, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, true",
        "apac.anthropic.claude-sonnet-4-5-20250929, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, true",
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, false",
        "claude-sonnet-4-5-20250929-v1:0, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, false",
        "haiku, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, false",
        // aliases and spelling
        "sonnet, sonnet, true",
        "sonnet, haiku, false",
        "SONNET, us.anthropic.claude-sonnet-4-5-20250929-v1:0[1m], true",
        "apac.anthropic.claude-sonnet-4, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, true",
        "apac.anthropic.claude-sonnet-4-5-2, apac.anthropic.claude-sonnet-4-5-20250929-v1:0, false",
    })
    void entriesAllowAsClaudeCodeDocumentsThem(String entry, String model, boolean allowed) {
        assertEquals(allowed, ModelAllowlist.allows(entry, model), entry + " allows " + model);
    }
}
