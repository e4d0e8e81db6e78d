package dev.bedrocksetup.aws;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The proxy Claude Code would use for a URL, read from the environment its process gets (the shell overlaid with
 * settings {@code env}). Claude Code's documentation (network-config) names HTTPS_PROXY, HTTP_PROXY and NO_PROXY
 * (comma- or space-separated, {@code *} for all), basic auth in the URL, and no SOCKS. Which spelling wins when
 * both {@code https_proxy} and {@code HTTPS_PROXY} are set is not documented, and Node libraries differ; the doctor
 * takes the lowercase one and names the variable it used (the proxy check warns when the two differ). For https URLs
 * the http proxy applies when no https proxy is set, as Node's undici (EnvHttpProxyAgent) documents.
 */
public final class ProxySettings {
    private ProxySettings() {}

    /** A proxy variable's value, parsed: the URL, or why it is not one. */
    public static final class ProxyUrl {
        public final String variable;
        public final String raw;
        public final URI uri;
        /** Why the value is not a usable proxy URL; null when it is. */
        public final String problem;
        /** What is wrong with a value Claude Code still uses (a repaired scheme); null when nothing is. */
        public final String warning;

        private ProxyUrl(String variable, String raw, URI uri, String problem) {
            this(variable, raw, uri, problem, null);
        }

        private ProxyUrl(String variable, String raw, URI uri, String problem, String warning) {
            this.variable = variable;
            this.raw = raw;
            this.uri = uri;
            this.problem = problem;
            this.warning = warning;
        }

        /** The value for people: the password masked. */
        public String display() {
            return Secrets.maskUrl(raw);
        }

        public int port() {
            return NetworkRoute.port(uri);
        }

        /** The URL's user:password, decoded, or null: sent as Proxy-Authorization: Basic, as Node clients do. */
        public String userInfo() {
            return uri.getUserInfo();
        }
    }

    /** A bare host:port (or host), which Claude Code's scheme repair turns into http://host:port. */
    private static final Pattern BARE_HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?");

    /**
     * Whether Claude Code repairs a scheme-less HTTPS_PROXY in this environment: its bundle (2.1.330) prefixes
     * {@code http://} to an https_proxy/HTTPS_PROXY value that has no host as a URL but does as http://value, unless
     * CLAUDE_CODE_DISABLE_PROXY_SCHEME_REPAIR is set.
     */
    public static boolean repairsScheme(Environment env) {
        return env.nonBlank("CLAUDE_CODE_DISABLE_PROXY_SCHEME_REPAIR") == null;
    }

