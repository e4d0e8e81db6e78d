package dev.bedrocksetup.doctor;

import dev.bedrocksetup.aws.NetworkRoute;
import dev.bedrocksetup.aws.ProxySettings;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Secrets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * The network between this machine and Bedrock: the proxy variables (offline), whether the endpoints Claude Code
 * calls can be reached — DNS, TCP, proxy CONNECT, TLS handshake, no HTTP request — and whether TLS is inspected by a
 * proxy or VPN whose root Node (and so Claude Code) does not trust unless NODE_EXTRA_CA_CERTS names it.
 */
final class NetworkChecks {
    private NetworkChecks() {}

    static final String GROUP_ONLINE = "Network (online)";
    static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy");

    /** The offline check, shown with the other network settings. */
    static List<Check> offline() {
        return List.of(new Check("network.proxy", EnvironmentChecks.GROUP_NETWORK, "Proxy variables are usable",
                "\"Connection error\" or requests that hang, only on the corporate network", false,
                NetworkChecks::proxy));
    }

    /** The online checks: they run with the others, at the same time, each step with its own 5 s deadline. */
    static List<Check> online() {
        return List.of(
            new Check("network.runtime-endpoint", GROUP_ONLINE, "The Bedrock runtime endpoint is reachable",
                    "\"Connection error\", \"getaddrinfo ENOTFOUND bedrock-runtime...\" or a timeout on every prompt",
                    true, (c, in) -> reach(c, in, true)),
            new Check("network.control-plane-endpoint", GROUP_ONLINE,
                    "The Bedrock control-plane endpoint is reachable",
                    "connection errors or timeouts before the first answer (the inference-profile listing)", true,
                    (c, in) -> reach(c, in, false)),
            new Check("network.tls-inspection", GROUP_ONLINE, "The endpoints' certificates are Amazon's",
                    "\"Self-signed certificate detected\" or \"unable to get local issuer certificate\"", true,
                    NetworkChecks::tlsInspection));
    }

    private static BedrockEndpoints.Endpoint endpoint(DoctorInputs in, Environment env, boolean runtime) {
        return runtime ? BedrockEndpoints.runtime(env, in.effectiveRegion())
                : BedrockEndpoints.controlPlane(env, in.effectiveRegion());
    }

    // ---- proxy variables (offline) ----

    static Finding proxy(Check c, DoctorInputs in) {
        List<String> fails = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (String name : PROXY_VARIABLES) {
            String v = in.effective.value(name);
            if (v == null || v.isBlank()) {
                continue;
            }
            EffectiveConfiguration.Entry e = in.effective.entry(name);
            ProxySettings.ProxyUrl p = ProxySettings.parse(name, v,
                    ProxySettings.repairsScheme(in.online().environment()));
            if (p.warning != null) {
                warns.add(name + " (from " + e.winner().origin + ") " + p.warning);
                fixes.add("write it as " + name + "=" + ProxySettings.suggestedForm(v));
            }
            if (p.problem != null) {
                fails.add(name + " (from " + e.winner().origin + ") " + p.problem + ": " + p.display());
                fixes.add(p.problem.contains("SOCKS") ? "use an HTTP proxy: " + name + "=http://host:port"
                        : "write it as " + name + "=" + ProxySettings.suggestedForm(v));
            }
            boolean inShell = false;
            for (EffectiveConfiguration.Source s : e.sources) {
                inShell |= s.file == null;
            }
            if (!inShell) {
                notes.add(name + " is set only in " + e.winner().origin + ": Claude Code and the commands it starts "
                        + "(awsAuthRefresh, awsCredentialExport) get it; commands you run in your own shell (aws sso "
                        + "login, bedrock-setup login) do not");
            }
        }
        String[][] pairs = {{"HTTPS_PROXY", "https_proxy"}, {"HTTP_PROXY", "http_proxy"}, {"NO_PROXY", "no_proxy"}};
        for (String[] pair : pairs) {
            String upper = in.effective.value(pair[0]);
            String lower = in.effective.value(pair[1]);
            if (upper != null && lower != null && !upper.isBlank() && !lower.isBlank() && !upper.equals(lower)) {
                warns.add(pair[0] + " and " + pair[1] + " differ (" + Secrets.maskUrl(upper) + " vs "
                        + Secrets.maskUrl(lower) + "): programs disagree on which spelling wins (the doctor "
                        + "tests with the lowercase one)");
                fixes.add("give " + pair[0] + " and " + pair[1] + " the same value, or unset one of them");
            }
        }
        Environment env = in.online().environment();
        String used = ProxySettings.variableFor(env, "https");
        if (used != null) {
            String noProxy = ProxySettings.noProxy(env);
            for (boolean runtime : new boolean[] {true, false}) {
                BedrockEndpoints.Endpoint ep = endpoint(in, env, runtime);
                if (ep.uri != null && ProxySettings.exempts(noProxy, ep.uri.getHost(), NetworkRoute.port(ep.uri))) {
                    notes.add("NO_PROXY (" + noProxy + ") covers " + ep.uri.getHost() + ": Claude Code connects to it "
                            + "directly, not through the proxy");
                }
            }
        }
        List<String> all = new ArrayList<>(fails);
        all.addAll(warns);
        all.addAll(notes);
        if (!fails.isEmpty()) {
            return c.fail(String.join("; ", all), String.join("; ", fixes));
        }
        if (!warns.isEmpty()) {
            return c.warn(String.join("; ", all), String.join("; ", fixes));
        }
        if (used == null) {
            return c.ok("no proxy variable is set: Claude Code connects directly");
        }
        String summary = "https requests go through " + Secrets.maskUrl(env.get(used)) + " (" + used + ")";
        return c.ok(notes.isEmpty() ? summary : summary + "; " + String.join("; ", notes));
    }

