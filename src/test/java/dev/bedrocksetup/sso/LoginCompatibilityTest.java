package dev.bedrocksetup.sso;

import static dev.bedrocksetup.testing.Examples.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.ExternalTools;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof with the consumers, not assumed: after `bedrock-setup login`, botocore (the AWS CLI) and the AWS SDK for
 * JavaScript (Claude Code) resolve role credentials for the profile from our token cache; and a cache botocore
 * wrote is read and refreshed by us. Everything goes through the stand-in.
 */
class LoginCompatibilityTest {
    static final String[] JS_PACKAGES = {"@aws-sdk/credential-providers@3.1169.0", "@aws-sdk/client-sts@3.1169.0"};

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @BeforeEach
    void start() throws Exception {
        aws.home().ssoProfiles("dev");
        aws.stand().browser();
    }

    Map<String, String> toolEnv() {
        Map<String, String> env = new HashMap<>(StandInHome.endpoints(aws.baseUri()));
        env.put("HOME", aws.dir().toString());
        env.put("AWS_CONFIG_FILE", aws.dir().resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", aws.dir().resolve(".aws/credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    private void assertResolvedThroughSso(ExternalTools.Result r) {
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.output.contains("key-prefix ASIA"), "temporary role credentials: " + r);
        assertTrue(r.output.contains("account " + ACCOUNT), r.toString());
        assertTrue(r.output.contains(":assumed-role/Dev/"), "the SSO role: " + r);
        assertFalse(aws.requestLog().of(Operation.GET_ROLE_CREDENTIALS).isEmpty(), "role credentials from SSO");
    }

    private Path script(String name) throws Exception {
        Path p = aws.dir().resolve(name);
        try (var in = getClass().getResourceAsStream("/dev/bedrocksetup/sso/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void botocoreResolvesCredentialsFromOurLogin() throws Exception {
        String python = ExternalTools.botocorePython();
        assertEquals(0, aws.home().run("login", "--profile", "dev").exit);
        assertResolvedThroughSso(ExternalTools.run(List.of(python, script("botocore_sso.py").toString(), "dev"),
                toolEnv(), 120));
    }

    @Test
    void javascriptSdkResolvesCredentialsFromOurLogin() throws Exception {
        Path modules = ExternalTools.nodeModules(JS_PACKAGES);
        assertEquals(0, aws.home().run("login", "--profile", "dev").exit);
        Map<String, String> env = toolEnv();
        env.put("NODE_PATH", modules.toString());
        assertResolvedThroughSso(ExternalTools.run(List.of("node", script("js_sso.cjs").toString(), "dev"), env, 120));
    }

    @Test
    void aCacheBotocoreWroteIsReadAndRefreshedByUs() throws Exception {
        String python = ExternalTools.botocorePython();
        assertEquals(0, aws.home().run("login", "--profile", "dev").exit);
        SsoTokenCache cache = aws.stand().tokenCache();
        Path file = aws.dir().resolve(".aws/sso/cache/" + TextFile.sha1Hex("corp") + ".json");
        // put the token inside botocore's refresh window: botocore refreshes it and rewrites the file its own way
        SsoToken t = cache.read("corp");
        cache.write("corp", new SsoToken(t.startUrl, t.region, t.accessToken, Instant.now().plus(2, ChronoUnit.MINUTES),
                t.clientId, t.clientSecret, t.registrationExpiresAt, t.refreshToken));
        String ours = Files.readString(file);
        ExternalTools.Result refreshed = ExternalTools.run(List.of(python, script("botocore_sso.py").toString(), "dev",
                "refresh"), toolEnv(), 120);
        assertEquals(0, refreshed.exit, refreshed.toString());
        String botocores = Files.readString(file);
        assertFalse(ours.equals(botocores), "botocore rewrote the cache");

        // we read botocore's file...
        TempHome.Run still = aws.home().run("login", "--profile", "dev");
        assertEquals(0, still.exit, still.toString());
        assertTrue(still.err.contains("Already logged in"), still.err);
        // ...and refresh it once it has expired, keeping botocore's fields
        String expired = botocores.replaceAll("\"expiresAt\":\\s*\"[^\"]+\"", "\"expiresAt\": \""
                + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"");
        Files.writeString(file, expired);
        TempHome.Run renewed = aws.home().run("login", "--profile", "dev");
        assertEquals(0, renewed.exit, renewed.toString());
        assertTrue(renewed.err.contains("renewed without a browser"), renewed.err);
        // and botocore still resolves credentials from what we wrote
        assertResolvedThroughSso(ExternalTools.run(List.of(python, script("botocore_sso.py").toString(), "dev"),
                toolEnv(), 120));
    }
}
