package dev.bedrocksetup.e2e;

import static dev.bedrocksetup.e2e.AgreementCase.fails;
import static dev.bedrocksetup.e2e.AgreementCase.works;
import static dev.bedrocksetup.e2e.MatrixSetup.ACCOUNT;
import static dev.bedrocksetup.e2e.MatrixSetup.HAIKU;
import static dev.bedrocksetup.e2e.MatrixSetup.MODEL;
import static dev.bedrocksetup.e2e.MatrixSetup.REGION;
import static dev.bedrocksetup.e2e.MatrixSetup.SONNET;

import dev.bedrocksetup.standin.Fault;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.standin.Scenario;
import dev.bedrocksetup.standin.StandInServer;
import dev.bedrocksetup.testing.LoopbackServers;
import dev.bedrocksetup.testing.StandInHome;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The rows of the agreement matrix: every credential mode working, then one thing broken at a time — each doctor
 * check that can fail, the precedence of shell and settings files, the network, and time. See
 * docs/decisions/0018-doctor-agreement-matrix.md for the last run's table and for the checks no row can cover.
 */
final class AgreementCases {
    private AgreementCases() {}

    static final String CREDENTIALS = "credentials";
    static final String SETTINGS = "settings";
    static final String PRECEDENCE = "precedence";
    static final String MODELS = "models";
    static final String AWS = "AWS config";
    static final String NETWORK = "network";
    static final String TIMING = "timing";
    static final String ONLINE = "Bedrock";

