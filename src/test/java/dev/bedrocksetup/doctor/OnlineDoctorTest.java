package dev.bedrocksetup.doctor;

import static dev.bedrocksetup.testing.Examples.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.standin.Fault;
import dev.bedrocksetup.standin.IssuedCredentials;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.standin.StandInFixture;
import dev.bedrocksetup.testing.LoopbackServers;
import dev.bedrocksetup.testing.Settings;
import dev.bedrocksetup.testing.StandInExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The online checks against the stand-in: each passes on a working setup and fires with AWS's own answer. */
class OnlineDoctorTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension(StandInFixture::twoAccounts);
    IssuedCredentials keys;

    @BeforeEach
    void setUp() throws Exception {
        keys = aws.stand().staticKeysProfile("dev", "dev", "us-east-1");
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("AWS_PROFILE", "dev").env("ANTHROPIC_MODEL", SONNET).env("ANTHROPIC_DEFAULT_HAIKU_MODEL", HAIKU)
                .json());
    }

    DoctorReport doctor() {
        return Doctor.run(inputs(), false);
    }

    DoctorInputs inputs() {
        return new DoctorInputs(aws.home().env(), new SettingsLocations(aws.home().env(), aws.dir()),
                () -> ClaudeInstallation.of(aws.dir().resolve("claude"), "2.1.330"));
    }

    @Test
    void aWorkingSetupPassesEveryOnlineCheck() {
        DoctorReport r = doctor();
        for (String id : new String[] {"aws.credentials", "aws.identity", "bedrock.control-plane", "bedrock.models"}) {
            assertEquals(Status.OK, r.finding(id).status, r.finding(id).toString());
        }
        assertTrue(r.finding("aws.identity").detail.contains("account " + StandInFixture.ACCOUNT));
        assertTrue(r.finding("bedrock.models").detail.contains(HAIKU));
        // the stand-in is plain http on 127.0.0.1: no DNS, a TCP connection, no TLS to judge
        for (String id : new String[] {"network.runtime-endpoint", "network.control-plane-endpoint"}) {
            Finding n = r.finding(id);
            assertEquals(Status.OK, n.status, n.toString());
            assertTrue(n.detail.contains("127.0.0.1 is an address (no DNS), TCP"), n.toString());
            assertTrue(n.detail.contains("TLS not applicable (plain http)"), n.toString());
        }
        assertEquals(Status.SKIPPED, r.finding("network.tls-inspection").status);
        assertTrue(r.finding("network.tls-inspection").detail.contains("plain http"));
    }

    /**
     * bedrock:ListInferenceProfiles is asked once per kind of profile: the control-plane check reads the outcome of
     * the call that lists the region's catalogue (the same action, as Claude Code makes it at start) instead of
     * making a third call of its own. Its verdict stays the call's: allowed here, denied in the tests below.
     */
    @Test
    void theControlPlaneCheckReadsTheCataloguesListingInsteadOfListingAgain() {
        DoctorReport r = doctor();
        Finding c = r.finding("bedrock.control-plane");
        assertEquals(Status.OK, c.status, c.toString());
        assertTrue(c.detail.contains("ListInferenceProfiles and GetInferenceProfile are allowed"), c.toString());
        assertEquals(2, aws.requestLog().of(Operation.LIST_INFERENCE_PROFILES).size(),
                "one call for the system-defined profiles, one for the account's: " + aws.requestLog().all());
    }

    /** Claude Code's settings name profile "bedrock", which assumes the role BedrockAccess from profile "dev". */
    private void assumeRoleProfileInForce(String extraLines) throws Exception {
        aws.scenario().addIamRole(StandInFixture.ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/dev");
        aws.home().write(".aws/config", "[profile dev]\nregion = us-east-1\n\n[profile bedrock]\n"
                + "role_arn = arn:aws:iam::" + ACCOUNT + ":role/BedrockAccess\nsource_profile = dev\n"
                + extraLines + "region = us-east-1\n");
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("AWS_PROFILE", "bedrock").env("ANTHROPIC_MODEL", SONNET)
                .env("ANTHROPIC_DEFAULT_HAIKU_MODEL", HAIKU).json());
    }

    @Test
    void anAssumeRoleProfileIsResolvedThroughTheStandInAndEveryModelAnswers() throws Exception {
        assumeRoleProfileInForce("role_session_name = doctor-check\n");
        DoctorReport r = doctor();
        for (String id : new String[] {"aws.credentials", "aws.identity", "bedrock.control-plane", "bedrock.models"}) {
            assertEquals(Status.OK, r.finding(id).status, r.finding(id).toString());
        }
        assertTrue(r.finding("aws.identity").detail.contains(
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/BedrockAccess/doctor-check"),
                        r.finding("aws.identity").detail);
        var probes = aws.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);
        assertFalse(probes.isEmpty());
        for (var probe : probes) {
            assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/BedrockAccess/doctor-check",
                    aws.scenario().credentials(probe.accessKeyId()).orElseThrow().principalArn(),
                    "the probe is signed with the assumed role's session");
            assertEquals(200, probe.status());
        }
    }

    @Test
    void aDeniedAssumeRoleFailsTheCredentialsCheckWithTheFix() throws Exception {
        aws.scenario().addIamRole(StandInFixture.ACCOUNT, "BedrockAccess", "arn:aws:iam::" + ACCOUNT + ":user/other");
        aws.home().write(".aws/config", "[profile dev]\nrole_arn = arn:aws:iam::" + ACCOUNT + ":role/BedrockAccess\n"
                + "source_profile = dev\nregion = us-east-1\n");
        Finding c = doctor().finding("aws.credentials");
        assertEquals(Status.FAIL, c.status, c.toString());
        assertTrue(c.detail.contains("arn:aws:iam::" + ACCOUNT + ":role/BedrockAccess"), c.toString());
        assertTrue(c.fix.contains("trust policy"), c.toString());
    }

    @Test
    void aModelNotGrantedFailsWithAwsAnswerAndFix() {
        aws.scenario().grantOnly(StandInFixture.ACCOUNT, "us-east-1", "anthropic.claude-sonnet-4-5-20250929-v1:0");
        Finding m = doctor().finding("bedrock.models");
        assertEquals(Status.FAIL, m.status, m.toString());
        assertTrue(m.detail.contains(HAIKU), m.toString());
        assertFalse(m.detail.contains(SONNET + ":"), "the granted model is not reported: " + m);
    }

    @Test
    void iamDenialPointsAtThePolicy() {
        aws.scenario().failAlways(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Fault.accessDenied());
        Finding m = doctor().finding("bedrock.models");
        assertEquals(Status.FAIL, m.status, m.toString());
        assertTrue(m.fix.contains("bedrock-setup policy"), m.toString());
    }

    @Test
    void deniedListingWarnsWhileTheModelsAnswer() {
        // Claude Code falls back to its built-in models (agreement matrix: "inference-profile listing denied")
        aws.scenario().failAlways(Operation.LIST_INFERENCE_PROFILES, Fault.accessDenied());
        DoctorReport r = doctor();
        Finding c = r.finding("bedrock.control-plane");
        assertEquals(Status.OK, r.finding("bedrock.models").status, r.finding("bedrock.models").toString());
        assertEquals(Status.WARN, c.status, c.toString());
        assertTrue(c.detail.contains("ListInferenceProfiles") && c.detail.contains("the pinned models answer"),
                c.toString());
    }

    @Test
    void deniedListingFailsWhenTheModelsFailToo() {
        aws.scenario().failAlways(Operation.LIST_INFERENCE_PROFILES, Fault.accessDenied());
        aws.scenario().failAlways(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Fault.accessDenied());
        Finding c = doctor().finding("bedrock.control-plane");
        assertEquals(Status.FAIL, c.status, c.toString());
        assertTrue(c.detail.contains("ListInferenceProfiles"), c.toString());
    }

    /**
     * NODE_EXTRA_CA_CERTS naming a FIFO (or a device): the doctor's AWS clients trust what the bundle holds, and read
     * it as every file is read, only when it is a regular file. Before, opening the FIFO blocked the making of the
     * clients, and every online check answered "no answer within 30 s".
     */
    @Test
    void aFifoAsTheCaBundleNeitherHangsNorStopsTheOnlineChecks() throws Exception {
        Path fifo = aws.dir().resolve("ca-bundle.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        mkfifo.getInputStream().readAllBytes();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        aws.home().vars.put("NODE_EXTRA_CA_CERTS", fifo.toString());
        DoctorReport r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                this::doctor, "the doctor must not hang on the FIFO");
        for (String id : new String[] {"aws.credentials", "aws.identity", "bedrock.control-plane", "bedrock.models"}) {
            assertEquals(Status.OK, r.finding(id).status, r.finding(id).toString());
        }
    }

    /** The dev profile turned into an SSO profile, logged in; the static keys stay in ~/.aws/credentials. */
    void ssoProfileBesideTheKeys() throws Exception {
        aws.home().write(".aws/config", "[profile dev]\nsso_session = corp\nsso_account_id = " + ACCOUNT + "\n"
                + "sso_role_name = Dev\nregion = us-east-1\n\n[sso-session corp]\n"
                + "sso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n");
        aws.stand().cacheValidToken("corp");
    }

    @Test
    void workingStaticKeysBesideSsoWarn() throws Exception {
        // Claude Code signs as the IAM user and answers (agreement matrix: "working static keys shadow the SSO profile")
        ssoProfileBesideTheKeys();
        DoctorReport r = doctor();
        assertEquals(Status.OK, r.finding("aws.credentials").status, r.finding("aws.credentials").toString());
        assertEquals(Status.OK, r.finding("aws.identity").status, r.finding("aws.identity").toString());
        Finding f = r.finding("aws.static-shadow");
        assertEquals(Status.WARN, f.status, f.toString());
        assertTrue(f.detail.contains("not the SSO role"), f.toString());
    }

    @Test
    void staleStaticKeysBesideSsoFail() throws Exception {
        ssoProfileBesideTheKeys();
        aws.home().write(".aws/credentials", "[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = "
                + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        DoctorReport r = doctor();
        Finding f = r.finding("aws.static-shadow");
        assertEquals(Status.FAIL, f.status, f.toString());
        assertEquals(Status.FAIL, r.finding("aws.identity").status, r.finding("aws.identity").toString());
    }

    @Test
    void missingCredentialsAndRejectedKeysFail() throws Exception {
        aws.home().write(".aws/credentials", "[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = "
                + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        DoctorReport r = doctor();
        assertEquals(Status.OK, r.finding("aws.credentials").status, "keys are found...");
        assertEquals(Status.FAIL, r.finding("aws.identity").status, "...but AWS does not know them");
        assertFalse(r.toText(dev.bedrocksetup.core.Style.plain()).contains("wJalrXUtnFEMI"), "no secret printed");

        aws.home().write(".aws/config", "[profile dev]\nsso_session = corp\nsso_account_id = " + ACCOUNT + "\n"
                + "sso_role_name = Dev\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\n"
                + "sso_region = us-east-1\n");
        aws.home().write(".aws/credentials", "");
        Finding c = doctor().finding("aws.credentials");
        assertEquals(Status.FAIL, c.status, c.toString());
        assertTrue(c.fix.contains("bedrock-setup login"), c.toString());
    }

    @Test
    void theExportHelperIsRunAndItsOutputRead() throws Exception {
        Path ok = aws.home().write("bin/ok.sh", "#!/bin/sh\necho '{\"Credentials\": {\"AccessKeyId\": \"ASIAEXAMPLE\", "
                + "\"SecretAccessKey\": \"s\", \"SessionToken\": \"t\", \"Expiration\": \"2030-01-01T00:00:00Z\"}}'\n");
        Path noExpiry = aws.home().write("bin/noexp.sh", "#!/bin/sh\necho '{\"AccessKeyId\": \"ASIAEXAMPLE\", "
                + "\"SecretAccessKey\": \"s\", \"SessionToken\": \"t\"}'\n");
        Path prompts = aws.home().write("bin/prompt.sh", "#!/bin/sh\nread answer\necho \"$answer\"\n");
        Path fails = aws.home().write("bin/fail.sh", "#!/bin/sh\necho 'login needed' >&2\nexit 4\n");
        for (Path p : new Path[] {ok, noExpiry, prompts, fails}) {
            p.toFile().setExecutable(true);
        }
        String[][] cases = {{ok.toString(), "OK"}, {noExpiry.toString(), "WARN"}, {prompts.toString(), "FAIL"},
            {fails.toString(), "FAIL"}};
        for (String[] cs : cases) {
            aws.home().write(".claude/settings.json", Settings.bedrock().key("awsCredentialExport", cs[0]).json());
            Finding fnd = doctor().finding("helpers.export");
            assertEquals(Status.valueOf(cs[1]), fnd.status, cs[0] + ": " + fnd);
        }
    }

    /**
     * What Claude Code accepts from the helper (issue 14, kind 2; 2.1.330 and 2.1.332): keys without a SessionToken
     * are rejected ("did not return valid AWS STS output structure"), and with no profile to fall back to Claude Code
     * has no credentials. The helper's check is the first failure: it names the cause.
     */
    @Test
    void helperOutputWithoutSessionTokenIsRejectedAndIsTheFirstFailure() throws Exception {
        Path longTerm = aws.home().write("bin/long-term.sh", "#!/bin/sh\necho '{\"Credentials\": {\"AccessKeyId\": \""
                + keys.accessKeyId() + "\", \"SecretAccessKey\": \"" + keys.secretAccessKey() + "\"}}'\n");
        longTerm.toFile().setExecutable(true);
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("ANTHROPIC_MODEL", SONNET).key("awsCredentialExport", longTerm.toString()).json());
        DoctorReport r = doctor();
        Finding helper = r.finding("helpers.export");
        assertEquals(Status.FAIL, helper.status, helper.toString());
        assertTrue(helper.detail.contains("SessionToken"), helper.toString());
        assertTrue(helper.detail.contains("did not return valid AWS STS output structure"), helper.toString());
        Finding first = r.findings.stream().filter(f -> f.status == Status.FAIL).findFirst().orElseThrow();
        assertEquals("helpers.export", first.id, "the first failure names the cause: " + first);
        assertEquals(Status.FAIL, r.finding("aws.credentials").status);
    }

    /** A failing helper without a profile: its check first, not a misleading "no profile 'default'" before it. */
    @Test
    void aFailingHelperIsTheFirstFailure() throws Exception {
        Path fails = aws.home().write("bin/fail.sh", "#!/bin/sh\necho 'login needed' >&2\nexit 4\n");
        fails.toFile().setExecutable(true);
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("ANTHROPIC_MODEL", SONNET).key("awsCredentialExport", fails.toString()).json());
        DoctorReport r = doctor();
        Finding first = r.findings.stream().filter(f -> f.status == Status.FAIL).findFirst().orElseThrow();
        assertEquals("helpers.export", first.id, "the first failure names the cause: " + first);
        assertTrue(first.detail.contains("exited 4"), first.toString());
        assertTrue(first.fix.contains(fails.toString()), first.toString());
    }

    /**
     * Claude Code (2.1.330, 2.1.332) falls back to its credential chain when it rejects the helper's output: beside a
     * working profile it answers, so the doctor warns and does not fail.
     */
    @Test
    void aRejectedHelperBesideAWorkingProfileIsAWarning() throws Exception {
        Path fails = aws.home().write("bin/fail.sh", "#!/bin/sh\nexit 1\n");
        fails.toFile().setExecutable(true);
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("AWS_PROFILE", "dev").env("ANTHROPIC_MODEL", SONNET).key("awsCredentialExport", fails.toString())
                .json());
        DoctorReport r = doctor();
        assertEquals(Status.WARN, r.finding("helpers.export").status, r.finding("helpers.export").toString());
        assertTrue(r.finding("helpers.export").detail.contains("falls back to profile dev"),
                r.finding("helpers.export").toString());
        assertEquals(Status.OK, r.finding("aws.identity").status, r.finding("aws.identity").toString());
        assertFalse(r.hasFailures(), r.findings.toString());
    }

    /**
     * The model probe calls what Claude Code calls (issue 14, kind 5): with ANTHROPIC_BEDROCK_BASE_URL pointing at a
     * gateway, every probe goes through the gateway (here a relay in front of the stand-in), none around it.
     */
    @Test
    void theModelProbeGoesThroughTheGatewayClaudeCodeCalls() throws Exception {
        try (LoopbackServers.Relay gateway = new LoopbackServers.Relay(aws.baseUri().getPort())) {
            aws.home().vars.put("ANTHROPIC_BEDROCK_BASE_URL", "http://127.0.0.1:" + gateway.port);
            DoctorReport r = doctor();
            List<String> probes = gateway.requestLines().stream()
                    .filter(l -> l.startsWith("POST /model/") && l.contains("/invoke-with-response-stream ")).toList();
            assertEquals(2, probes.size(), "both pinned models probed through the gateway: " + gateway.requestLines());
            assertEquals(2, aws.requestLog().of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM).size(),
                    "and none around it: " + aws.requestLog().all());
            Finding m = r.finding("bedrock.models");
            assertEquals(Status.OK, m.status, m.toString());
            assertTrue(m.detail.contains("through the gateway http://127.0.0.1:" + gateway.port), m.toString());
        }
    }

    /**
     * CLAUDE_CODE_SKIP_BEDROCK_AUTH (issue 14, kind 6): Claude Code (2.1.330, 2.1.332) sends its calls unsigned and
     * the stand-in, like AWS, answers 403. Through a gateway that does not sign them the probe, unsigned too, fails.
     */
    @Test
    void skippedAuthenticationThroughAGatewayThatDoesNotSignFails() throws Exception {
        try (LoopbackServers.Relay gateway = new LoopbackServers.Relay(aws.baseUri().getPort())) {
            aws.home().vars.put("ANTHROPIC_BEDROCK_BASE_URL", "http://127.0.0.1:" + gateway.port);
            aws.home().vars.put("CLAUDE_CODE_SKIP_BEDROCK_AUTH", "1");
            DoctorReport r = doctor();
            assertEquals(Status.OK, r.finding("credentials.source").status, "a gateway may sign: "
                    + r.finding("credentials.source"));
            assertEquals(Status.SKIPPED, r.finding("aws.credentials").status);
            Finding m = r.finding("bedrock.models");
            assertEquals(Status.FAIL, m.status, m.toString());
            assertTrue(m.detail.startsWith("CLAUDE_CODE_SKIP_BEDROCK_AUTH: Claude Code sends its calls unsigned, and "
                    + "the gateway http://127.0.0.1:" + gateway.port + " does not sign them"), m.toString());
            assertTrue(m.fix.contains("sign"), m.toString());
            List<dev.bedrocksetup.standin.LoggedRequest> calls = aws.requestLog()
                    .of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);
            assertFalse(calls.isEmpty());
            for (var call : calls) {
                assertEquals(null, call.accessKeyId(), "unsigned, as Claude Code sends it: " + call);
                assertEquals(403, call.status(), call.toString());
            }
            assertFalse(gateway.requestLines().isEmpty(), "through the gateway");
        }
    }

    /** Without a gateway the unsigned calls go to AWS, which refuses them: the offline check already fails. */
    @Test
    void skippedAuthenticationWithoutAGatewayFails() throws Exception {
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("AWS_PROFILE", "dev").env("CLAUDE_CODE_SKIP_BEDROCK_AUTH", "1").env("ANTHROPIC_MODEL", SONNET)
                .json());
        DoctorReport r = doctor();
        Finding source = r.finding("credentials.source");
        assertEquals(Status.FAIL, source.status, source.toString());
        assertTrue(source.detail.contains("unsigned") && source.detail.contains("403"), source.toString());
        assertTrue(source.fix.startsWith("remove CLAUDE_CODE_SKIP_BEDROCK_AUTH from "
                + aws.dir().resolve(".claude/settings.json")),
                source.toString());
        assertEquals(Status.FAIL, r.finding("bedrock.models").status, r.finding("bedrock.models").toString());
        assertEquals("credentials.source", r.findings.stream().filter(f -> f.status == Status.FAIL).findFirst()
                .orElseThrow().id, "the first failure names the cause");
    }

    @Test
    void aSkewedClockIsFound() {
        assertEquals(Status.OK, doctor().finding("aws.clock").status);
        // the SDK signs with the real clock; the doctor compares its (here skewed) clock with AWS's Date
        aws.home().vars.put("HOME", aws.dir().toString());
        DoctorReport r = Doctor.run(new DoctorInputs(aws.home().env().withClock(java.time.Clock.offset(
                java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(20))),
                new SettingsLocations(aws.home().env(), aws.dir()),
                () -> ClaudeInstallation.of(aws.dir().resolve("claude"), "2.1.330")), false);
        Finding f = r.finding("aws.clock");
        assertEquals(Status.FAIL, f.status, f.toString());
        assertTrue(f.detail.contains("20 min ahead of AWS"), f.toString());
    }

    /**
     * Every AWS call of the doctor is on its way before the first is answered: one round trip, whatever the machine's
     * core count (on 2 cores the common fork-join pool has one worker, and two listings queued on it made two round
     * trips). Not a timing budget (bench/doctor-latency.sh measures that): the stand-in answers each call after a
     * latency far longer than the doctor takes to send them all, and no call may arrive after another was answered.
     */
    @Test
    void everyAwsCallLeavesBeforeTheFirstAnswerComes() {
        java.time.Duration latency = java.time.Duration.ofSeconds(2);
        for (Operation op : Operation.values()) {
            aws.scenario().latency(op, latency);
        }
        DoctorReport r = doctor();
        assertEquals(Status.OK, r.finding("bedrock.models").status, r.finding("bedrock.models").toString());
        var calls = aws.requestLog().all();
        assertTrue(calls.size() >= 5, calls.toString());
        java.time.Instant firstAnswer = calls.stream().map(c -> c.at()).min(java.time.Instant::compareTo).orElseThrow();
        for (var c : calls) {
            assertTrue(c.at().minus(latency).isBefore(firstAnswer), "sent after the first answer came (" + firstAnswer
                    + "), so a second round trip: " + c + "\n" + calls);
        }
    }

    /**
     * The network checks' probe reads the JVM's trust store when it is made (~0.1–0.2 s of CPU on a small machine,
     * ~150 certificates parsed). That must not hold up the checks that call AWS: they waited behind it for the lock
     * of the doctor's inputs, so the requests left only once the trust store was read. Here the probe is made only
     * once every AWS call has reached the stand-in (or after 20 s): made any earlier, the calls waited for it.
     */
    @Test
    void theAwsCallsLeaveWhileTheNetworkChecksProbeIsStillBeingMade() {
        DoctorInputs in = inputs();
        List<Operation> sent = List.of(Operation.GET_CALLER_IDENTITY, Operation.LIST_INFERENCE_PROFILES,
                Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);
        boolean[] callsCameFirst = new boolean[1];
        in.probesMadeBy(() -> {
            long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until && !sent.stream().allMatch(op -> !aws.requestLog().of(op).isEmpty())) {
                sleep(10);
            }
            callsCameFirst[0] = sent.stream().allMatch(op -> !aws.requestLog().of(op).isEmpty());
            return new EndpointProbe();
        });
        DoctorReport r = Doctor.run(in, false);
        assertTrue(callsCameFirst[0], "the AWS calls waited for the network checks' probe: " + aws.requestLog().all());
        for (String id : new String[] {"aws.credentials", "aws.identity", "bedrock.control-plane", "bedrock.models",
                "network.runtime-endpoint"}) {
            assertEquals(Status.OK, r.finding(id).status, r.finding(id).toString());
        }
    }

    /**
     * The network probes (a connection and a TLS handshake each, the trust store read) make no AWS call: they wait until
     * the calls can leave (credentials resolved, clients built) rather than take the CPU that preparing them needs on a
     * small machine. With an assume-role profile the credentials are ready once STS AssumeRole has answered (after
     * 300 ms here), so the probe is made after that answer.
     */
    @Test
    void theNetworkProbesWaitUntilTheAwsCallsCanLeave() throws Exception {
        aws.scenario().latency(Operation.ASSUME_ROLE, java.time.Duration.ofMillis(300));
        assumeRoleProfileInForce("");
        DoctorInputs in = inputs();
        boolean[] madeAfterTheCredentials = new boolean[1];
        in.probesMadeBy(() -> {
            madeAfterTheCredentials[0] = !aws.requestLog().of(Operation.ASSUME_ROLE).isEmpty();
            return new EndpointProbe();
        });
        DoctorReport r = Doctor.run(in, false);
        assertTrue(madeAfterTheCredentials[0], "the probe was made before the credentials were: "
                + aws.requestLog().all());
        for (String id : new String[] {"aws.credentials", "aws.identity", "bedrock.models", "network.runtime-endpoint"}) {
            assertEquals(Status.OK, r.finding(id).status, r.finding(id).toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void correctUnderInjectedLatency() {
        aws.scenario().latency(Operation.GET_CALLER_IDENTITY, java.time.Duration.ofMillis(800))
                .latency(Operation.LIST_INFERENCE_PROFILES, java.time.Duration.ofMillis(800))
                .latency(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, java.time.Duration.ofMillis(800));
        DoctorReport r = doctor();
        assertEquals(Status.OK, r.finding("bedrock.models").status, "correct under latency (speed: bench/, not here)");
    }
}