    // ---- reachability (online) ----

    static Finding reach(Check c, DoctorInputs in, boolean runtime) {
        NetworkProbes probes = in.network();
        BedrockEndpoints.Endpoint ep = endpoint(in, probes.environment(), runtime);
        if (ep.uri == null) {
            return c.fail(ep.problem, ep.fix);
        }
        EndpointProbe.Result r = probes.of(ep);
        String where = ep.address() + " (" + ep.source + ")";
        String via = r.proxy != null ? " through the proxy " + r.proxy.display() + " (" + r.proxy.variable + ")"
                : r.bypassedBy != null ? " directly (NO_PROXY exempts it)" : "";
        String steps = String.join(", ", r.steps);
        String head = where + via + ": " + (steps.isEmpty() ? "" : steps + ", then ");
        switch (r.outcome) {
            case OK:
                return c.ok(where + via + ": " + steps + (r.tls ? "; no HTTP request sent" : ""));
            case NOT_TESTED:
                return c.skipped(head + r.message);
            case PROXY_UNUSABLE:
                return c.fail(r.message + ", so Claude Code cannot reach " + ep.uri.getHost(),
                        "write it as " + r.proxy.variable + "=" + ProxySettings.suggestedForm(r.proxy.raw));
            case DNS:
                return c.fail(r.message + ": " + where + via, dnsFix(in, ep, r));
            case CONNECT:
            case TIMEOUT:
                return c.fail(head + r.message, connectFix(ep, r));
            case PROXY_REFUSED:
                return c.fail(head + r.message, r.message.contains(" 407")
                        ? "the proxy wants credentials: " + r.proxy.variable + "=http://user:password@host:port "
                                + "(basic authentication; for NTLM or Kerberos proxies use an LLM gateway)"
                        : "ask the proxy's administrators to allow CONNECT to " + ep.uri.getHost() + ":443");
            case TLS_CERTIFICATE:
                return c.warn(head + r.message + " (see the TLS check below)",
                        "see network.tls-inspection: it names the certificate's issuer and the fix");
            default:
                return c.fail(head + r.message, "check that " + ep.address() + " speaks "
                        + (ep.tls() ? "TLS" : "plain http") + " (the URL's scheme and port)");
        }
    }

    private static String dnsFix(DoctorInputs in, BedrockEndpoints.Endpoint ep, EndpointProbe.Result r) {
        if (r.proxy != null) {
            return "correct the proxy's host name in " + r.proxy.variable;
        }
        if (ep.override) {
            return "correct the host in " + ep.source.split(";")[0] + ", or check DNS and the VPN";
        }
        return "check DNS and the network: connect the VPN if Bedrock is reached through it, export "
                + "HTTPS_PROXY=http://proxy.example.com:8080 if your network requires a proxy, and check the region ("
                + in.effectiveRegion() + ")";
    }

    private static String connectFix(BedrockEndpoints.Endpoint ep, EndpointProbe.Result r) {
        if (r.proxy != null) {
            return "check the proxy's address and port in " + r.proxy.variable + ", and that it is running";
        }
        if (ep.override) {
            return "start the service at " + ep.address() + ", or correct " + ep.source.split(";")[0];
        }
        return "a firewall or VPN blocks " + ep.uri.getHost() + ":443; behind a corporate proxy, export "
                + "HTTPS_PROXY=http://proxy.example.com:8080";
    }

    // ---- TLS inspection (online) ----

    /** One endpoint's verdict on its certificate. */
    static final class Verdict {
        final Status status;
        final String detail;
        final String fix;

        Verdict(Status status, String detail, String fix) {
            this.status = status;
            this.detail = detail;
            this.fix = fix;
        }
    }