    static List<AgreementCase> all() {
        return List.of(
            // ---- every credential mode, working
            works(CREDENTIALS, "SSO profile after login", MatrixSetup::sso),
            works(CREDENTIALS, "static keys profile", MatrixSetup::staticKeys),
            works(CREDENTIALS, "assume-role profile (role_arn, source_profile)", MatrixSetup::assumeRole),
            works(CREDENTIALS, "Bedrock API key in settings", MatrixSetup::apiKey),
            works(CREDENTIALS, "awsCredentialExport (init --credentials export)", MatrixSetup::exportHelper),
            works(CREDENTIALS, "access keys in the shell, no profile", MatrixSetup::environmentKeys),
            works(CREDENTIALS, "access keys in settings env, no profile", s -> {
                IssuedCredentials keys = s.scenario().issueUserKeys(ACCOUNT, "ci-user");
                s.bedrockOnlyUserSettings().userEnv("AWS_ACCESS_KEY_ID", keys.accessKeyId())
                        .userEnv("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
            }),
            works(CREDENTIALS, "Bedrock API key in the shell, no profile", s -> s.bedrockOnlyUserSettings()
                    .shell("AWS_BEARER_TOKEN_BEDROCK",
                            s.scenario().issueShortTermApiKey(ACCOUNT, REGION, Duration.ofHours(12)).key())),
            works(CREDENTIALS, "[default] profile with keys, no AWS_PROFILE", s -> {
                s.stand.staticKeysProfile("default", "ci-user", REGION);
                s.bedrockOnlyUserSettings();
            }),

            // ---- credentials, broken
            fails(CREDENTIALS, "nothing says where credentials come from", "credentials.source",
                    MatrixSetup::bedrockOnlyUserSettings),
            fails(CREDENTIALS, "SSO profile, never logged in", "sso.token", s -> {
                s.sso();
                deleteTree(s.home.home.resolve(".aws/sso/cache"));
            }),
            // the cache says valid for hours, the portal answers 401 (signed out, or revoked): issue 20 item 5
            fails(CREDENTIALS, "SSO login the portal refuses, valid by its expiry", "sso.token",
                    s -> s.sso().scenario().expireAccessTokens()),
            fails(CREDENTIALS, "static keys of a deleted IAM user", "aws.identity", s -> {
                s.staticKeys();
                s.home.write(".aws/credentials", "[keys]\naws_access_key_id = AKIAOLDKEY0000000000\n"
                        + "aws_secret_access_key = oldsecretoldsecretoldsecretoldsecret0000\n");
            }),
            fails(CREDENTIALS, "assume-role refused by the role's trust policy", "aws.credentials", s -> {
                s.assumeRole();
                s.scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/someone-else");
            }),
            fails(CREDENTIALS, "assume-role with mfa_serial (no terminal for the code)", "aws.credentials", s -> {
                s.assumeRole();
                s.home.append(".aws/config", "mfa_serial = arn:aws:iam::" + ACCOUNT + ":mfa/ci\n");
            }),
            fails(CREDENTIALS, "Bedrock API key expired", "bedrock.models", s -> s.apiKey()
                    .userEnv("AWS_BEARER_TOKEN_BEDROCK",
                            s.scenario().issueApiKey(ACCOUNT, REGION, Duration.ofHours(-1)).key())),
            fails(CREDENTIALS, "Bedrock API key of another region", "bedrock.models", s -> s.apiKey()
                    .userEnv("AWS_BEARER_TOKEN_BEDROCK",
                            s.scenario().issueShortTermApiKey(ACCOUNT, "us-west-2", Duration.ofHours(12)).key())),
            works(CREDENTIALS, "empty AWS_BEARER_TOKEN_BEDROCK beside a profile", s -> s.sso()
                    .userEnv("AWS_BEARER_TOKEN_BEDROCK", "")),
            works(CREDENTIALS, "ANTHROPIC_AUTH_TOKEN set beside a profile", s -> s.sso()
                    .shell("ANTHROPIC_AUTH_TOKEN", "sk-ant-oat01-example")),
            works(CREDENTIALS, "another user's keys in the shell beside a profile", s -> {
                IssuedCredentials other = s.scenario().issueUserKeys(ACCOUNT, "someone-else");
                s.sso().shell("AWS_ACCESS_KEY_ID", other.accessKeyId())
                        .shell("AWS_SECRET_ACCESS_KEY", other.secretAccessKey());
            }),
            fails(CREDENTIALS, "stale static keys shadow the SSO profile", "aws.static-shadow", s -> {
                s.sso();
                s.home.write(".aws/credentials", "[dev]\naws_access_key_id = AKIAOLDKEY0000000000\n"
                        + "aws_secret_access_key = oldsecretoldsecretoldsecretoldsecret0000\n");
            }),
            works(CREDENTIALS, "working static keys shadow the SSO profile (Claude Code signs as the IAM user)", s -> {
                s.sso();
                s.home.credentials("dev", s.scenario().issueUserKeys(ACCOUNT, "old-laptop"));
            }),
            works(CREDENTIALS, "awsAuthRefresh program missing, login still valid", s -> s.sso()
                    .userSetting("awsAuthRefresh", "/nonexistent/aws sso login --profile dev")),
            fails(CREDENTIALS, "awsCredentialExport program missing", "credentials.export-command", s -> s
                    .exportHelper().userSetting("awsCredentialExport", "/nonexistent/export-credentials")),
            fails(CREDENTIALS, "awsCredentialExport prints keys without SessionToken", "helpers.export", s -> {
                IssuedCredentials keys = s.scenario().issueUserKeys(ACCOUNT, "ci-user");
                s.exportHelper().userSetting("awsCredentialExport", s.script("long-term-keys",
                        "echo '{\"Credentials\": {\"AccessKeyId\": \"" + keys.accessKeyId()
                                + "\", \"SecretAccessKey\": \"" + keys.secretAccessKey() + "\"}}'"));
            }),
            fails(CREDENTIALS, "awsCredentialExport exits 1", "helpers.export", s -> s.exportHelper()
                    .userSetting("awsCredentialExport", s.script("failing-export",
                            "echo 'Error: the SSO session has expired' >&2; exit 1"))),
            fails(CREDENTIALS, "awsCredentialExport prints text, not JSON", "helpers.export", s -> s.exportHelper()
                    .userSetting("awsCredentialExport", s.script("chatty-export", "echo 'Logged in as alice'"))),
            // the stand-in plays AWS at ANTHROPIC_BEDROCK_BASE_URL: to the doctor, an endpoint that does not sign
            fails(CREDENTIALS, "CLAUDE_CODE_SKIP_BEDROCK_AUTH=1, the endpoint does not sign", "bedrock.models", s -> s
                    .sso().userEnv("CLAUDE_CODE_SKIP_BEDROCK_AUTH", "1")),

            // ---- settings files
            fails(SETTINGS, "a comment in user settings (Claude Code skips the file)", "settings.syntax", s -> {
                s.sso();
                s.userSettingsText(s.userSettingsText().replaceFirst("\\{", "{\n  // Bedrock, set up by hand\n"));
            }),
            works(SETTINGS, "CLAUDE_CODE_USE_BEDROCK as the JSON number 1", s -> s.sso()
                    .userEnv("CLAUDE_CODE_USE_BEDROCK", 1)),
            works(SETTINGS, "env written to ~/.claude.json instead of settings", s -> {
                s.sso();
                Files.move(s.home.userSettings(), s.home.home.resolve(".claude.json"));
            }),
            fails(SETTINGS, "CLAUDE_CODE_USE_BEDROCK missing", "settings.bedrock-enabled", s -> s.sso()
                    .userEnv("CLAUDE_CODE_USE_BEDROCK", null)),
            fails(SETTINGS, "CLAUDE_CODE_USE_BEDROCK=0 in user settings", "settings.bedrock-enabled", s -> s.sso()
                    .userEnv("CLAUDE_CODE_USE_BEDROCK", "0")),
            works(SETTINGS, "max output tokens 4096 (a warning)", s -> s.sso()
                    .userEnv("CLAUDE_CODE_MAX_OUTPUT_TOKENS", "4096")),
            works(SETTINGS, "max output tokens not a number", s -> s.sso()
                    .userEnv("CLAUDE_CODE_MAX_OUTPUT_TOKENS", "lots")),

            // ---- precedence: shell, user, project, local (managed: see the decision record)
            fails(PRECEDENCE, "local settings set CLAUDE_CODE_USE_BEDROCK=0", "settings.bedrock-enabled", s -> s.sso()
                    .localEnv("CLAUDE_CODE_USE_BEDROCK", "0")).naming("\"0\" (from local settings"),
            fails(PRECEDENCE, "project settings set CLAUDE_CODE_USE_BEDROCK=0", "settings.bedrock-enabled", s -> s
                    .sso().projectEnv("CLAUDE_CODE_USE_BEDROCK", "0")).naming("\"0\" (from project settings"),
            works(PRECEDENCE, "shell CLAUDE_CODE_USE_BEDROCK=0, user settings 1", s -> s.sso()
                    .shell("CLAUDE_CODE_USE_BEDROCK", "0")),
            works(PRECEDENCE, "Bedrock only in the shell, settings without it", s -> s.sso()
                    .userEnv("CLAUDE_CODE_USE_BEDROCK", null).shell("CLAUDE_CODE_USE_BEDROCK", "1")),
            works(PRECEDENCE, "shell AWS_REGION=us-east-1, user settings eu-west-1", s -> s.sso()
                    .shell("AWS_REGION", "us-east-1")),
            fails(PRECEDENCE, "shell AWS_PROFILE names a missing profile, settings a good one", "aws.profile-exists",
                    s -> s.sso().userEnv("AWS_PROFILE", null).shell("AWS_PROFILE", "gone")),
            works(PRECEDENCE, "shell AWS_PROFILE missing, user settings AWS_PROFILE good", s -> s.sso()
                    .shell("AWS_PROFILE", "gone")),
            fails(PRECEDENCE, "project settings pin a bare model ID over the user's", "models.bare-id", s -> s.sso()
                    .projectEnv("ANTHROPIC_MODEL", SONNET)),
            fails(PRECEDENCE, "local settings pin a us. model in eu-west-1", "models.prefix-region", s -> s.sso()
                    .localEnv("ANTHROPIC_MODEL", "us." + SONNET)),
            works(PRECEDENCE, "Bedrock set up only in project settings (workspace trust)", s -> {
                s.sso();
                Map<String, Object> user = MatrixSetup.readJson(s.home.userSettings());
                Files.delete(s.home.userSettings());
                MatrixSetup.writeJson(s.project.resolve(".claude/settings.json"), user);
            }),

            // ---- models and region
            fails(MODELS, "bare foundation-model ID", "models.bare-id", s -> s.sso()
                    .userEnv("ANTHROPIC_MODEL", SONNET)),
            fails(MODELS, "us. profile in eu-west-1", "models.prefix-region", s -> s.sso()
                    .userEnv("ANTHROPIC_MODEL", "us." + SONNET)),
            works(MODELS, "global. profile in eu-west-1", s -> s.sso()
                    .userEnv("ANTHROPIC_MODEL", "global." + SONNET)),
            fails(MODELS, "a Claude 3 (Legacy) model", "models.legacy", s -> s.sso()
                    .userEnv("ANTHROPIC_MODEL", "eu.anthropic.claude-3-haiku-20240307-v1:0")),
            fails(MODELS, "AWS_REGION is not a region", "region.valid", s -> s.sso().userEnv("AWS_REGION", "Ireland")),
            works(MODELS, "ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION holds a model ID", s -> s.sso()
                    .userEnv("ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION", MODEL)),
            works(MODELS, "ANTHROPIC_BEDROCK_REGION_PREFIX is not a geography", s -> s.sso()
                    .userEnv("ANTHROPIC_BEDROCK_REGION_PREFIX", "europe")),
            works(MODELS, "no AWS_REGION: the profile's region (eu-west-1) is used", s -> {
                s.sso().userEnv("AWS_REGION", null);
                s.home.write(".aws/config", s.home.read(".aws/config").replace("us-west-2", REGION));
            }),

            // ---- ~/.aws/config
            fails(AWS, "AWS_PROFILE names a missing profile", "aws.profile-exists", s -> s.sso()
                    .userEnv("AWS_PROFILE", "gone")),
            fails(AWS, "the profile's sso_session section is missing", "aws.sso-session-missing", s -> {
                s.sso();
                s.home.write(".aws/config", s.home.read(".aws/config").replaceAll("(?s)\\[sso-session corp].*", ""));
            }),
            fails(AWS, "a 'key: value' line in ~/.aws/config", "aws.config-readable", s -> {
                s.sso();
                s.home.write(".aws/config", s.home.read(".aws/config").replace("sso_role_name = Dev",
                        "sso_role_name: Dev"));
            }),
            works(AWS, "legacy SSO profile (no sso-session), logged in", s -> {
                s.home.legacySsoProfile("legacy");
                s.stand.cacheValidToken(StandInHome.START_URL);
                s.bedrockOnlyUserSettings().userEnv("AWS_PROFILE", "legacy");
            }),

            // ---- network
            fails(NETWORK, "ANTHROPIC_BEDROCK_BASE_URL: nothing listens (gateway down)", "network.runtime-endpoint",
                    s -> s.sso().shell("ANTHROPIC_BEDROCK_BASE_URL",
                            "http://127.0.0.1:" + LoopbackServers.closedPort())),
            fails(NETWORK, "ANTHROPIC_BEDROCK_BASE_URL: a gateway that does not know our credentials",
                    "bedrock.models", s -> {
                        StandInServer gateway = s.server(StandInServer.start(StandInHome.sandbox()));
                        s.sso().shell("ANTHROPIC_BEDROCK_BASE_URL", gateway.baseUri().toString());
                    }),
            works(NETWORK, "AWS_ENDPOINT_URL_BEDROCK: nothing listens (Claude Code uses its built-in list)", s -> s
                    .sso()
                    .shell("AWS_ENDPOINT_URL_BEDROCK", "http://127.0.0.1:" + LoopbackServers.closedPort())),
            works(NETWORK, "HTTPS_PROXY: nothing listens, NO_PROXY=127.0.0.1 (the endpoints)", s -> s.sso()
                    .shell("HTTPS_PROXY", "http://127.0.0.1:" + LoopbackServers.closedPort())
                    .shell("NO_PROXY", "127.0.0.1")),
            fails(NETWORK, "HTTPS_PROXY: nothing listens", "network.runtime-endpoint", s -> {
                s.sso().behindTrustedProxy(null);
                s.shell("HTTPS_PROXY", "http://127.0.0.1:" + LoopbackServers.closedPort());
            }),
            works(NETWORK, "TLS-inspecting proxy, its root in NODE_EXTRA_CA_CERTS", s -> s.sso()
                    .behindTrustedProxy(null)),
            fails(NETWORK, "TLS-inspecting proxy, its root not in NODE_EXTRA_CA_CERTS", "network.tls-inspection",
                    s -> s.sso().behindTlsInspection(null)),
            fails(NETWORK, "HTTPS_PROXY wants credentials (407)", "network.runtime-endpoint", s -> s.sso()
                    .behindTrustedProxy("corp:secret")).naming("407"),
            works(NETWORK, "HTTPS_PROXY with basic authentication in the URL", s -> {
                int port = s.sso().behindTrustedProxy("corp:secret").port();
                s.shell("HTTPS_PROXY", "http://corp:secret@127.0.0.1:" + port);
            }),
            works(NETWORK, "HTTPS_PROXY without a scheme (host:port)", s -> {
                int port = s.sso().behindTrustedProxy(null).port();
                s.shell("HTTPS_PROXY", "127.0.0.1:" + port);
            }),
            works(NETWORK, "NODE_EXTRA_CA_CERTS names a missing file", s -> s.sso()
                    .shell("NODE_EXTRA_CA_CERTS", s.dir.resolve("missing.pem").toString())),

            // ---- time
            works(TIMING, "SSO login expired, refresh token cached", s -> s.sso().expireSsoLogin(true)),
            fails(TIMING, "SSO login expired, no refresh token", "sso.token", s -> s.sso().expireSsoLogin(false)),
            fails(TIMING, "session keys in ~/.aws/credentials expired", "aws.identity", s -> {
                IssuedCredentials old = s.scenario().issueRoleCredentials(ACCOUNT, "Dev", Duration.ofHours(-1));
                s.home.credentials("keys", old);
                s.home.write(".aws/config", "[profile keys]\nregion = " + REGION + "\n");
                s.bedrockOnlyUserSettings().userEnv("AWS_PROFILE", "keys");
            }),
            fails(TIMING, "this machine's clock 20 min behind AWS", "aws.identity", MatrixSetup::sso)
                    .naming("clock is wrong").on(() -> skewed(Duration.ofMinutes(20))),
            works(TIMING, "this machine's clock 2 min behind AWS (within SigV4's 5)", MatrixSetup::sso)
                    .on(() -> skewed(Duration.ofMinutes(2))),
            fails(TIMING, "every model call throttled", "bedrock.models", s -> {
                s.sso();
                throttleModelCalls(s.scenario(), Integer.MAX_VALUE);
            }),
            works(TIMING, "one model call throttled, then answered", s -> s.sso()
                    .eachJudge(() -> throttleModelCalls(s.scenario(), 1))),

            // ---- Bedrock (online)
            fails(ONLINE, "model access not granted", "bedrock.models", s -> {
                s.sso();
                s.scenario().grantOnly(ACCOUNT, REGION, HAIKU);
            }),
            fails(ONLINE, "Anthropic use-case form not submitted", "bedrock.models", s -> {
                s.sso();
                s.scenario().useCaseFormMissing(ACCOUNT);
            }),
            works(ONLINE, "inference-profile listing denied (Claude Code uses its built-in list)", s -> {
                s.sso();
                s.scenario().failAlways(Operation.LIST_INFERENCE_PROFILES, Fault.accessDenied());
                s.scenario().failAlways(Operation.GET_INFERENCE_PROFILE, Fault.accessDenied());
            }),
            fails(ONLINE, "model calls denied by IAM", "bedrock.models", s -> {
                s.sso();
                denyModelCalls(s.scenario());
            }));
    }

    /** A stand-in whose clock runs ahead of this machine's: to AWS, this machine is behind. */
    private static Scenario skewed(Duration ahead) {
        return new Scenario(Clock.offset(Clock.systemUTC(), ahead))
                .addAccount(ACCOUNT, "Sandbox", "sandbox@example.com", "Dev");
    }

    private static void throttleModelCalls(Scenario s, int times) {
        for (Operation o : List.of(Operation.INVOKE_MODEL, Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM,
                Operation.CONVERSE)) {
            s.failNext(o, Fault.throttling(), times);
        }
    }

    private static void denyModelCalls(Scenario s) {
        for (Operation o : List.of(Operation.INVOKE_MODEL, Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM,
                Operation.CONVERSE)) {
            s.failAlways(o, Fault.accessDenied());
        }
    }

    private static void deleteTree(java.nio.file.Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
