package dev.bedrocksetup.doctor;

import dev.bedrocksetup.aws.EndpointOverrides;
import dev.bedrocksetup.aws.NetworkRoute;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The two Bedrock endpoints Claude Code calls, and where each comes from: the runtime (model calls) and the control
 * plane (the inference-profile listing). Claude Code sends model calls to ANTHROPIC_BEDROCK_BASE_URL when set, else
 * to the regional endpoint; the listing follows AWS_ENDPOINT_URL_BEDROCK / AWS_ENDPOINT_URL (reference, observed with
 * 2.1.330). The doctor's model probe goes where the model calls go (a gateway at ANTHROPIC_BEDROCK_BASE_URL
 * included); without the base URL it honours AWS_ENDPOINT_URL_BEDROCK_RUNTIME too (how tests reach the stand-in),
 * and says so.
 */
final class BedrockEndpoints {
    private BedrockEndpoints() {}

    /** One endpoint: its URL (null when the configured one is not a URL), its origin, and whether it is overridden. */
    static final class Endpoint {
        final String role;
        final URI uri;
        final String source;
        final boolean override;
        final String problem;
        final String fix;

        private Endpoint(String role, URI uri, String source, boolean override, String problem, String fix) {
            this.role = role;
            this.uri = uri;
            this.source = source;
            this.override = override;
            this.problem = problem;
            this.fix = fix;
        }

        /** scheme://host:port, the connection the probe makes. */
        String address() {
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + ":" + NetworkRoute.port(uri);
        }

        boolean tls() {
            return "https".equalsIgnoreCase(uri.getScheme());
        }

        /** True for ANTHROPIC_BEDROCK_BASE_URL: a gateway or proxy Claude Code sends its model calls to. */
        boolean gateway() {
            return BASE_URL.equals(source);
        }
    }

    static final String BASE_URL = "ANTHROPIC_BEDROCK_BASE_URL";

    static Endpoint runtime(Environment env, String region) {
        String base = env.nonBlank(BASE_URL);
        if (base != null) {
            URI uri = httpUrl(base);
            return uri == null ? invalid("runtime", BASE_URL, base)
                    : new Endpoint("runtime", uri, BASE_URL, true, null, null);
        }
        return service(env, region, "BEDROCK_RUNTIME", "bedrock-runtime", "runtime",
                "; Claude Code's model calls follow only ANTHROPIC_BEDROCK_BASE_URL");
    }

    static Endpoint controlPlane(Environment env, String region) {
        return service(env, region, "BEDROCK", "bedrock", "control plane", "");
    }

    private static Endpoint service(Environment env, String region, String suffix, String prefix, String role,
            String overrideNote) {
        Optional<URI> override;
        try {
            override = EndpointOverrides.forService(env, suffix);
        } catch (BedrockSetupException e) {
            return new Endpoint(role, null, "AWS_ENDPOINT_URL_" + suffix, true, e.getMessage(), e.fix());
        }
        if (override.isPresent()) {
            String var = env.nonBlank("AWS_ENDPOINT_URL_" + suffix) != null ? "AWS_ENDPOINT_URL_" + suffix
                    : "AWS_ENDPOINT_URL";
            return new Endpoint(role, override.get(), var + overrideNote, true, null, null);
        }
        if (!region.matches("[a-z0-9-]+")) {
            return new Endpoint(role, null, "the region", false, "no " + role + " endpoint for the region \""
                    + region + "\"", "set AWS_REGION to a region name such as us-west-2");
        }
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        URI uri = URI.create("https://" + prefix + "." + region + "." + domain);
        return new Endpoint(role, uri, "the regional endpoint for " + region, false, null, null);
    }

    private static URI httpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (s.equals("http") || s.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Endpoint invalid(String role, String variable, String value) {
        return new Endpoint(role, null, variable, true, variable + " is not an http(s) URL with a host: "
                + dev.bedrocksetup.core.Secrets.maskUrl(value),
                "set it to a URL such as https://bedrock-gateway.example.com, or unset it");
    }

    /** True for AWS's own host names, whose certificates Amazon issues (not for overrides or gateways). */
    static boolean isAmazonHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".amazonaws.com") || h.endsWith(".amazonaws.com.cn");
    }
}
