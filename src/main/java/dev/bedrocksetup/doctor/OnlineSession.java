package dev.bedrocksetup.doctor;

import dev.bedrocksetup.aws.ProxySettings;
import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.CallThreads;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Trace;
import dev.bedrocksetup.credentials.ProfileCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * What the online checks share, made once: the environment Claude Code's process would have (the shell overlaid with
 * the settings' env), the credentials it would resolve, and SDK clients for the region it would call.
 */
final class OnlineSession implements AutoCloseable {
    private final DoctorInputs in;
    private final Environment effective;
    private ProfileCredentials.Resolved credentials;
    private BedrockSetupException credentialsFailure;
    private boolean resolved;
    private final Object clientsLock = new Object();
    private AwsClients clients;
    private boolean closed;

    OnlineSession(DoctorInputs in) {
        this.in = in;
        this.effective = claudeCodesEnvironment(in);
    }

    /**
     * The shell environment overlaid with the winning settings values (an env block beats the shell). Made once, up
     * front, and read without a lock: the network checks need it while the credentials (perhaps a slow
     * awsCredentialExport) are resolved under this session's lock.
     */
    Environment environment() {
        return effective;
    }

    private static Environment claudeCodesEnvironment(DoctorInputs in) {
        Map<String, String> vars = new HashMap<>();
        for (EffectiveConfiguration.Entry e : in.effective.entries()) {
            EffectiveConfiguration.Source w = e.winner();
            if (e.variable && w != null && w.file != null) {
                vars.put(e.name, w.text());
            }
        }
        return in.env.withVariables(vars);
    }

    /** CLAUDE_CODE_SKIP_BEDROCK_AUTH: Claude Code resolves no credentials and sends its Bedrock calls unsigned. */
    boolean skipsAuth() {
        return in.effective.isTruthy("CLAUDE_CODE_SKIP_BEDROCK_AUTH");
    }

    /** Where Claude Code sends its model calls: ANTHROPIC_BEDROCK_BASE_URL, else the regional endpoint. */
    BedrockEndpoints.Endpoint runtimeEndpoint() {
        return BedrockEndpoints.runtime(environment(), in.effectiveRegion());
    }

    String apiKey() {
        String k = in.effective.value("AWS_BEARER_TOKEN_BEDROCK");
        return k == null || k.isBlank() ? null : k;
    }

    private ExportHelper.Result export;

    /** The awsCredentialExport command's result, run once; null when none is configured. */
    synchronized ExportHelper.Result exportHelper() {
        String cmd = in.effective.value("awsCredentialExport");
        if (export == null && cmd != null && !cmd.isBlank()) {
            SettingsScope from = in.effective.entry("awsCredentialExport").winner().scope;
            if (from == SettingsScope.PROJECT || from == SettingsScope.LOCAL) {
                export = ExportHelper.notRunFromProject(from.label(), cmd);
            } else {
                export = ExportHelper.run(in.env, cmd, environment().variables());
                Trace.mark("awsCredentialExport ran");
            }
        }
        return export;
    }

    /**
     * The credentials Claude Code signs with, or null when they could not be resolved ({@link #credentialsFailure})
     * or an API key is used: what awsCredentialExport prints when Claude Code accepts it, else (as Claude Code falls
     * back) the credential chain.
     */
    synchronized ProfileCredentials.Resolved credentials() {
        if (!resolved) {
            resolved = true;
            if (apiKey() == null && !skipsAuth()) {
                ExportHelper.Result helper = exportHelper();
                if (helper != null && helper.accepted()) {
                    credentials = helper.credentials();
                    return credentials;
                }
                try {
                    Trace.mark("credentials resolving");
                    credentials = new ProfileCredentials(environment()).resolveForCommand(null);
                    Trace.mark("credentials resolved");
                } catch (BedrockSetupException e) {
                    credentialsFailure = helper == null ? e : new BedrockSetupException(e.exitCode(),
                            "awsCredentialExport gives no credentials Claude Code accepts (see helpers.export), and "
                                    + "the credential chain it falls back to has none either: " + e.getMessage(),
                            helper.fix(), e);
                }
            }
        }
        return credentials;
    }

