package dev.bedrocksetup.aws;

import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.standin.StandInFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The SDK switches Bedrock runtime to bearer auth by itself when it finds a Bedrock API key in the process
 * (AWS_BEARER_TOKEN_BEDROCK, or the aws.bearerTokenBedrock system property). Clients from the factory use what they
 * were given, whatever the process holds.
 */
class BedrockAuthSelectionTest {
    @RegisterExtension
    final StandInFixture f = new StandInFixture();

    @AfterEach
    void close() {
        System.clearProperty("aws.bearerTokenBedrock");
    }

    @Test
    void credentialsGivenToTheFactoryWinOverAnApiKeyInTheProcess() {
        String stray = f.scenario.issueApiKey(StandInFixture.OTHER_ACCOUNT, "us-east-1",
                java.time.Duration.ofHours(1)).key();
        System.setProperty("aws.bearerTokenBedrock", stray);
        IssuedCredentials creds = f.roleCredentials();
        f.clients("us-east-1", creds).bedrockRuntime().invokeModel(b -> b
                .modelId("us.anthropic.claude-haiku-4-5-20251001-v1:0")
                .body(SdkBytes.fromUtf8String("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":1,"
                        + "\"messages\":[]}")));
        LoggedRequest logged = f.server.requestLog().of(Operation.INVOKE_MODEL).get(0);
        assertFalse(logged.apiKey());
        assertEquals(creds.accessKeyId(), logged.accessKeyId());
    }
}
