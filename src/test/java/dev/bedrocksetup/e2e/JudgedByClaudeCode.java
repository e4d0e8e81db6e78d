package dev.bedrocksetup.e2e;

import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.ClaudeCodeExtension;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.StandInHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The set-up of the tests that judge settings by what the real Claude Code ({@link ClaudeCode#requestedVersion()})
 * sends to the stand-in: a home with the static-keys profile {@code keys} in {@link #REGION}, and an empty project
 * folder to start Claude Code in.
 */
abstract class JudgedByClaudeCode {
    static final String REGION = "ap-northeast-1";
    static final String APAC_SONNET = "apac.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String APAC_HAIKU = "apac.anthropic.claude-haiku-4-5-20251001-v1:0";

    @RegisterExtension
    static final ClaudeCodeExtension installed = new ClaudeCodeExtension(ClaudeCode.requestedVersion());

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    ClaudeCode claude;
    StandInHome stand;
    Path project;

    @BeforeEach
    void startWithAKeysProfile() throws Exception {
        claude = installed.get();
        stand = aws.stand();
        stand.staticKeysProfile("keys", "ci-user", REGION);
        project = Files.createDirectories(aws.dir().resolve("project"));
    }
}