    synchronized BedrockSetupException credentialsFailure() {
        credentials();
        return credentialsFailure;
    }

    /** True when the credentials failed because the IAM Identity Center portal refused the cached login (401). */
    synchronized boolean loginRejected() {
        return ProfileCredentials.loginRejected(credentialsFailure());
    }

    /**
     * Clients for the region Claude Code calls, the runtime ones for the endpoint its model calls go to (a gateway
     * at ANTHROPIC_BEDROCK_BASE_URL included) and unsigned when it skips authentication; null when there is nothing to
     * authenticate with.
     */
    AwsClients clients() {
        if (apiKey() == null && !skipsAuth() && credentials() == null) {
            return null;
        }
        return factory();
    }

    /**
     * Starts what every AWS call of the checks waits for, each on its own thread, and returns at once: the credentials'
     * resolution, and the building of the SDK clients the checks call. The clients ask for the credentials only when
     * they sign a call, so building them (the first of each service loads hundreds of classes) need not wait for a
     * profile file's parsing or an SSO round trip.
     */
    void prepareAhead() {
        boolean signed = apiKey() == null && !skipsAuth();
        List<Runnable> work = new ArrayList<>();
        if (signed) {
            work.add(() -> {
                if (credentials() == null) {
                    firstSent.countDown(); // no credentials: no call leaves, nothing to wait for
                }
            });
        }
        List<java.util.function.Consumer<AwsClients>> builds = signed
                ? List.of(AwsClients::sts, AwsClients::bedrock, AwsClients::bedrockRuntimeAsync)
                : List.of(AwsClients::bedrockRuntimeAsync);
        for (var build : builds) {
            work.add(() -> {
                AwsClients f = factory();
                if (f != null) {
                    build.accept(f);
                }
            });
        }
        java.util.concurrent.Executor ahead = CallThreads.oneEach("doctor-ahead");
        CountDownLatch ready = new CountDownLatch(work.size());
        callsReady = ready;
        for (Runnable r : work) {
            ahead.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    // met again by the check that needs it, which reports the problem; no call may leave
                    firstSent.countDown();
                } finally {
                    ready.countDown();
                }
            });
        }
    }

    /** Counts down as what {@link #prepareAhead} started is done; null: nothing started, nothing to wait for. */
    private volatile CountDownLatch callsReady;
    /** Counted down as the first request of these clients leaves (or when none can). */
    private final CountDownLatch firstSent = new CountDownLatch(1);

    /**
     * Waits, at most {@code max}, until the AWS calls leave (the credentials resolved, the clients built, a first
     * request sent; the others follow within milliseconds): work that makes no AWS call (picocli's command line, the
     * offline checks, the network probes) waits for it on a 2-core machine rather than taking the CPU the calls'
     * preparation needs, and then runs while they wait for their answers. Nothing waits longer than {@code max} (an SSO or assume-role profile resolves its credentials over the
     * network first).
     */
    void awaitCallsReady(Duration max) {
        CountDownLatch ready = callsReady;
        if (ready == null) {
            return;
        }
        long deadline = System.nanoTime() + max.toNanos();
        try {
            if (ready.await(max.toNanos(), TimeUnit.NANOSECONDS)) {
                firstSent.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The client factory, made once; its credentials are asked for when a call is signed. Null once closed. */
    private AwsClients factory() {
        synchronized (clientsLock) { // not this: the credentials' readers need not wait for the clients
            if (clients == null && !closed) {
                clients = newClients();
            }
            return clients;
        }
    }

    private AwsClients newClients() {
        ClientSettings settings = ClientSettings.defaults().withMaxAttempts(1).withCallTimeout(Duration.ofSeconds(10));
        AwsClients.Builder b = AwsClients.builder(environment()).region(in.effectiveRegion()).settings(settings);
        if (apiKey() != null) {
            b.bedrockApiKey(apiKey());
        } else if (skipsAuth()) {
            b.unsignedBedrockRuntime();
        } else {
            // resolved once (credentials()); a call is only made through clients(), which has them
            b.credentials(() -> credentials().credentials());
        }
        BedrockEndpoints.Endpoint runtime = runtimeEndpoint();
        if (runtime.gateway() && runtime.uri != null) {
            b.bedrockRuntimeEndpoint(runtime.uri);
        }
        Trace.mark("client factory made");
        return b.route(ProxySettings.route(environment())).onRequestSent(firstSent::countDown).build();
    }

    private final Object catalogueLock = new Object();
    private boolean catalogueAsked;
    private dev.bedrocksetup.bedrock.Catalogue catalogue;
    private dev.bedrocksetup.bedrock.ModelCatalogue listing;

    /** The region's live catalogue, listed once; null without credentials or when listing fails or is denied. */
    dev.bedrocksetup.bedrock.Catalogue catalogue() {
        synchronized (catalogueLock) { // not this: the other checks need clients() meanwhile
            if (!catalogueAsked) {
                catalogueAsked = true;
                AwsClients c = apiKey() == null && !skipsAuth() ? clients() : null;
                if (c != null) {
                    try {
                        listing = new dev.bedrocksetup.bedrock.ModelCatalogue(c.bedrock(), in.effectiveRegion(),
                                AwsProfileChecks.profileName(in));
                        dev.bedrocksetup.bedrock.Catalogue listed = listing.list(CallThreads.oneEach("catalogue"));
                        catalogue = listed.isFallback() ? null : listed;
                    } catch (RuntimeException e) {
                        catalogue = null; // bedrock.control-plane says why
                    }
                    Trace.mark("catalogue listed");
                }
            }
            return catalogue;
        }
    }

    /**
     * The catalogue's system-defined ListInferenceProfiles call, once {@link #catalogue()} has run: null when it made
     * none (no credentials, an API key, not listed yet); else its listing, whose outcome it says.
     */
    dev.bedrocksetup.bedrock.ModelCatalogue catalogueListing() {
        synchronized (catalogueLock) {
            return listing != null && listing.systemListingMade() ? listing : null;
        }
    }

    private final Object identityLock = new Object();
    private Object callerIdentity;
    private java.time.Instant callerIdentityAt;

    /**
     * STS GetCallerIdentity, called once for the identity and clock checks: the response, or the exception it threw
     * (rethrown to each caller).
     */
    GetCallerIdentityResponse callerIdentity() {
        Object result;
        synchronized (identityLock) { // not this: the other checks need clients() meanwhile
            if (callerIdentity == null) {
                try {
                    callerIdentity = clients().sts().getCallerIdentity();
                } catch (RuntimeException e) {
                    callerIdentity = e;
                }
                callerIdentityAt = in.env.clock().instant();
            }
            result = callerIdentity;
        }
        if (result instanceof RuntimeException) {
            throw (RuntimeException) result;
        }
        return (GetCallerIdentityResponse) result;
    }

    /** This machine's time when STS answered (the clock check compares it with AWS's Date); null before the call. */
    java.time.Instant callerIdentityAt() {
        synchronized (identityLock) {
            return callerIdentityAt;
        }
    }

    /**
     * The models Claude Code will call: the primary model and each tier pin (the Fable tier's too), without aliases,
     * each as Claude Code sends it: a [1m] tag stripped.
     */
    List<String> pinnedModels() {
        List<String> out = new ArrayList<>();
        List<String> names = new ArrayList<>(ModelChecks.PINS);
        names.add("ANTHROPIC_DEFAULT_FABLE_MODEL");
        for (String name : names) {
            String v = in.effective.value(name);
            if (v == null || v.isEmpty() || ModelIds.ALIASES.contains(v)
                    || ModelChecks.CLAUDE_CODE_ALIASES.contains(v.trim().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            String sent = ModelChecks.ONE_MILLION_TAG.matcher(v).replaceFirst("");
            if (!out.contains(sent)) {
                out.add(sent);
            }
        }
        return out;
    }

    @Override
    public void close() {
        synchronized (clientsLock) {
            closed = true;
            if (clients != null) {
                clients.close();
            }
        }
    }
}
