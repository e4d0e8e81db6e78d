package dev.bedrocksetup.aws;

import dev.bedrocksetup.awsconfig.AwsFileKind;
import dev.bedrocksetup.awsconfig.SdkProfileView;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Deadlines;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.core.Trace;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.StaticTokenProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.scheme.BearerAuthScheme;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one place SDK clients are made. Every client gets the url-connection HTTP client (the async runtime client a
 * JDK-based one), connect/attempt/call deadlines, a few backed-off retries, the region and credentials it is given,
 * endpoint overrides from the injected {@link Environment}, and the profile file it is given (none by default), so
 * the SDK does not read {@code ~/.aws} behind the caller's back. Nothing is created before it is first asked for;
 * {@link #close()} closes everything created.
 */
public final class AwsClients implements AutoCloseable {
    private final Environment environment;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final String bedrockApiKey;
    private final java.net.URI bedrockRuntimeEndpoint;
    private final boolean unsignedBedrockRuntime;
    private final ProfileFile profileFile;
    private final String profileName;
    private final ClientSettings settings;
    /** An HTTP client the caller shares between factories and closes itself; null: this factory makes its own. */
    private final SdkHttpClient sharedHttp;
    /** What times the calls out, shared by the caller between factories and shut down by it; null: each client's own. */
    private final ScheduledExecutorService sharedScheduler;
    /** The proxy and extra CA certificates Claude Code's requests use; null: direct, the JVM's roots. */
    private final NetworkRoute route;
    /** Run as each request leaves (after signing, before the HTTP client sends it); null: nothing. */
    private final Runnable requestSent;
    /** Each client made once, on first use; different clients may be made at the same time by different threads. */
    private final Map<String, Once<?>> made = new ConcurrentHashMap<>();
    /** What was made, in order, for {@link #close()}: the HTTP clients last, after the service clients using them. */
    private final List<SdkAutoCloseable> toClose = new ArrayList<>();
    private boolean closed;

    private AwsClients(Builder b) {
        this.environment = Objects.requireNonNull(b.environment, "environment");
        this.region = Objects.requireNonNull(b.region, "region");
        this.credentials = b.credentials;
        this.bedrockApiKey = b.bedrockApiKey;
        this.bedrockRuntimeEndpoint = b.bedrockRuntimeEndpoint;
        this.unsignedBedrockRuntime = b.unsignedBedrockRuntime;
        this.profileFile = b.profileFile != null ? b.profileFile : emptyProfileFile();
        this.profileName = b.profileName != null ? b.profileName : "default";
        this.settings = withDeadlineOverride(b.environment, b.settings);
        this.sharedHttp = b.sharedHttp;
        this.sharedScheduler = b.sharedScheduler;
        this.route = b.route;
        this.requestSent = b.requestSent;
    }

    /** BEDROCK_SETUP_AWS_TIMEOUT, when set, is every call's deadline (and bounds each attempt). */
    private static ClientSettings withDeadlineOverride(Environment env, ClientSettings s) {
        Duration call = Deadlines.aws(env, s.callTimeout());
        if (call.equals(s.callTimeout())) {
            return s;
        }
        return s.withCallTimeout(call).withAttemptTimeout(call.compareTo(s.attemptTimeout()) < 0 ? call
                : s.attemptTimeout());
    }

    public static Builder builder(Environment environment) {
        return new Builder(environment);
    }

    public Region region() {
        return region;
    }

    /** The SSO portal (ListAccounts, ListAccountRoles, GetRoleCredentials) in the SSO session's region; unsigned. */
    public SsoClient sso(Region ssoRegion) {
        return once("sso/" + ssoRegion, () -> configure(SsoClient.builder(), ssoRegion, "SSO").httpClient(http())
                .credentialsProvider(AnonymousCredentialsProvider.create()).build());
    }

    /** IAM Identity Center OIDC (login, token refresh) in the SSO session's region; unsigned. */
    public SsoOidcClient ssoOidc(Region ssoRegion) {
        return once("ssooidc/" + ssoRegion, () -> configure(SsoOidcClient.builder(), ssoRegion, "SSO_OIDC")
                .httpClient(http()).credentialsProvider(AnonymousCredentialsProvider.create()).build());
    }

    public StsClient sts() {
        return once("sts", () -> configure(StsClient.builder(), region, "STS").httpClient(http())
                .credentialsProvider(requireCredentials()).build());
    }

    public BedrockClient bedrock() {
        return once("bedrock", () -> configure(BedrockClient.builder(), region, "BEDROCK").httpClient(http())
                .credentialsProvider(requireCredentials()).build());
    }

    /** Bedrock runtime (InvokeModel, Converse), signed with the credentials or, if given, the Bedrock API key. */
    public BedrockRuntimeClient bedrockRuntime() {
        return once("bedrockruntime", this::newBedrockRuntime);
    }

    private BedrockRuntimeClient newBedrockRuntime() {
        return authenticate(runtimeEndpoint(configure(BedrockRuntimeClient.builder(), region, "BEDROCK_RUNTIME"))
                .httpClient(http())).build();
    }

    /** The runtime endpoint given to the builder ({@link Builder#bedrockRuntimeEndpoint}) beats the variables. */
    private <B extends AwsClientBuilder<B, C>, C> B runtimeEndpoint(B builder) {
        return bedrockRuntimeEndpoint == null ? builder : builder.endpointOverride(bedrockRuntimeEndpoint);
    }

    /**
     * One authentication for both runtime clients: the Bedrock API key as a bearer token when given, else SigV4 with
     * the credentials. Pinning the scheme keeps the SDK from switching to a key it finds in the process by itself.
     */
    private <B extends software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeBaseClientBuilder<B, ?>> B
            authenticate(B b) {
        if (bedrockApiKey != null) {
            return b.tokenProvider(StaticTokenProvider.create(() -> bedrockApiKey))
                    .authSchemeProvider(only(BearerAuthScheme.SCHEME_ID))
                    .credentialsProvider(AnonymousCredentialsProvider.create());
        }
        if (unsignedBedrockRuntime) {
            // anonymous credentials: the SDK sends the request without a signature
            return b.credentialsProvider(AnonymousCredentialsProvider.create())
                    .authSchemeProvider(only(AwsV4AuthScheme.SCHEME_ID));
        }
        return b.credentialsProvider(requireCredentials()).authSchemeProvider(only(AwsV4AuthScheme.SCHEME_ID));
    }

    /** The async runtime client, for the operations the SDK offers only there (InvokeModelWithResponseStream). */
    public BedrockRuntimeAsyncClient bedrockRuntimeAsync() {
        return once("bedrockruntime-async", this::newBedrockRuntimeAsync);
    }

    private BedrockRuntimeAsyncClient newBedrockRuntimeAsync() {
        return authenticate(runtimeEndpoint(configure(BedrockRuntimeAsyncClient.builder(), region, "BEDROCK_RUNTIME"))
                .httpClient(asyncHttp())).build();
    }

    /**
     * One auth scheme only: the SDK would otherwise switch to bearer auth by itself when the real process has
     * AWS_BEARER_TOKEN_BEDROCK set, whatever the injected environment says.
     */
    private static BedrockRuntimeAuthSchemeProvider only(String schemeId) {
        BedrockRuntimeAuthSchemeProvider defaults = BedrockRuntimeAuthSchemeProvider.defaultProvider();
        return params -> defaults.resolveAuthScheme(params).stream()
                .filter(o -> o.schemeId().equals(schemeId)).collect(Collectors.toList());
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder, Region r, String endpointSuffix) {
        builder.region(r);
        java.util.Optional<java.net.URI> override = EndpointOverrides.forService(environment, endpointSuffix);
        override.ifPresent(builder::endpointOverride);
        if (route != null) { // the trust a TLS connection needs, made while the client is built (none for http)
            route.expect("BEDROCK_RUNTIME".equals(endpointSuffix) && bedrockRuntimeEndpoint != null
                    ? bedrockRuntimeEndpoint : override.orElse(null));
        }
        RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500),
                        Duration.ofSeconds(5)))
                .build();
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder()
                .retryStrategy(retries)
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .apiCallTimeout(settings.callTimeout())
                .defaultProfileFile(profileFile)
                .defaultProfileName(profileName)
                .addExecutionInterceptor(new NetworkFailureWords());
        if (Trace.on()) {
            o.addExecutionInterceptor(new CallTrace());
        }
        if (requestSent != null) {
            o.addExecutionInterceptor(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                @Override
                public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission c,
                        software.amazon.awssdk.core.interceptor.ExecutionAttributes a) {
                    requestSent.run();
                }
            });
        }
        if (sharedScheduler != null) {
            o.scheduledExecutorService(sharedScheduler);
        }
        builder.overrideConfiguration(o.build());
        return builder;
    }

    private AwsCredentialsProvider requireCredentials() {
        if (credentials == null) {
            throw new IllegalStateException("no AWS credentials were given to AwsClients");
        }
        return credentials;
    }

    private SdkHttpClient http() {
        if (sharedHttp != null) {
            return sharedHttp;
        }
        return once("http", () -> newHttpClient(settings, route));
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /**
     * The url-connection HTTP client of the synchronous clients, with these settings' deadlines, going the route's
     * way (its proxy and trust) when there is one (null: direct, the JVM's roots). The caller closes it.
     */
    public static SdkHttpClient newHttpClient(ClientSettings settings, NetworkRoute route) {
        if (route != null) {
            int connect = millis(settings.connectTimeout());
            int read = millis(settings.attemptTimeout());
            return UrlConnectionHttpClient.create(uri -> {
                try {
                    return route.open(uri, connect, read);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.attemptTimeout())
                .build();
    }

    private SdkAsyncHttpClient asyncHttp() {
        return once("http-async", () -> new JdkAsyncHttpClient(settings.connectTimeout(), settings.attemptTimeout(),
                route));
    }

    /**
     * One client per key (service, SSO region, HTTP client), made on first use and closed with this factory. Not one
     * lock for all: the first client of each service loads hundreds of classes, and the doctor's concurrent checks
     * would otherwise make their clients one after the other.
     */
    @SuppressWarnings("unchecked")
    private <T extends SdkAutoCloseable> T once(String key, Supplier<T> make) {
        Once<T> once = (Once<T>) made.computeIfAbsent(key, k -> new Once<>(make));
        return once.get();
    }

    /**
     * A client build fails when the SDK cannot parse a shared file it reads by itself: its global defaults read the
     * process's own ~/.aws/config and credentials at every build, whatever profile file the client is given. That
     * failure is named here as the file and its line (exit 3), not left to surface as an unexpected error or as
     * "cannot reach Bedrock". Any other failure is returned as it is.
     */
    static RuntimeException sharedFilesUnreadable(RuntimeException e) {
        if (!fromTheProfileParser(e)) {
            return e;
        }
        for (AwsFileKind kind : AwsFileKind.values()) {
            java.nio.file.Path path = kind == AwsFileKind.CONFIG
                    ? software.amazon.awssdk.profiles.ProfileFileLocation.configurationFilePath()
                    : software.amazon.awssdk.profiles.ProfileFileLocation.credentialsFilePath();
            String text;
            try {
                text = java.nio.file.Files.isRegularFile(path) ? dev.bedrocksetup.fs.TextFile.readOrNull(path) : null;
            } catch (BedrockSetupException unreadable) {
                return unreadable;
            }
            SdkProfileView view = SdkProfileView.read(text, kind);
            if (!view.readable()) {
                return BedrockSetupException.local(path + " cannot be read by the AWS SDK: "
                        + Secrets.redact(view.failure()) + "; nothing was sent",
                        "correct that line (only `key = value` lines inside a [section]) and run again", e);
            }
        }
        return BedrockSetupException.local("the AWS SDK cannot read the shared AWS files: "
                + Secrets.redact(String.valueOf(e.getMessage())), "check ~/.aws/config and ~/.aws/credentials", e);
    }

    private static boolean fromTheProfileParser(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("software.amazon.awssdk.profiles.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A value made by the first caller; later callers wait for it. */
    private final class Once<T extends SdkAutoCloseable> {
        private final Supplier<T> make;
        private T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        synchronized T get() {
            if (value == null) {
                T v;
                try {
                    v = make.get();
                } catch (RuntimeException e) {
                    throw sharedFilesUnreadable(e);
                }
                Trace.mark("made " + v.getClass().getSimpleName());
                synchronized (toClose) {
                    if (closed) {
                        v.close();
                        throw new IllegalStateException("AwsClients is closed");
                    }
                    toClose.add(v);
                }
                value = v;
            }
            return value;
        }
    }

    /**
     * The region as the SDKs and Claude Code (2.1.172+) resolve it: {@code AWS_REGION}, {@code AWS_DEFAULT_REGION},
     * then the profile's {@code region}; empty when none is set.
     */
    /** Where IAM Identity Center OIDC answers for a region: the override, else https://oidc.REGION.amazonaws.com. */
    public static java.net.URI ssoOidcEndpoint(Environment env, Region ssoRegion) {
        return EndpointOverrides.forService(env, "SSO_OIDC")
                .orElse(java.net.URI.create("https://oidc." + ssoRegion.id() + ".amazonaws.com"));
    }

    public static Optional<Region> regionOf(Environment env, ProfileFile profileFile, String profileName) {
        String r = env.nonBlank("AWS_REGION");
        if (r == null) {
            r = env.nonBlank("AWS_DEFAULT_REGION");
        }
        if (r == null && profileFile != null && profileName != null) {
            r = profileFile.profile(profileName).flatMap(p -> p.property("region")).filter(v -> !v.isBlank())
                    .orElse(null);
        }
        return Optional.ofNullable(r).map(v -> Region.of(v.trim()));
    }

    private static ProfileFile emptyProfileFile() {
        return ProfileFile.builder().content(new ByteArrayInputStream(new byte[0]))
                .type(ProfileFile.Type.CONFIGURATION).build();
    }

    @Override
    public void close() {
        List<SdkAutoCloseable> all;
        synchronized (toClose) {
            closed = true;
            all = new ArrayList<>(toClose);
            toClose.clear();
        }
        // a client is recorded after the HTTP client it was built with: close newest first
        Collections.reverse(all);
        all.forEach(SdkAutoCloseable::close);
    }

    public static final class Builder {
        private final Environment environment;
        private Region region;
        private AwsCredentialsProvider credentials;
        private String bedrockApiKey;
        private java.net.URI bedrockRuntimeEndpoint;
        private boolean unsignedBedrockRuntime;
        private ProfileFile profileFile;
        private String profileName;
        private ClientSettings settings = ClientSettings.defaults();
        private SdkHttpClient sharedHttp;
        private ScheduledExecutorService sharedScheduler;
        private NetworkRoute route;
        private Runnable requestSent;

        private Builder(Environment environment) {
            this.environment = environment;
        }

        public Builder region(Region r) {
            this.region = r;
            return this;
        }

        public Builder region(String r) {
            return region(Region.of(r));
        }

        /**
         * Every call goes this way (the proxy, NODE_EXTRA_CA_CERTS), as Claude Code's do; not with a shared client.
         * Without one, the way this process's own environment says ({@link ProxySettings#routeOf}): the doctor gives
         * the environment Claude Code gets instead.
         */
        public Builder route(NetworkRoute r) {
            this.route = r;
            return this;
        }

        /** The credentials for STS, Bedrock and (without an API key) Bedrock runtime. */
        public Builder credentials(AwsCredentialsProvider provider) {
            this.credentials = provider;
            return this;
        }

        /** A Bedrock API key: Bedrock runtime then authenticates with it as a bearer token instead of SigV4. */
        public Builder bedrockApiKey(String key) {
            this.bedrockApiKey = key == null || key.isBlank() ? null : key;
            return this;
        }

        /**
         * Where Bedrock runtime calls go, beating AWS_ENDPOINT_URL_BEDROCK_RUNTIME: the doctor gives Claude Code's
         * ANTHROPIC_BEDROCK_BASE_URL (a gateway or proxy), as the model calls go there.
         */
        public Builder bedrockRuntimeEndpoint(java.net.URI endpoint) {
            this.bedrockRuntimeEndpoint = endpoint;
            return this;
        }

        /** Bedrock runtime calls without a signature, as Claude Code sends them with CLAUDE_CODE_SKIP_BEDROCK_AUTH. */
        public Builder unsignedBedrockRuntime() {
            this.unsignedBedrockRuntime = true;
            return this;
        }

        /** The profile file the SDK may consult (e.g. for endpoint_url); none unless given. */
        public Builder profileFile(ProfileFile file, String name) {
            this.profileFile = file;
            this.profileName = name;
            return this;
        }

        public Builder settings(ClientSettings s) {
            this.settings = Objects.requireNonNull(s);
            return this;
        }

        /**
         * One HTTP client for the synchronous clients of several factories (models --all-regions: one per region),
         * made with {@link #newHttpClient} and the route of the environment; closed by the caller, not by
         * {@link AwsClients#close()}.
         */
        public Builder sharedHttpClient(SdkHttpClient http) {
            this.sharedHttp = http;
            return this;
        }

        /**
         * One scheduler for the call deadlines of several factories' clients (models --all-regions: one per region;
         * each client would otherwise make its own executor and thread); shut down by the caller.
         */
        public Builder sharedScheduler(ScheduledExecutorService scheduler) {
            this.sharedScheduler = scheduler;
            return this;
        }

        /** Run (on the calling thread) as each request of these clients leaves: the doctor's signal that its calls are out. */
        public Builder onRequestSent(Runnable r) {
            this.requestSent = r;
            return this;
        }

        public AwsClients build() {
            if (route == null) {
                route = ProxySettings.routeOf(environment);
            }
            return new AwsClients(this);
        }
    }
}
