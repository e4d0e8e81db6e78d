package dev.bedrocksetup.e2e;

import static dev.bedrocksetup.testing.Examples.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.sso.SsoTokenCache;
import dev.bedrocksetup.standin.ApiKey;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.ClaudeCodeExtension;
import dev.bedrocksetup.testing.SelfLauncher;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof with the real client: a setup written by {@code bedrock-setup init --yes} makes the pinned Claude Code
 * ({@value ClaudeCode#VERSION}, from npm) answer {@code claude -p} through Bedrock, here the loopback stand-in, and
 * {@code bedrock-setup reset} takes it off Bedrock again with the user's settings back byte for byte.
 *
 * <p>Claude Code gets no AWS, ANTHROPIC or CLAUDE variable from the machine, only HOME, the endpoint overrides and
 * {@code CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1} / {@code DISABLE_AUTOUPDATER=1}
 * ({@link ClaudeCode#environment}); provider, region, profile and model must come from the settings we wrote. Nothing
 * else is needed to run it headless: in {@code -p} mode 2.1.330 shows no onboarding and no workspace-trust prompt
 * (docs/decisions/0007-claude-code-e2e.md).
 */
class ClaudeCodeEndToEndTest {
    /** The user's own settings before bedrock-setup: odd spacing on purpose, so "byte for byte" means something. */
    static final String ORIGINAL_SETTINGS = "{\n  \"theme\":   \"dark\",\n\t\"permissions\": {\"allow\": [\"Bash(ls:*)\"]},"
            + "\n  \"env\": { \"EDITOR\": \"vi\" }\n}\n";
    static final Duration CLAUDE_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final ClaudeCodeExtension claude = new ClaudeCodeExtension();

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    /** Outside the home: the launcher's bedrock-setup command. */
    @TempDir
    Path dir;
    Path project;
    String reply;

    @BeforeEach
    void start() throws Exception {
        reply = "Stand-in reply " + UUID.randomUUID();
        aws.scenario().replyText(reply);
        aws.home().write(".claude/settings.json", ORIGINAL_SETTINGS);
        // Claude Code runs in a project of its own, with no .claude directory above it
        project = Files.createDirectories(aws.dir().resolve("project"));
        aws.stand().browser();

        ClaudeCode.Result version = claude.get().version(aws.dir(), aws.baseUri());
        assertEquals(0, version.exit(), version.toString());
        assertTrue(version.out().startsWith(ClaudeCode.VERSION), "the pinned Claude Code: " + version);
    }

    private ClaudeCode.Result ask() {
        aws.requestLog().clear();
        return claude.get().print("Say hello.", aws.dir(), project, aws.baseUri(), CLAUDE_TIMEOUT);
    }

    /** The streamed turn Claude Code made: exactly one, for the pinned model, in the region init wrote, accepted. */
    private LoggedRequest theStreamingCall(String model, String region) {
        LoggedRequest call = theStreamingTurn(model, region);
        assertFalse(call.apiKey(), "SigV4-signed, not a bearer token: " + call);
        return call;
    }

    /** The streamed turn, however it was authenticated. */
    private LoggedRequest theStreamingTurn(String model, String region) {
        List<LoggedRequest> streams = aws.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);
        assertEquals(1, streams.size(), "one streamed turn: " + aws.requestLog().all());
        LoggedRequest call = streams.get(0);
        assertEquals(model, call.modelId(), "the pinned model: " + call);
        assertEquals(region, call.region(), "SigV4-scoped to the region init wrote: " + call);
        assertEquals(200, call.status(), call.toString());
        for (LoggedRequest r : aws.requestLog().all()) {
            if (r.apiKey() && r.operation().service() == Operation.Service.BEDROCK) {
                continue; // the control plane takes no API key (bedrockApiKey asserts what Claude Code did about it)
            }
            if (r.operation().service() == Operation.Service.BEDROCK_RUNTIME
                    || r.operation().service() == Operation.Service.BEDROCK) {
                assertEquals(call.accessKeyId(), r.accessKeyId(), "every Bedrock call signed as the turn was: " + r);
                assertEquals(call.apiKey(), r.apiKey(), "every Bedrock call authenticated as the turn was: " + r);
                assertEquals(region, r.region(), "every Bedrock call in the chosen region: " + r);
            }
        }
        assertEquals(List.of(), aws.requestLog().unknown(), "Claude Code needed nothing the stand-in lacks");
        return call;
    }

    private void assertResetTakesClaudeCodeOffBedrock() throws Exception {
        TempHome.Run reset = aws.home().run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertArrayEquals(ORIGINAL_SETTINGS.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Files.readAllBytes(aws.home().userSettings()), "the user's settings are back byte for byte");

        ClaudeCode.Result after = ask();
        assertFalse(after.timedOut(), after.toString());
        assertNotEquals(0, after.exit(), "without Bedrock and without an Anthropic login claude -p fails: " + after);
        assertFalse(after.out().contains(reply), after.toString());
        List<Operation> bedrockCalls = aws.requestLog().all().stream().map(LoggedRequest::operation)
                .filter(o -> o.service() == Operation.Service.BEDROCK_RUNTIME || o.service() == Operation.Service.BEDROCK)
                .collect(Collectors.toList());
        assertEquals(List.of(), bedrockCalls, "Claude Code no longer calls Bedrock: " + after);
    }

    @Test
    void ssoSessionProfileAfterOurLogin() throws Exception {
        aws.home().ssoProfiles("dev"); // region = us-west-2 in the profile; init chooses eu-west-1 for Bedrock
        String model = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
        TempHome.Run login = aws.home().run("login", "--profile", "dev");
        assertEquals(0, login.exit, login.toString());
        TempHome.Run init = aws.home().run("init", "--yes", "--profile", "dev", "--region", "eu-west-1", "--model",
                model, "--skip-probe");
        assertEquals(0, init.exit, init.toString());

        ClaudeCode.Result r = ask();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(reply), "Claude Code printed the stand-in's reply: " + r);

        LoggedRequest call = theStreamingCall(model, "eu-west-1");
        // the key came from GetRoleCredentials, which Claude Code called with the token our login cached:
        // it did not log in itself (no OIDC call), and the key stands for the profile's account and role
        List<LoggedRequest> roleCredentials = aws.requestLog().of(Operation.GET_ROLE_CREDENTIALS);
        assertFalse(roleCredentials.isEmpty(), "role credentials from the SSO portal: " + aws.requestLog().all());
        assertTrue(roleCredentials.stream().allMatch(e -> e.status() == 200), roleCredentials.toString());
        assertTrue(aws.requestLog().all().stream()
                        .noneMatch(e -> e.operation().service() == Operation.Service.SSO_OIDC),
                "no login of Claude Code's own: " + aws.requestLog().all());
        IssuedCredentials signer = aws.scenario().credentials(call.accessKeyId()).orElseThrow();
        assertTrue(call.accessKeyId().startsWith("ASIA"), "temporary role credentials: " + call);
        assertEquals(ACCOUNT, signer.accountId());
        assertTrue(signer.principalArn().startsWith("arn:aws:sts::" + ACCOUNT + ":assumed-role/Dev/"),
                signer.toString());

        assertResetTakesClaudeCodeOffBedrock();
    }

    @Test
    void anExpiredLoginIsRenewedByClaudeCodeFromTheRefreshTokenOurLoginCached() throws Exception {
        aws.home().ssoProfiles("dev");
        String model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
        assertEquals(0, aws.home().run("login", "--profile", "dev").exit);
        assertEquals(0, aws.home().run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", model,
                "--skip-probe").exit);
        // the access token is dead at the portal and expired in the cache; the refresh token and client are not
        SsoTokenCache cache = aws.stand().tokenCache();
        SsoToken t = cache.read("corp");
        cache.write("corp", new SsoToken(t.startUrl, t.region, t.accessToken, Instant.now().minus(1, ChronoUnit.HOURS),
                t.clientId, t.clientSecret, t.registrationExpiresAt, t.refreshToken));
        aws.scenario().expireAccessTokens();

        ClaudeCode.Result r = ask();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(reply), "Claude Code printed the stand-in's reply: " + r);
        List<LoggedRequest> tokens = aws.requestLog().of(Operation.CREATE_TOKEN);
        assertEquals(1, tokens.size(), "one refresh: " + aws.requestLog().all());
        assertEquals(200, tokens.get(0).status(), tokens.toString());
        theStreamingCall(model, "us-west-2");
        SsoToken renewed = cache.read("corp");
        assertTrue(renewed.expiresAt.isAfter(Instant.now()), "Claude Code wrote the renewed token back");

        // and our login reads what Claude Code wrote
        TempHome.Run again = aws.home().run("login", "--profile", "dev");
        assertEquals(0, again.exit, again.toString());
        assertTrue(again.err.contains("Already logged in"), again.err);
    }

    @Test
    void staticKeysProfile() throws Exception {
        IssuedCredentials keys = aws.stand().staticKeysProfile("keys", "ci-user", "us-west-2");
        String model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
        TempHome.Run init = aws.home().run("init", "--yes", "--profile", "keys", "--region", "us-east-2", "--model",
                model, "--skip-probe");
        assertEquals(0, init.exit, init.toString());

        ClaudeCode.Result r = ask();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(reply), "Claude Code printed the stand-in's reply: " + r);
        LoggedRequest call = theStreamingCall(model, "us-east-2");
        assertEquals(keys.accessKeyId(), call.accessKeyId(), "signed with the profile's keys");

        assertResetTakesClaudeCodeOffBedrock();
    }

    @Test
    void bedrockApiKey() throws Exception {
        // a short-term key names its region; the stand-in accepts it only there and logs that region
        ApiKey key = aws.scenario().issueShortTermApiKey(ACCOUNT, "us-west-2", Duration.ofHours(12));
        String model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
        aws.home().vars.put("AWS_BEARER_TOKEN_BEDROCK", key.key());
        TempHome.Run init = aws.home().run("init", "--yes", "--auth", "bedrock-api-key", "--region", "us-west-2",
                "--model", model, "--skip-probe"); // the stand-in's log is kept for Claude Code's own calls
        aws.home().vars.remove("AWS_BEARER_TOKEN_BEDROCK");
        assertEquals(0, init.exit, init.toString());
        assertTrue(aws.home().read(".claude/settings.json").contains(key.key()),
                "init wrote the key into settings env");

        ClaudeCode.Result r = ask(); // Claude Code's environment has no AWS_BEARER_TOKEN_BEDROCK: only settings do
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(reply), "Claude Code printed the stand-in's reply: " + r);
        LoggedRequest call = theStreamingTurn(model, "us-west-2");
        assertTrue(call.apiKey(), "the key as bearer token, no SigV4: " + call);
        assertEquals(null, call.accessKeyId(), call.toString());
        // the profile listing does not take a bearer key (403); Claude Code carries on with its built-in models
        assertTrue(aws.requestLog().of(Operation.LIST_INFERENCE_PROFILES).stream()
                .allMatch(e -> e.apiKey() && e.status() == 403), aws.requestLog().all().toString());
        assertTrue(aws.requestLog().all().stream().noneMatch(e -> e.operation() == Operation.GET_ROLE_CREDENTIALS),
                "no credential chain: " + aws.requestLog().all());

        assertResetTakesClaudeCodeOffBedrock();
    }

    @Test
    void awsCredentialExportAfterOurLogin() throws Exception {
        aws.home().ssoProfiles("dev");
        String model = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
        assertEquals(0, aws.home().run("login", "--profile", "dev").exit);
        SelfLauncher launcher = SelfLauncher.create(dir.resolve("bin"));
        TempHome.Run init = launcher.asSelfCommand(() -> aws.home().run("init", "--yes", "--profile", "dev",
                "--credentials", "export", "--region", "eu-west-1", "--model", model, "--skip-probe"));
        assertEquals(0, init.exit, init.toString());
        String settings = aws.home().read(".claude/settings.json");
        assertTrue(settings.contains("\"awsCredentialExport\": \"" + launcher.script + " export-credentials --profile dev\""),
                settings);
        assertFalse(settings.contains("AWS_PROFILE"), "the profile stays out of env (and out of tools): " + settings);

        ClaudeCode.Result r = ask();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(reply), "Claude Code printed the stand-in's reply: " + r);
        LoggedRequest call = theStreamingCall(model, "eu-west-1");

        // Claude Code ran our export-credentials and signed with exactly the key it printed
        String printed = launcher.printed();
        assertFalse(printed.isBlank(), "Claude Code never ran awsCredentialExport");
        java.util.Map<?, ?> creds = (java.util.Map<?, ?>) ((java.util.Map<?, ?>) dev.bedrocksetup.json.JsonDocument
                .parseLenient(printed.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElseThrow()).root()
                .toValue()).get("Credentials");
        assertEquals(creds.get("AccessKeyId"), call.accessKeyId(), "signed with what export-credentials printed");
        assertTrue(creds.get("SessionToken") instanceof String && creds.get("Expiration") instanceof String,
                "role credentials with their expiry");
        IssuedCredentials signer = aws.scenario().credentials(call.accessKeyId()).orElseThrow();
        assertEquals(ACCOUNT, signer.accountId());
        assertTrue(signer.principalArn().startsWith("arn:aws:sts::" + ACCOUNT + ":assumed-role/Dev/"),
                signer.toString());
        assertTrue(aws.requestLog().all().stream()
                        .noneMatch(e -> e.operation().service() == Operation.Service.SSO_OIDC),
                "no login of anyone's own: " + aws.requestLog().all());

        assertResetTakesClaudeCodeOffBedrock();
    }
}
