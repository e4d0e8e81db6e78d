package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.Scenario;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.LoopbackServers;
import dev.bedrocksetup.testing.SelfLauncher;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row's world: a stand-in AWS, a throw-away home with a project directory, and the user's shell. Both judges see
 * the same world: Claude Code ({@code claude -p} in the project, with exactly {@link #shell} as its environment) and
 * {@code bedrock-setup doctor --json} (in-process, with the same variables plus the stand-in's endpoint for its own
 * model probe and its managed-settings override). A row's builder first makes a working setup with one of the
 * credential modes ({@link #sso()}, {@link #staticKeys()}, ...) and then breaks one thing, as a user would.
 */
final class MatrixSetup implements AutoCloseable {
    static final String ACCOUNT = StandInHome.ACCOUNT;
    static final String REGION = "eu-west-1";
    static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
    static final String MODEL = "eu." + SONNET;
    static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/BedrockAccess";

    final Path dir;
    final ClaudeCode claude;
    final String reply = "Stand-in reply " + UUID.randomUUID();
    final StandInHome stand;
    final TempHome home;
    final Path project;
    /** The user's shell: every variable both judges get (the stand-in's endpoints included). */
    final Map<String, String> shell = new LinkedHashMap<>();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final List<Runnable> eachJudge = new ArrayList<>();

    MatrixSetup(Path dir, ClaudeCode claude, Scenario scenario) throws IOException {
        this.dir = dir;
        this.claude = claude;
        this.stand = new StandInHome(dir.resolve("home"), scenario.replyText(reply));
        this.home = stand.home;
        this.project = Files.createDirectories(home.home.resolve("project"));
        shell.putAll(ClaudeCode.environment(home.home, stand.baseUri()));
        // doctor finds the Claude Code being judged, and judges by its version
        shell.put("PATH", claude.binDirectory() + ":/usr/bin:/bin");
        // the doctor's own model probe goes to the stand-in (Claude Code's calls follow ANTHROPIC_BEDROCK_BASE_URL)
        shell.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", stand.baseUri().toString());
    }

    Scenario scenario() {
        return stand.scenario;
    }

    /** Closed with the row (proxies, TLS servers, a second stand-in). */
    <T extends AutoCloseable> T server(T server) {
        servers.add(server);
        return server;
    }

    // ---- working setups, one per credential mode

    /** An IAM Identity Center profile {@code dev} after {@code bedrock-setup login}, then {@code init --yes}. */
    MatrixSetup sso() throws IOException {
        home.ssoProfiles("dev");
        stand.browser();
        ok(home.run("login", "--profile", "dev"));
        return init("--profile", "dev");
    }

    /** A profile {@code keys} with an IAM user's long-term keys in ~/.aws/credentials. */
    MatrixSetup staticKeys() throws IOException {
        stand.staticKeysProfile("keys", "ci-user", "us-west-2");
        return init("--profile", "keys");
    }

    /** A profile {@code bedrock} that assumes a role with the keys of profile {@code ci} (role_arn, source_profile). */
    MatrixSetup assumeRole() throws IOException {
        scenario().addIamRole(ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/ci");
        stand.userKeys("ci", "ci");
        home.write(".aws/config", "[profile ci]\nregion = us-west-2\n\n[profile bedrock]\nrole_arn = " + ROLE_ARN
                + "\nsource_profile = ci\n");
        return init("--profile", "bedrock");
    }

    /** A Bedrock API key in settings env ({@code init --auth bedrock-api-key}). */
    MatrixSetup apiKey() throws IOException {
        String key = scenario().issueShortTermApiKey(ACCOUNT, REGION, Duration.ofHours(12)).key();
        home.vars.put("AWS_BEARER_TOKEN_BEDROCK", key);
        try {
            return init("--auth", "bedrock-api-key");
        } finally {
            home.vars.remove("AWS_BEARER_TOKEN_BEDROCK");
        }
    }

    /** {@code init --credentials export} after login: Claude Code runs our export-credentials (awsCredentialExport). */
    MatrixSetup exportHelper() throws IOException {
        home.ssoProfiles("dev");
        stand.browser();
        ok(home.run("login", "--profile", "dev"));
        SelfLauncher launcher = SelfLauncher.create(dir.resolve("bin"));
        return launcher.asSelfCommand(() -> {
            try {
                return init("--profile", "dev", "--credentials", "export");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** No profile: Bedrock, region and model in user settings, an IAM user's keys in the shell. */
    MatrixSetup environmentKeys() throws IOException {
        IssuedCredentials keys = scenario().issueUserKeys(ACCOUNT, "ci-user");
        bedrockOnlyUserSettings();
        shell("AWS_ACCESS_KEY_ID", keys.accessKeyId());
        shell("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
        return this;
    }

    /** User settings that turn Bedrock on with region and model, and say nothing about credentials. */
    MatrixSetup bedrockOnlyUserSettings() throws IOException {
        userSettings(Map.of("env", env("CLAUDE_CODE_USE_BEDROCK", "1", "AWS_REGION", REGION,
                "ANTHROPIC_MODEL", MODEL)));
        return this;
    }

    private MatrixSetup init(String... how) throws IOException {
        List<String> args = new ArrayList<>(List.of("init", "--yes", "--region", REGION, "--model", MODEL,
                "--skip-probe"));
        args.addAll(List.of(how));
        ok(home.run(args.toArray(String[]::new)));
        return this;
    }

    private static void ok(TempHome.Run run) {
        assertEquals(0, run.exit, run.toString());
    }

    // ---- what a row changes

    /** A variable of the user's shell: both Claude Code and the doctor get it. */
    MatrixSetup shell(String name, String value) {
        shell.put(name, value);
        return this;
    }

    MatrixSetup unsetShell(String name) {
        shell.remove(name);
        return this;
    }

    /** Sets (or with null removes) one env value in ~/.claude/settings.json, as a user editing it would. */
    MatrixSetup userEnv(String name, Object value) throws IOException {
        return editEnv(home.userSettings(), name, value);
    }

    /** Sets a top-level key of ~/.claude/settings.json (or removes it: null). */
    MatrixSetup userSetting(String key, Object value) throws IOException {
        Map<String, Object> s = readJson(home.userSettings());
        if (value == null) {
            s.remove(key);
        } else {
            s.put(key, value);
        }
        return userSettings(s);
    }

    MatrixSetup userSettings(Map<String, Object> settings) throws IOException {
        writeJson(home.userSettings(), settings);
        return this;
    }

    /** .claude/settings.json of the project (checked in, shared). */
    MatrixSetup projectEnv(String name, Object value) throws IOException {
        return editEnv(project.resolve(".claude/settings.json"), name, value);
    }

    /** .claude/settings.local.json of the project (the user's own, not checked in). */
    MatrixSetup localEnv(String name, Object value) throws IOException {
        return editEnv(project.resolve(".claude/settings.local.json"), name, value);
    }

    String userSettingsText() throws IOException {
        return home.read(".claude/settings.json");
    }

    MatrixSetup userSettingsText(String text) throws IOException {
        home.write(".claude/settings.json", text);
        return this;
    }

    private MatrixSetup editEnv(Path file, String name, Object value) throws IOException {
        Map<String, Object> s = readJson(file);
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) s.computeIfAbsent("env", k -> new LinkedHashMap<>());
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        writeJson(file, s);
        return this;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readJson(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        return new ObjectMapper().readValue(Files.readString(file), LinkedHashMap.class);
    }

    static void writeJson(Path file, Map<String, Object> value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
    }

    static Map<String, Object> env(String... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** The SSO login's cached token expires an hour ago (dead at the portal too), with or without its refresh token. */
    MatrixSetup expireSsoLogin(boolean keepRefreshToken) {
        SsoToken t = stand.tokenCache().read("corp");
        stand.tokenCache().write("corp", new SsoToken(t.startUrl, t.region, t.accessToken,
                Instant.now().minus(1, ChronoUnit.HOURS), t.clientId, t.clientSecret, t.registrationExpiresAt,
                keepRefreshToken ? t.refreshToken : null));
        scenario().expireAccessTokens();
        return this;
    }

    /** A proxy in front of Bedrock: where it listens, and the PEM of the certificate it answers TLS with. */
    record InspectingProxy(int port, Path pem) {}

    /**
     * Bedrock's endpoints by their AWS names (bedrock-runtime and bedrock in the region), reached only through
     * HTTPS_PROXY, a proxy that inspects TLS: it answers with its own certificate, then passes the requests on to the
     * stand-in. SSO and STS stay on the stand-in, directly (NO_PROXY). With {@code userColonPassword} the proxy
     * wants basic authentication (407 without it); HTTPS_PROXY is set without credentials.
     */
    InspectingProxy behindTlsInspection(String userColonPassword) throws Exception {
        String runtime = "bedrock-runtime." + REGION + ".amazonaws.com";
        LoopbackServers.SelfSigned cert = LoopbackServers.SelfSigned.create(dir.resolve("tls"), "inspection",
                "CN=Corp Inspection CA, O=Example Corp",
                "dns:" + runtime + ",dns:bedrock." + REGION + ".amazonaws.com");
        LoopbackServers.TlsTerminator inspector = server(new LoopbackServers.TlsTerminator(cert,
                stand.baseUri().getPort()));
        LoopbackServers.ConnectProxy proxy = server(new LoopbackServers.ConnectProxy(inspector.port,
                userColonPassword));
        shell("ANTHROPIC_BEDROCK_BASE_URL", "https://" + runtime);
        unsetShell("AWS_ENDPOINT_URL_BEDROCK");
        shell("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port);
        shell("NO_PROXY", "127.0.0.1");
        return new InspectingProxy(proxy.port, cert.pem);
    }

    /** {@link #behindTlsInspection} with the proxy's certificate trusted (NODE_EXTRA_CA_CERTS): a working proxy. */
    InspectingProxy behindTrustedProxy(String userColonPassword) throws Exception {
        InspectingProxy proxy = behindTlsInspection(userColonPassword);
        shell("NODE_EXTRA_CA_CERTS", proxy.pem().toString());
        return proxy;
    }

    /** An executable shell script in the row's directory; returns its path. */
    String script(String name, String body) throws IOException {
        Path p = dir.resolve("bin").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p.toString();
    }

    /**
     * Something the stand-in does once per judge (a fault that fires a set number of times): both judges then meet
     * the same AWS, whoever asks first.
     */
    MatrixSetup eachJudge(Runnable prepare) {
        eachJudge.add(prepare);
        return this;
    }

    private void prepareForAJudge() {
        if (!eachJudge.isEmpty()) {
            scenario().clearFaults();
            eachJudge.forEach(Runnable::run);
        }
    }

    // ---- the two judges

    /** {@code claude -p} in the project with the shell, plus a bound on its retries (the harness's, not the user's). */
    ClaudeCode.Result askClaude(Duration timeout) {
        Map<String, String> env = new LinkedHashMap<>(shell);
        env.putIfAbsent("CLAUDE_CODE_MAX_RETRIES", "2");
        prepareForAJudge();
        return claude.print("Say hello.", home.home, project, stand.baseUri(), timeout, env);
    }

    /** {@code doctor --json} (online) for the project, in the same shell. */
    TempHome.Run doctor() {
        home.vars.remove("DISPLAY");
        String managed = home.vars.get("BEDROCK_SETUP_MANAGED_SETTINGS");
        home.vars.clear();
        home.vars.putAll(shell);
        home.vars.put("BEDROCK_SETUP_MANAGED_SETTINGS", managed);
        prepareForAJudge();
        return home.run("doctor", "--json", "--project-dir", project.toString());
    }

    @Override
    public void close() {
        for (AutoCloseable s : servers) {
            try {
                s.close();
            } catch (Exception ignored) {
                // a server that is already gone
            }
        }
        stand.close();
    }
}
