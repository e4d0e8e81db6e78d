package dev.bedrocksetup.doctor;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.claude.SettingsSnapshot;
import dev.bedrocksetup.core.Environment;
import java.util.function.Supplier;

/** What the checks look at, gathered once: environment, settings files, effective values, the installed claude. */
public final class DoctorInputs {
    public final Environment env;
    public final SettingsLocations locations;
    public final SettingsSnapshot settings;
    public final EffectiveConfiguration effective;
    private final Supplier<ClaudeInstallation> claudeLookup;
    private ClaudeInstallation claude;
    private boolean claudeLooked;

    public DoctorInputs(Environment env, SettingsLocations locations, Supplier<ClaudeInstallation> claudeLookup) {
        this.env = env;
        this.locations = locations;
        this.settings = SettingsSnapshot.read(env, locations);
        this.effective = EffectiveConfiguration.resolve(settings, env);
        this.claudeLookup = claudeLookup;
    }

    private OnlineSession online;
    private volatile boolean goesOnline;

    private Doctor.OnlineRun startedOnline;

    /** The online checks {@link Doctor#startOnline} started on these inputs, handed over once. */
    synchronized Doctor.OnlineRun takeStartedOnline() {
        Doctor.OnlineRun run = startedOnline;
        startedOnline = null;
        return run;
    }

    synchronized void startedOnline(Doctor.OnlineRun run) {
        startedOnline = run;
    }

    /** The doctor runs online: checks may consult what AWS answers (the region's catalogue). */
    void goOnline() {
        goesOnline = true;
    }

    /**
     * The Claude profiles the region offers, from ListInferenceProfiles (asked once, shared): null offline, without
     * credentials, or when it cannot be listed (bedrock.control-plane reports why).
     */
    dev.bedrocksetup.bedrock.Catalogue regionCatalogue() {
        return goesOnline && dev.bedrocksetup.bedrock.RegionNames.isValid(effectiveRegion()) ? online().catalogue()
                : null;
    }

    /** What the online checks share (credentials, clients); made on first use. */
    synchronized OnlineSession online() {
        if (online == null) {
            online = new OnlineSession(this);
        }
        return online;
    }

    private NetworkProbes network;
    /** Makes the network checks' probe (it reads the JVM's trust store); tests make a slower one. */
    private Supplier<EndpointProbe> probeMaker = EndpointProbe::new;

    private final Object networkLock = new Object();

    /**
     * The network checks' shared connections (to Claude Code's endpoints, from its environment); made on first use,
     * under a lock of its own: making the probe reads the JVM's trust store, and the checks that call AWS (which ask
     * for {@link #online()}) must not wait for that. Made only once those calls can leave (or a second has passed).
     */
    NetworkProbes network() {
        // the probes (a TLS handshake each, the trust store read) wait until the AWS calls can leave: decision 0047
        online().awaitCallsReady(Doctor.CALLS_READY_WAIT);
        synchronized (networkLock) {
            if (network == null) {
                network = new NetworkProbes(online().environment(), probeMaker.get());
            }
            return network;
        }
    }

    /** How the network checks' probe is made (tests: a probe slower to make than the JVM's trust store is to read). */
    void probesMadeBy(Supplier<EndpointProbe> maker) {
        this.probeMaker = maker;
    }

    /** Releases the online checks' clients. */
    public synchronized void closeOnline() {
        if (online != null) {
            online.close();
        }
    }

    private final Object claudeLock = new Object();

    /**
     * The installed Claude Code, or null; looked up once, on first use, under a lock of its own: the lookup may run
     * {@code claude --version}, which the checks that call AWS must not wait for unless they need the version.
     */
    public ClaudeInstallation claude() {
        synchronized (claudeLock) {
            if (!claudeLooked) {
                claude = claudeLookup.get();
                claudeLooked = true;
            }
            return claude;
        }
    }

    /** The installed Claude Code's version, or null when unknown. */
    public String claudeVersion() {
        ClaudeInstallation c = claude();
        return c == null ? null : c.version;
    }

    /**
     * The region Claude Code will call: AWS_REGION, AWS_DEFAULT_REGION, then (from 2.1.172, or when the version is
     * unknown) the profile's region, then us-east-1.
     */
    public String effectiveRegion() {
        String r = region();
        if (r != null) {
            return r;
        }
        String v = claudeVersion();
        if (v == null || ClaudeInstallation.compare(v, "2.1.172") >= 0) {
            String fromProfile = AwsProfileChecks.profile(this, AwsProfileChecks.profileName(this))
                    .flatMap(p -> p.property("region")).orElse(null);
            if (fromProfile != null && !fromProfile.isBlank()) {
                return fromProfile;
            }
        }
        return "us-east-1";
    }

    /** The region Claude Code will use from the environment alone (AWS_REGION, then AWS_DEFAULT_REGION). */
    public String region() {
        String r = effective.value("AWS_REGION");
        if (r == null || r.isEmpty()) {
            r = effective.value("AWS_DEFAULT_REGION");
        }
        return r == null || r.isEmpty() ? null : r;
    }
}
