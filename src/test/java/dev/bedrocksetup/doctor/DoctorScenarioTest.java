package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.testing.TempHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check fires in a scenario built from the failure catalogue, with the right message and fix, and passes in a
 * healthy setup. The scenarios are real files in a temporary home, read the way the doctor reads them.
 */
class DoctorScenarioTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String OPUS = "us.anthropic.claude-opus-4-6-v1";
    static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;
    TempHome home;
    String claudeVersion;
    boolean claudeInstalled;

    /** A setup in which every check passes. */
    @BeforeEach
    void healthy() throws IOException {
        home = new TempHome(dir);
        claudeVersion = "2.1.330";
        claudeInstalled = true;
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        home.vars.put("PATH", bin + ":/usr/bin:/bin");
        userSettings("\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_REGION\": \"us-west-2\", \"AWS_PROFILE\": \"dev\", "
                + "\"ANTHROPIC_MODEL\": \"" + SONNET + "\", \"ANTHROPIC_DEFAULT_OPUS_MODEL\": \"" + OPUS + "\", "
                + "\"ANTHROPIC_DEFAULT_SONNET_MODEL\": \"" + SONNET + "\", \"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"" + HAIKU
                + "\"", ", \"awsAuthRefresh\": \"aws sso login --profile dev\"");
        home.write(".aws/config", "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                + "sso_role_name = Dev\nregion = us-west-2\n\n[sso-session corp]\n"
                + "sso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"
                + "sso_registration_scopes = sso:account:access\n");
        token("corp", Instant.now().plus(8, ChronoUnit.HOURS), true);
        home.write(".config/Code/User/settings.json", "{\n  // VS Code allows comments\n"
                + "  \"claudeCode.environmentVariables\": [{\"name\": \"CLAUDE_CODE_USE_BEDROCK\", \"value\": \"1\"}],\n"
                + "  \"claudeCode.disableLoginPrompt\": true,\n}\n");
    }

    void userSettings(String env, String more) throws IOException {
        home.write(".claude/settings.json", "{\n  \"env\": {" + env + "}" + more + "\n}\n");
    }

    void token(String key, Instant expires, boolean refreshable) throws IOException {
        String t = "{\"startUrl\": \"https://example.awsapps.com/start\", \"region\": \"us-east-1\", "
                + "\"accessToken\": \"aoaEXAMPLEACCESSTOKEN\", \"expiresAt\": \""
                + expires.truncatedTo(ChronoUnit.SECONDS) + "\""
                + (refreshable ? ", \"clientId\": \"cid\", \"clientSecret\": \"csecretEXAMPLE\", "
                        + "\"refreshToken\": \"rtEXAMPLEREFRESH\"" : "") + "}";
        home.write(".aws/sso/cache/" + TextFile.sha1Hex(key) + ".json", t);
    }

    DoctorReport doctor() {
        Path project = dir.resolve("project");
        return Doctor.run(new DoctorInputs(home.env().withWorkingDirectory(project),
                new SettingsLocations(home.env(), project),
                () -> claudeInstalled ? ClaudeInstallation.of(dir.resolve("bin/claude"), claudeVersion) : null), true);
    }

    @Test
    void aHealthySetupPassesEveryCheck() {
        DoctorReport r = doctor();
        List<String> problems = new ArrayList<>();
        for (Finding f : r.findings) {
            if (f.status == Status.WARN || f.status == Status.FAIL) {
                problems.add(f.toString());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertFalse(r.hasFailures());
        for (Check c : CheckCatalog.all()) {
            assertNotNull(r.finding(c.id), "every check reports: " + c.id);
        }
    }

    interface Setup {
        void apply(DoctorScenarioTest t) throws Exception;
    }

    static Arguments scenario(String name, String check, Status status, String detail, String fix, Setup setup) {
        return Arguments.of(name, check, status, detail, fix, setup);
    }

    static Stream<Arguments> scenarios() {
        return Stream.concat(ownScenarios(), SurfaceScenarios.scenarios());
    }

    static Stream<Arguments> ownScenarios() {
        String env = "\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_REGION\": \"us-west-2\", \"AWS_PROFILE\": \"dev\", "
                + "\"ANTHROPIC_MODEL\": \"" + SONNET + "\", \"ANTHROPIC_DEFAULT_OPUS_MODEL\": \"" + OPUS + "\", "
                + "\"ANTHROPIC_DEFAULT_SONNET_MODEL\": \"" + SONNET + "\", \"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"" + HAIKU
                + "\"";
        return Stream.of(
            scenario("project settings link out of the project", "settings.outside-project", Status.WARN,
                    "outside the project", "remove the link", t -> {
                        Path docker = t.home.write(".docker/config.json", "{\"auths\": {}}");
                        Files.createDirectories(t.dir.resolve("project/.claude"));
                        Files.createSymbolicLink(t.dir.resolve("project/.claude/settings.json"), docker);
                    }),
            scenario("world-writable SSO token cache", "permissions.world-writable", Status.WARN,
                    "written by every user", "chmod o-w", t -> Files.setPosixFilePermissions(
                            t.dir.resolve(".aws/sso/cache"), PosixFilePermissions.fromString("rwxrwxrwx"))),
            scenario("comment in user settings", "settings.syntax", Status.FAIL, "settings.json:2:3: unexpected comment",
                    "no comments", t -> t.home.write(".claude/settings.json", "{\n  // hi\n  \"env\": {}\n}\n")),
            scenario("trailing comma in local settings", "settings.syntax", Status.FAIL, "settings.local.json:1:19: trailing comma",
                    "trailing commas", t -> t.home.write("project/.claude/settings.local.json",
                            "{\"env\": {\"A\": \"1\"},}")),
            // issue 14, kind 3: Claude Code 2.1.330 and 2.1.332 read a number in env as its text and answer
            scenario("number in env", "settings.env-types", Status.WARN, "env.CLAUDE_CODE_USE_BEDROCK",
                    "\"CLAUDE_CODE_USE_BEDROCK\": \"1\"", t -> t.userSettings(env.replace(
                            "\"CLAUDE_CODE_USE_BEDROCK\": \"1\"", "\"CLAUDE_CODE_USE_BEDROCK\": 1"), "")),
            scenario("awsAuthRefresh in ~/.claude.json", "settings.wrong-file", Status.FAIL, "awsAuthRefresh",
                    ".claude/settings.json", t -> t.home.write(".claude.json",
                            "{\"awsAuthRefresh\": \"aws sso login --profile dev\"}")),
            // Claude Code applies ~/.claude.json's legacy env block (agreement matrix row "env written to
            // ~/.claude.json instead of settings"): a warning, and its values count (with empty settings, nothing
            // else fails: Bedrock is on, region and profile are set)
            scenario("env in ~/.claude.json", "settings.wrong-file", Status.WARN, "still applies it",
                    ".claude/settings.json", t -> {
                        t.home.write(".claude.json", "{\"env\": {" + env + "}}");
                        t.home.write(".claude/settings.json", "{}");
                    }),
            // issue 18: a pin outside the managed allowlist; Claude Code runs another model instead
            scenario("pin outside the managed allowlist", "models.allowlist", Status.WARN,
                    "outside the managed availableModels [haiku]", "pin an allowed model", t -> {
                        t.userSettings(env, "");
                        t.home.write("managed/managed-settings.json", "{\"availableModels\": [\"haiku\"]}");
                    }),
            scenario("Bedrock not switched on", "settings.bedrock-enabled", Status.FAIL, "not set anywhere",
                    "bedrock-setup init", t -> t.userSettings(env.replace("\"CLAUDE_CODE_USE_BEDROCK\": \"1\", ", ""),
                            "")),
            scenario("local settings switch Bedrock off", "settings.bedrock-shadowed", Status.FAIL,
                    "local settings sets CLAUDE_CODE_USE_BEDROCK to \"0\"", "settings.local.json",
                    t -> t.home.write("project/.claude/settings.local.json",
                            "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"0\"}}")),
            scenario("provider settings only in project", "settings.workspace-trust", Status.WARN,
                    "CLAUDE_CODE_USE_BEDROCK, AWS_REGION, AWS_PROFILE only in project/local", "--scope user", t -> {
                        t.home.write("project/.claude/settings.json", "{\"env\": {" + env + "}}");
                        t.home.write(".claude/settings.json", "{}");
                    }),
            scenario("no region on old Claude Code", "region.set", Status.FAIL, "does not read the profile's region",
                    "AWS_REGION", t -> {
                        t.claudeVersion = "2.1.150";
                        t.userSettings(env.replace("\"AWS_REGION\": \"us-west-2\", ", ""), "");
                    }),
            scenario("no region on new Claude Code", "region.set", Status.WARN, "falls back", "AWS_REGION",
                    t -> t.userSettings(env.replace("\"AWS_REGION\": \"us-west-2\", ", ""), "")),
            scenario("malformed region", "region.valid", Status.FAIL, "\"us-west\" is not an AWS region",
                    "us-west-2", t -> t.userSettings(env.replace("us-west-2", "us-west"), "")),
            scenario("model in the small-fast region variable", "region.small-fast-region", Status.WARN,
                    "takes a REGION", "region", t -> t.userSettings(env
                            + ", \"ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION\": \"" + HAIKU + "\"", "")),
            scenario("bare foundation-model ID", "models.bare-id", Status.FAIL, "foundation-model ID",
                    "us.anthropic.claude-sonnet-4-5", t -> t.userSettings(env.replace(
                            "\"ANTHROPIC_MODEL\": \"us.", "\"ANTHROPIC_MODEL\": \""), "")),
            scenario("us. profile in eu-west-1", "models.prefix-region", Status.FAIL, "a us. profile, but the region "
                    + "is eu-west-1", "eu.anthropic", t -> t.userSettings(env.replace("us-west-2", "eu-west-1"), "")),
            scenario("stale model key in project settings", "models.prefix-region", Status.FAIL, "model is "
                    + "apac.anthropic", "us.anthropic", t -> t.home.write("project/.claude/settings.json",
                            "{\"model\": \"apac.anthropic.claude-sonnet-4-5-20250929-v1:0\"}")),
            scenario("legacy Claude 3 pin", "models.legacy", Status.FAIL, "claude-3-5-sonnet", "current model",
                    t -> t.userSettings(env.replace(HAIKU, "us.anthropic.claude-3-5-sonnet-20241022-v2:0"), "")),
            scenario("not a Claude model", "models.shape", Status.WARN, "not a Claude model ID",
                    "inference profile ID", t -> t.userSettings(env.replace(OPUS, "gpt-4o"), "")),
            scenario("deprecated ANTHROPIC_SMALL_FAST_MODEL", "models.deprecated", Status.WARN,
                    "ANTHROPIC_SMALL_FAST_MODEL", "ANTHROPIC_DEFAULT_HAIKU_MODEL",
                    t -> t.userSettings(env + ", \"ANTHROPIC_SMALL_FAST_MODEL\": \"" + HAIKU + "\"", "")),
            scenario("opus tier not pinned", "models.unpinned", Status.WARN, "ANTHROPIC_DEFAULT_OPUS_MODEL",
                    "--opus-model", t -> t.userSettings(env.replace("\"ANTHROPIC_DEFAULT_OPUS_MODEL\": \"" + OPUS
                            + "\", ", ""), "")),
            scenario("invalid region prefix variable", "models.region-prefix-var", Status.WARN, "ignores it",
                    "us, eu, apac", t -> t.userSettings(env + ", \"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"mars\"", "")),
            scenario("region prefix variable on old Claude Code", "models.region-prefix-var", Status.WARN,
                    "ignores ANTHROPIC_BEDROCK_REGION_PREFIX", "@latest", t -> {
                        t.claudeVersion = "2.1.200";
                        t.userSettings(env + ", \"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"jp\"", "");
                    }),
            scenario("no credentials at all", "credentials.source", Status.FAIL, "no AWS_PROFILE, no access keys",
                    "bedrock-setup init", t -> t.userSettings(env.replace("\"AWS_PROFILE\": \"dev\", ", ""), "")),
            // issue 14, kind 4: Claude Code uses the profile (its SDK says so on stderr) and answers
            // issue 14, kind 6: unsigned calls to AWS are refused (403 Missing Authentication Token)
            scenario("authentication skipped without a gateway", "credentials.source", Status.FAIL,
                    "sends its Bedrock calls unsigned", "remove CLAUDE_CODE_SKIP_BEDROCK_AUTH",
                    t -> t.userSettings(env + ", \"CLAUDE_CODE_SKIP_BEDROCK_AUTH\": \"1\"", "")),
            scenario("profile and access keys both set", "credentials.profile-and-keys", Status.WARN,
                    "both set", "unset AWS_ACCESS_KEY_ID", t -> {
                        t.home.vars.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
                        t.home.vars.put("AWS_SECRET_ACCESS_KEY", SECRET);
                    }),
            // issue 14, kind 3: an empty key is no key; Claude Code signs with the profile and answers
            scenario("empty Bedrock API key beside a profile", "credentials.api-key", Status.WARN,
                    "set but empty", "remove AWS_BEARER_TOKEN_BEDROCK", t -> t.userSettings(env + ", \"AWS_BEARER_TOKEN_BEDROCK\": \"\"", "")),
            // issue 14, kind 3: on Bedrock, Claude Code 2.1.330 and 2.1.332 send neither; signed calls answer
            scenario("Anthropic token in the shell", "credentials.foreign-token", Status.WARN,
                    "ANTHROPIC_AUTH_TOKEN (from shell environment)", "remove ANTHROPIC_AUTH_TOKEN",
                    t -> t.home.vars.put("ANTHROPIC_AUTH_TOKEN", "sk-ant-EXAMPLE0000000000")),
            scenario("apiKeyHelper in settings", "credentials.foreign-token", Status.WARN, "apiKeyHelper",
                    "remove apiKeyHelper", t -> t.userSettings(env, ", \"apiKeyHelper\": \"~/bin/key.sh\"")),
            // issue 14, kind 4: the command runs only when the login fails; while it is valid Claude Code answers
            scenario("awsAuthRefresh needs a missing AWS CLI", "credentials.auth-refresh", Status.WARN,
                    "`aws`, which is not on PATH", "--auth-refresh login", t -> t.home.vars.put("PATH", "/nonexistent")),
            scenario("awsCredentialExport program missing", "credentials.export-command", Status.FAIL,
                    "/opt/gone/bedrock-setup", "bedrock-setup init", t -> t.userSettings(env,
                            ", \"awsCredentialExport\": \"/opt/gone/bedrock-setup export-credentials --profile dev\"")),
            scenario("config the SDK cannot read", "aws.config-readable", Status.FAIL, "cannot be read by the AWS SDK",
                    "key = value", t -> t.home.write(".aws/config", "[profile dev]\nregion: us-west-2\n")),
            scenario("profile does not exist", "aws.profile-exists", Status.FAIL, "no [profile nope]",
                    "--profile nope", t -> t.userSettings(env.replace("\"AWS_PROFILE\": \"dev\"",
                            "\"AWS_PROFILE\": \"nope\""), "")),
            scenario("legacy SSO profile", "aws.legacy-sso", Status.WARN, "legacy SSO profile",
                    "sso_registration_scopes", t -> {
                        t.home.write(".aws/config", "[profile dev]\n"
                                + "sso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"
                                + "sso_account_id = 111122223333\nsso_role_name = Dev\n");
                        // logged in: a legacy login is cached under its start URL
                        t.token("https://example.awsapps.com/start", Instant.now().plus(8, ChronoUnit.HOURS), false);
                    }),
            scenario("sso-session section missing", "aws.sso-session-missing", Status.FAIL,
                    "[sso-session corp]", "--sso-session corp", t -> t.home.write(".aws/config",
                            "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n")),
            scenario("static keys shadow SSO", "aws.static-shadow", Status.FAIL, "not the SSO role",
                    "delete the [dev] section", t -> t.home.write(".aws/credentials", "[dev]\n"
                            + "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = " + SECRET + "\n")),
            scenario("never logged in", "sso.token", Status.FAIL, "not logged in", "bedrock-setup login --profile dev",
                    t -> Files.delete(t.dir.resolve(".aws/sso/cache/" + TextFile.sha1Hex("corp") + ".json"))),
            scenario("legacy login expired", "sso.token", Status.FAIL, "expired", "aws sso login", t -> {
                t.home.write(".aws/config", "[profile dev]\nsso_start_url = https://example.awsapps.com/start\n"
                        + "sso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = Dev\n");
                t.token("https://example.awsapps.com/start", Instant.now().minus(1, ChronoUnit.HOURS), false);
            }),
            scenario("access token expired but refreshable", "sso.token", Status.WARN, "will refresh", "nothing to do",
                    t -> t.token("corp", Instant.now().minus(1, ChronoUnit.HOURS), true)),
            scenario("token in the refresh window, not renewable", "sso.token", Status.WARN, "refresh window", "login",
                    t -> t.token("corp", Instant.now().plus(SsoToken.REFRESH_WINDOW).minusSeconds(60), false)),
            scenario("damaged token cache", "sso.token", Status.FAIL, "damaged", "login",
                    t -> t.home.write(".aws/sso/cache/" + TextFile.sha1Hex("corp") + ".json", "{\"expiresAt\": \"x\"}")),
            scenario("4096 output cap", "tokens.max-output", Status.WARN, "4096", "32000",
                    t -> t.userSettings(env + ", \"CLAUDE_CODE_MAX_OUTPUT_TOKENS\": \"4096\"", "")),
            scenario("output cap not a number", "tokens.max-output", Status.WARN, "ignores it", "32000",
                    t -> t.userSettings(env + ", \"CLAUDE_CODE_MAX_OUTPUT_TOKENS\": \"lots\"", "")),
            scenario("thinking above output", "tokens.thinking", Status.FAIL, "not below", "lower MAX_THINKING_TOKENS",
                    t -> t.userSettings(env + ", \"CLAUDE_CODE_MAX_OUTPUT_TOKENS\": \"8000\", "
                            + "\"MAX_THINKING_TOKENS\": \"16000\"", "")),
            scenario("CA bundle only in settings", "network.ca-certs", Status.WARN, "only in user settings",
                    "export NODE_EXTRA_CA_CERTS", t -> {
                        t.home.write("corp-ca.pem", "-----BEGIN CERTIFICATE-----\n");
                        t.userSettings(env + ", \"NODE_EXTRA_CA_CERTS\": \"" + t.dir.resolve("corp-ca.pem") + "\"", "");
                    }),
            scenario("CA bundle missing", "network.ca-certs", Status.WARN, "carries on", "PEM",
                    t -> t.home.vars.put("NODE_EXTRA_CA_CERTS", "/nonexistent/ca.pem")),
            scenario("proxy without a scheme, repaired as Claude Code does", "network.proxy", Status.WARN,
                    "HTTPS_PROXY (from shell environment) has no http:// scheme: proxy.corp.example:8080; Claude Code "
                            + "uses it as http://proxy.corp.example:8080",
                    "HTTPS_PROXY=http://proxy.corp.example:8080",
                    t -> t.home.vars.put("HTTPS_PROXY", "proxy.corp.example:8080")),
            scenario("proxy without a scheme, repair turned off", "network.proxy", Status.FAIL,
                    "HTTPS_PROXY (from shell environment) has no http:// scheme: proxy.corp.example:8080",
                    "HTTPS_PROXY=http://proxy.corp.example:8080", t -> {
                        t.home.vars.put("HTTPS_PROXY", "proxy.corp.example:8080");
                        t.home.vars.put("CLAUDE_CODE_DISABLE_PROXY_SCHEME_REPAIR", "1");
                    }),
            scenario("HTTP_PROXY without a scheme (Claude Code repairs only HTTPS_PROXY)", "network.proxy",
                    Status.FAIL, "HTTP_PROXY (from shell environment) has no http:// scheme: proxy.corp.example:8080",
                    "HTTP_PROXY=http://proxy.corp.example:8080",
                    t -> t.home.vars.put("HTTP_PROXY", "proxy.corp.example:8080")),
            scenario("SOCKS proxy", "network.proxy", Status.FAIL, "SOCKS proxy, which Claude Code does not support",
                    "use an HTTP proxy", t -> t.userSettings(env + ", \"HTTPS_PROXY\": \"socks5://127.0.0.1:1080\"",
                            "")),
            scenario("proxy spellings disagree", "network.proxy", Status.WARN, "HTTPS_PROXY and https_proxy differ",
                    "the same value", t -> {
                        t.home.vars.put("HTTPS_PROXY", "http://proxy-a.example.com:8080");
                        t.home.vars.put("https_proxy", "http://proxy-b.example.com:8080");
                    }),
            scenario("VS Code variables as an object", "ide.vscode", Status.FAIL, "must be an ARRAY",
                    "[{\"name\"", t -> t.home.write(".config/Code/User/settings.json",
                            "{\"claudeCode.environmentVariables\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\"}}")),
            scenario("VS Code login prompt not disabled", "ide.vscode", Status.WARN, "disableLoginPrompt",
                    "\"claudeCode.disableLoginPrompt\": true", t -> t.home.write(".config/Code/User/settings.json",
                            "{\"claudeCode.environmentVariables\": []}")),
            scenario("Claude Code not installed", "claude.installed", Status.WARN, "not on PATH",
                    "npm install -g @anthropic-ai/claude-code", t -> t.claudeInstalled = false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachCheckFiresWithItsMessageAndFix(String name, String check, Status status, String detail, String fix,
            Setup setup) throws Exception {
        setup.apply(this);
        DoctorReport r = doctor();
        Finding f = r.finding(check);
        assertEquals(status, f.status, f.toString());
        assertTrue(f.detail.contains(detail), "detail mentions '" + detail + "': " + f);
        assertNotNull(f.fix, f.toString());
        assertTrue(f.fix.contains(fix), "fix mentions '" + fix + "': " + f);
        if (status == Status.FAIL) {
            assertTrue(r.hasFailures(), "a failure makes doctor exit 1");
        } else {
            List<Finding> failed = r.findings.stream().filter(x -> x.status == Status.FAIL).toList();
            assertTrue(failed.isEmpty(), "a warning alone: nothing else fails, doctor exits 0: " + failed);
        }
    }

    /**
     * verify never passes a setup the doctor fails (issue 14, kind 7): over every scenario, a doctor failure is a
     * verify failure, and verify shows the failing finding.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void verifyNeverPassesASetupTheDoctorFails(String name, String check, Status status, String detail, String fix,
            Setup setup) throws Exception {
        setup.apply(this);
        DoctorReport r = doctor();
        if (r.hasFailures()) {
            assertFalse(VerifyVerdict.passes(r), "the doctor fails " + name + " and so must verify");
            for (Finding f : r.findings) {
                if (f.status == Status.FAIL) {
                    assertTrue(VerifyVerdict.shown(r).contains(f), "verify shows " + f);
                }
            }
        } else {
            assertTrue(VerifyVerdict.passes(r), "nothing fails, verify passes: " + name);
        }
    }

    @Test
    void atLeastThirtyDistinctFailureScenariosAndEveryOfflineCheckCovered() {
        List<Arguments> all = scenarios().collect(java.util.stream.Collectors.toList());
        assertTrue(all.size() >= 30, "scenarios: " + all.size());
        java.util.Set<Object> covered = new java.util.HashSet<>();
        for (Arguments a : all) {
            covered.add(a.get()[1]);
        }
        for (Check c : CheckCatalog.all()) {
            if (!c.online) { // the online checks fire in OnlineDoctorTest, against the stand-in
                assertTrue(covered.contains(c.id), "a scenario makes " + c.id + " fire");
            }
        }
    }

    @Test
    void noSecretInTextOrJson() throws Exception {
        home.vars.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        home.vars.put("AWS_SECRET_ACCESS_KEY", SECRET);
        home.vars.put("AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENVALUE");
        home.vars.put("HTTPS_PROXY", "http://alice:Pr0xyPassw0rdEXAMPLE@proxy.example.com:8080");
        home.vars.put("https_proxy", "alice:Pr0xyPassw0rdEXAMPLE@proxy.example.com:8080"); // fires network.proxy
        userSettings("\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_BEARER_TOKEN_BEDROCK\": \"ABSKQmVkcm9ja0FQSUtleS1FWEFNUExF\"",
                "");
        DoctorReport r = doctor();
        for (String out : new String[] {r.toText(Style.plain()), r.toJson()}) {
            for (String secret : new String[] {SECRET, "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENVALUE",
                "ABSKQmVkcm9ja0FQSUtleS1FWEFNUExF", "AKIAIOSFODNN7EXAMPLE", "aoaEXAMPLEACCESSTOKEN", "rtEXAMPLEREFRESH",
                "Pr0xyPassw0rdEXAMPLE"}) {
                assertFalse(out.contains(secret), "secret " + secret.substring(0, 4) + "… printed");
            }
        }
        assertTrue(r.toText(Style.plain()).contains("AWS_SECRET_ACCESS_KEY"), "the name is shown, its value masked");
        assertEquals(Status.FAIL, r.finding("network.proxy").status, "the proxy finding quotes the values");
        assertTrue(r.finding("network.proxy").detail.contains("alice:****@proxy.example.com"), r.finding("network.proxy")
                .toString());
    }

    @Test
    void jsonReportHasTheDocumentedShape() throws Exception {
        home.write("project/.claude/settings.local.json", "{\"env\": {\"AWS_REGION\": \"us-east-1\"}}");
        DoctorReport r = doctor();
        java.util.Map<?, ?> doc = (java.util.Map<?, ?>) dev.bedrocksetup.json.JsonDocument.parse(r.toJson()).root()
                .toValue();
        assertEquals(0, new java.math.BigDecimal(1).compareTo((java.math.BigDecimal) doc.get("schemaVersion")));
        assertEquals("2.1.330", doc.get("claudeCodeVersion"));
        List<?> eff = (List<?>) doc.get("effective");
        java.util.Map<?, ?> region = (java.util.Map<?, ?>) eff.stream()
                .filter(e -> "AWS_REGION".equals(((java.util.Map<?, ?>) e).get("name"))).findFirst().orElseThrow();
        assertEquals("us-east-1", region.get("value"));
        assertEquals("local settings", region.get("origin"));
        java.util.Map<?, ?> shadowed = (java.util.Map<?, ?>) ((List<?>) region.get("shadowed")).get(0);
        assertEquals("us-west-2", shadowed.get("value"));
        assertEquals("user settings", shadowed.get("origin"));
        java.util.Map<?, ?> summary = (java.util.Map<?, ?>) doc.get("summary");
        assertTrue(summary.keySet().containsAll(List.of("ok", "warn", "fail", "skipped")));
        for (Object f : (List<?>) doc.get("findings")) {
            assertTrue(((java.util.Map<?, ?>) f).keySet().containsAll(List.of("id", "group", "status", "title",
                    "detail", "fix")));
        }
    }
}
