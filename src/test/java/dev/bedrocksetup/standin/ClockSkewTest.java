package dev.bedrocksetup.standin;

import dev.bedrocksetup.aws.ClientSettings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A local clock 20 minutes behind AWS's: signatures are refused as expired. (The JDK server always writes its own
 * {@code Date} header, so the stand-in cannot show a skewed AWS clock there.)
 */
class ClockSkewTest {
    @Test
    void aSkewedClientIsToldItsSignatureExpired() throws Exception {
        Clock aws = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
        Scenario scenario = new Scenario(aws).addAccount(StandInFixture.ACCOUNT, "Sandbox", "s@example.com", "Dev");
        try (StandInServer server = StandInServer.start(scenario)) {
            IssuedCredentials c = scenario.issueRoleCredentials(StandInFixture.ACCOUNT, "Dev", Duration.ofHours(1));
            var env = dev.bedrocksetup.core.Environment.forTest(java.nio.file.Path.of("/tmp"),
                    java.util.Map.of("AWS_ENDPOINT_URL", server.baseUri().toString()));
            try (var clients = dev.bedrocksetup.aws.AwsClients.builder(env).region("us-east-1")
                    .credentials(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            StandInFixture.credentials(c)))
                    .settings(ClientSettings.defaults().withMaxAttempts(1)).build()) {
                BedrockRuntimeException e = assertThrows(BedrockRuntimeException.class, () -> clients.bedrockRuntime()
                        .invokeModel(b -> b.modelId("us.anthropic.claude-opus-5")
                                .body(BedrockRuntimeTest.messagesBody(1))));
                assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
                assertTrue(e.awsErrorDetails().errorMessage().startsWith("Signature expired: "),
                        e.awsErrorDetails().errorMessage());
            }
        }
    }
}
