package dev.bedrocksetup.bedrock;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * `models`: the catalogue of one region, or of every Bedrock region at once. Regions are asked concurrently (each
 * with its own Bedrock client, all on one HTTP client, one scheduler of deadlines and the credentials resolved once
 * by the caller, both profile types in parallel), so all regions take about as long as the slowest one.
 * A region that fails is reported as such; the others still answer.
 */
public final class ModelListing {
    /** One region's answer: its catalogue, or why there is none. */
    public record RegionOutcome(String region, Catalogue catalogue, String error, String fix) {
        public boolean failed() {
            return catalogue == null;
        }
    }

    private final Environment env;
    private final AwsCredentialsProvider credentials;
    private final String profile;
    private final ClientSettings settings;

    public ModelListing(Environment env, AwsCredentialsProvider credentials, String profile, ClientSettings settings) {
        this.env = env;
        this.credentials = credentials;
        this.profile = profile;
        this.settings = settings;
    }

    /** One region; exit 4 when it cannot be listed (a denial gives the fallback list instead). */
    public Catalogue region(String region) {
        RegionOutcome o = list(List.of(region)).get(0);
        if (o.failed()) {
            throw BedrockSetupException.aws(o.error(), o.fix(), null);
        }
        return o.catalogue();
    }

    /** Every region given, concurrently; outcomes in the order given. */
    public List<RegionOutcome> list(List<String> regions) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService regionPool = Executors.newFixedThreadPool(Math.max(1, regions.size()), r -> daemon(r, n));
        ExecutorService callPool = Executors.newFixedThreadPool(Math.max(1, regions.size()), r -> daemon(r, n));
        // one HTTP client and one scheduler of call deadlines for all regions' clients (made in parallel; each would
        // otherwise make its own)
        SdkHttpClient http = AwsClients.newHttpClient(settings, dev.bedrocksetup.aws.ProxySettings.routeOf(env));
        ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, n));
        try {
            List<CompletableFuture<RegionOutcome>> futures = new ArrayList<>();
            for (String region : regions) {
                futures.add(CompletableFuture.supplyAsync(() -> one(region, http, deadlines, callPool), regionPool));
            }
            List<RegionOutcome> out = new ArrayList<>();
            for (CompletableFuture<RegionOutcome> f : futures) {
                try {
                    out.add(f.join());
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            ModelIdCache.remember(env, out.stream().filter(o -> !o.failed()).map(RegionOutcome::catalogue).toList());
            return out;
        } finally {
            regionPool.shutdownNow();
            callPool.shutdownNow();
            deadlines.shutdownNow();
            http.close();
        }
    }

    private RegionOutcome one(String region, SdkHttpClient http, ScheduledExecutorService deadlines,
            ExecutorService callPool) {
        try (AwsClients clients = AwsClients.builder(env).region(region).credentials(credentials).settings(settings)
                .sharedHttpClient(http).sharedScheduler(deadlines).build()) {
            return new RegionOutcome(region, new ModelCatalogue(clients.bedrock(), region, profile).list(callPool),
                    null, null);
        } catch (BedrockSetupException e) {
            if (e.exitCode() == dev.bedrocksetup.core.ExitCode.LOCAL) {
                throw e; // a file of this machine (a shared AWS file the SDK cannot read): every region's, exit 3
            }
            return new RegionOutcome(region, null, e.getMessage(), e.fix());
        } catch (RuntimeException e) {
            AccessFinding f = new AwsErrorClassifier(region, profile).classify("ListInferenceProfiles", e);
            return new RegionOutcome(region, null, "cannot list the inference profiles in " + region + ": "
                    + f.explanation(), f.fix());
        }
    }

    private static Thread daemon(Runnable r, AtomicInteger n) {
        Thread t = new Thread(r, "models-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