    /**
     * Parses a proxy variable's value. A proxy needs a scheme and a host: {@code proxy.corp:8080} parses as a URL
     * whose scheme is "proxy.corp", which Node rejects. Claude Code repairs such an HTTPS_PROXY to
     * {@code http://proxy.corp:8080} ({@link #repairsScheme}); the doctor then uses the repaired URL, as Claude Code
     * does, and warns; otherwise it says so instead of guessing.
     */
    public static ProxyUrl parse(String variable, String raw, boolean schemeRepair) {
        String v = raw.trim();
        if (schemeRepair && variable.equalsIgnoreCase("https_proxy") && !v.contains("://") && v.length() <= 300
                && BARE_HOST_PORT.matcher(v).matches()) {
            ProxyUrl repaired = parse(variable, "http://" + v, false);
            if (repaired.problem == null) {
                return new ProxyUrl(variable, raw, repaired.uri, null, "has no http:// scheme: " + Secrets.maskUrl(raw)
                        + "; Claude Code uses it as http://" + Secrets.maskUrl(v) + " (it repairs the scheme unless "
                        + "CLAUDE_CODE_DISABLE_PROXY_SCHEME_REPAIR is set)");
            }
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            return new ProxyUrl(variable, raw, null, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme != null && scheme.startsWith("socks")) {
            return new ProxyUrl(variable, raw, uri, "is a SOCKS proxy, which Claude Code does not support");
        }
        if (scheme == null || !v.contains("://")) {
            return new ProxyUrl(variable, raw, uri, "has no http:// scheme");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new ProxyUrl(variable, raw, uri, "has the scheme " + scheme + "://, not http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return new ProxyUrl(variable, raw, uri, "has no host");
        }
        return new ProxyUrl(variable, raw, uri, null);
    }

    /** The value written the way a proxy variable needs it: http://host:port, from what the user typed. */
    public static String suggestedForm(String raw) {
        String v = raw.trim().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
        int slash = v.indexOf('/');
        if (slash >= 0) {
            v = v.substring(0, slash);
        }
        return Secrets.maskUrl("http://" + (v.isEmpty() ? "proxy.example.com:8080" : v));
    }

    /** The variable that holds the proxy for a URL scheme, or null when none is set (lowercase first). */
    public static String variableFor(Environment env, String scheme) {
        String[] order = "https".equals(scheme)
                ? new String[] {"https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"}
                : new String[] {"http_proxy", "HTTP_PROXY"};
        for (String name : order) {
            if (env.nonBlank(name) != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * The way Claude Code's https requests go from this environment: the proxy it uses (a value it cannot use: none,
     * and the doctor's network.proxy fails), NO_PROXY, and NODE_EXTRA_CA_CERTS. The doctor's own calls take it from
     * the environment Claude Code gets; every other command's from its own, so that init, login and models reach AWS
     * behind the same proxy.
     */
    public static NetworkRoute route(Environment env) {
        String variable = variableFor(env, "https");
        ProxyUrl proxy = variable == null ? null : parse(variable, env.get(variable), repairsScheme(env));
        String noProxy = noProxy(env);
        String ca = env.nonBlank("NODE_EXTRA_CA_CERTS");
        return new NetworkRoute(proxy == null || proxy.problem != null ? null : proxy.uri,
                (host, port) -> exempts(noProxy, host, port), ca == null ? null : Path.of(ca));
    }

    /**
     * {@link #route}, or null when no proxy variable and no NODE_EXTRA_CA_CERTS is set: direct, the JVM's roots. One
     * route per set of values for the whole run: a route reads the JVM's roots and the PEM file once, and a command
     * makes a client factory per step or per region.
     */
    public static NetworkRoute routeOf(Environment env) {
        String variable = variableFor(env, "https");
        String ca = env.nonBlank("NODE_EXTRA_CA_CERTS");
        if (variable == null && ca == null) {
            return null;
        }
        List<String> values = Arrays.asList(variable, variable == null ? null : env.get(variable), noProxy(env), ca,
                String.valueOf(repairsScheme(env)));
        return ROUTES.computeIfAbsent(values, v -> route(env));
    }

    private static final Map<List<String>, NetworkRoute> ROUTES = new ConcurrentHashMap<>();

    /** The NO_PROXY list in effect (lowercase first), or null. */
    public static String noProxy(Environment env) {
        String v = env.nonBlank("no_proxy");
        return v != null ? v : env.nonBlank("NO_PROXY");
    }

    /**
     * Whether a NO_PROXY list exempts a host: {@code *} exempts all; an entry matches the host itself and its
     * subdomains ({@code amazonaws.com}, {@code .amazonaws.com} and {@code *.amazonaws.com} alike); an entry with a
     * port matches only that port.
     */
    public static boolean exempts(String noProxy, String host, int port) {
        if (noProxy == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String token : noProxy.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("*")) {
                return true;
            }
            String name = token;
            int colon = token.lastIndexOf(':');
            if (colon > 0 && token.indexOf(':') == colon && token.substring(colon + 1).matches("\\d+")) {
                if (Integer.parseInt(token.substring(colon + 1)) != port) {
                    continue;
                }
                name = token.substring(0, colon);
            }
            name = name.replaceFirst("^\\*?\\.", "");
            if (h.equals(name) || h.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }
}
