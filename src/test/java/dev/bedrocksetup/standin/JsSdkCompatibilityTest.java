package dev.bedrocksetup.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stand-in against the JavaScript clients Claude Code is built on: AWS SDK v3 (STS, Bedrock) and
 * {@code @anthropic-ai/bedrock-sdk} for model calls (SigV4 with the model ID's ':' unencoded in the path). Opt-in,
 * as it needs npm packages: {@code npm install @aws-sdk/client-sts @aws-sdk/client-bedrock @anthropic-ai/bedrock-sdk}
 * in a directory, then run with {@code -Dstandin.nodeModules=DIR/node_modules}.
 */
class JsSdkCompatibilityTest {
    @RegisterExtension
    final StandInFixture f = new StandInFixture();

    @Test
    void javascriptClientsSignStreamAndProbeAgainstTheStandIn(@TempDir Path home) throws Exception {
        String modules = dev.bedrocksetup.testing.ExternalTools.nodeModules("@aws-sdk/client-sts@3.1169.0",
                "@aws-sdk/client-bedrock@3.1162.0", "@anthropic-ai/bedrock-sdk@1.1.3").toString();
        Path script = home.resolve("js_session.cjs");
        try (InputStream in = getClass().getResourceAsStream("js_session.cjs")) {
            Files.write(script, in.readAllBytes());
        }
        IssuedCredentials c = f.roleCredentials();
        f.scenario.replyText("Same answer for JavaScript.");
        ProcessBuilder pb = new ProcessBuilder("node", script.toString()).redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ANTHROPIC_"));
        env.putAll(f.environment().variables());
        env.put("ANTHROPIC_BEDROCK_BASE_URL", f.server.baseUri().toString());
        env.put("NODE_PATH", modules);
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("none").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString());
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", c.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", c.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", c.sessionToken());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
        int profiles = InferenceProfileCatalog.systemProfiles("eu-west-1", StandInFixture.ACCOUNT).size();
        assertEquals(List.of("account 111122223333", "profiles " + profiles, "probe Same max_tokens",
                "stream Same answer for JavaScript."), out.lines().toList(), out);
        assertEquals(List.of(Operation.GET_CALLER_IDENTITY, Operation.LIST_INFERENCE_PROFILES, Operation.INVOKE_MODEL,
                Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM), f.server.requestLog().operations());
    }
}