    static Finding tlsInspection(Check c, DoctorInputs in) {
        NetworkProbes probes = in.network();
        Map<String, BedrockEndpoints.Endpoint> endpoints = new LinkedHashMap<>();
        for (boolean runtime : new boolean[] {true, false}) {
            BedrockEndpoints.Endpoint ep = endpoint(in, probes.environment(), runtime);
            if (ep.uri != null) {
                endpoints.putIfAbsent(ep.address(), ep);
            }
        }
        List<String> nothing = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (BedrockEndpoints.Endpoint ep : endpoints.values()) {
            if (!ep.tls()) {
                nothing.add(ep.address() + " is plain http");
                continue;
            }
            Verdict v = judge(ep, probes.of(ep), probes.environment(), in.env.home());
            if (v == null) {
                nothing.add(ep.uri.getHost() + " was not reached (see above)");
            } else {
                verdicts.add(v);
            }
        }
        if (verdicts.isEmpty()) {
            return c.skipped("no TLS handshake to look at: " + String.join("; ", nothing));
        }
        Status worst = Status.OK;
        List<String> details = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (Verdict v : verdicts) {
            worst = v.status.compareTo(worst) > 0 ? v.status : worst;
            details.add(v.detail);
            if (v.fix != null && !fixes.contains(v.fix)) {
                fixes.add(v.fix);
            }
        }
        details.addAll(nothing);
        String detail = String.join("; ", details);
        return worst == Status.FAIL ? c.fail(detail, String.join("; ", fixes))
                : worst == Status.WARN ? c.warn(detail, String.join("; ", fixes)) : c.ok(detail);
    }

    /**
     * Amazon issues the certificates of its endpoints (Amazon Root CA 1-4, Starfield Services Root CA G2); another
     * issuer on an amazonaws.com host means something between here and AWS re-signs the traffic. Node trusts its own
     * bundle plus NODE_EXTRA_CA_CERTS, read at start-up — not the JVM's or, by default, the system's store — so the
     * verdict looks in that bundle for the issuer. Overridden endpoints (gateways, tests) have their own CAs: their
     * issuer is shown, not judged, unless the handshake fails on it. Null when no handshake reached the certificate.
     */
    static Verdict judge(BedrockEndpoints.Endpoint ep, EndpointProbe.Result r, Environment env, Path home) {
        if (r.outcome != EndpointProbe.Outcome.OK && r.outcome != EndpointProbe.Outcome.TLS_CERTIFICATE) {
            return null;
        }
        String host = ep.uri.getHost();
        String issuer = r.topIssuer();
        String issuerText = issuer == null ? "an unknown issuer" : issuer;
        boolean amazonHost = !ep.override && BedrockEndpoints.isAmazonHost(host);
        boolean amazonIssuer = issuer != null && (issuer.contains("Amazon") || issuer.contains("Starfield"));
        String bundle = env.nonBlank("NODE_EXTRA_CA_CERTS");
        boolean handshakeOk = r.outcome == EndpointProbe.Outcome.OK;
        if (amazonHost && amazonIssuer && handshakeOk) {
            return new Verdict(Status.OK, host + ": issued by " + issuer, null); // the bundle need not be read
        }
        boolean inBundle = bundle != null && issuer != null
                && bundleHolds(home.resolve(bundle), r.chain[r.chain.length - 1].getIssuerX500Principal());
        String exportFix = "export NODE_EXTRA_CA_CERTS=/path/to/corporate-root.pem (the root certificate whose subject "
                + "is " + issuerText + ", from your IT department) before starting Claude Code: Node reads it at start-up";
        String bundleFix = "add the root certificate whose subject is " + issuerText + " to " + bundle
                + ", then restart Claude Code (Node reads NODE_EXTRA_CA_CERTS at start-up)";
        String bundleNote = bundle == null ? "" : "; NODE_EXTRA_CA_CERTS is set (" + bundle + ") but holds no "
                + "certificate for that issuer";
        if (inBundle) {
            return new Verdict(Status.OK, host + (amazonHost && !amazonIssuer ? " is inspected by a proxy or VPN" : "")
                    + ": issued by " + issuer + ", whose certificate NODE_EXTRA_CA_CERTS (" + bundle + ") holds, so "
                    + "Claude Code trusts it" + (handshakeOk ? "" : " (this JVM does not)"), null);
        }
        if (amazonHost && !amazonIssuer) {
            return new Verdict(handshakeOk ? Status.WARN : Status.FAIL, "the certificate for " + host + " is issued by "
                    + issuerText + ", not Amazon: a proxy or VPN inspects TLS" + (handshakeOk ? " (this JVM trusts "
                    + "it; Node trusts only its own roots and NODE_EXTRA_CA_CERTS)" : "") + bundleNote,
                    bundle == null ? exportFix : bundleFix);
        }
        if (handshakeOk) {
            return new Verdict(Status.OK, host + " (" + ep.source.split(";")[0] + "): issued by " + issuerText, null);
        }
        return new Verdict(Status.FAIL, "the certificate for " + host + " (issued by " + issuerText + ") was refused: "
                + r.message + bundleNote, amazonHost ? "check this machine's clock and run again"
                : "if a proxy or VPN inspects TLS, or " + ep.source.split(";")[0] + " uses a private CA: "
                        + (bundle == null ? exportFix : bundleFix));
    }

    /** Whether a PEM bundle holds a certificate with this subject (unreadable counts as no: network.ca-certs says). */
    static boolean bundleHolds(Path bundle, X500Principal subject) {
        return dev.bedrocksetup.aws.NetworkRoute.pemCertificates(bundle).stream()
                .anyMatch(cert -> cert.getSubjectX500Principal().equals(subject));
    }
}
