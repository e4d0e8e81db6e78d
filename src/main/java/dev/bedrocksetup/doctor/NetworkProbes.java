package dev.bedrocksetup.doctor;

import dev.bedrocksetup.core.Environment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network checks' connections, one per endpoint address, shared: the reachability checks and the TLS check run
 * at the same time and read the same handshake, so an endpoint is dialled once and both report the same facts.
 */
final class NetworkProbes {
    private final Environment env;
    private final EndpointProbe probe;
    private final ConcurrentHashMap<String, CompletableFuture<EndpointProbe.Result>> results =
            new ConcurrentHashMap<>();

    NetworkProbes(Environment env, EndpointProbe probe) {
        this.env = env;
        this.probe = probe;
    }

    /** The environment the probes use: Claude Code's (the shell overlaid with settings env). */
    Environment environment() {
        return env;
    }

    /** The probe of an endpoint: made by the first caller, waited for by the others. */
    EndpointProbe.Result of(BedrockEndpoints.Endpoint endpoint) {
        CompletableFuture<EndpointProbe.Result> mine = new CompletableFuture<>();
        CompletableFuture<EndpointProbe.Result> theirs = results.putIfAbsent(endpoint.address(), mine);
        if (theirs != null) {
            return theirs.join();
        }
        try {
            mine.complete(probe.probe(endpoint.uri, env));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        return mine.join();
    }
}
