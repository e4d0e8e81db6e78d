package dev.bedrocksetup.doctor;

import dev.bedrocksetup.aws.NetworkRoute;
import dev.bedrocksetup.aws.ProxySettings;
import dev.bedrocksetup.core.Environment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One connection to an endpoint the way Claude Code's HTTP client opens it — DNS, TCP, through the proxy with HTTP
 * CONNECT when one applies, then the TLS handshake with hostname verification — and nothing more: no HTTP request is
 * sent, so no credentials are needed and nothing is billed. Each step has its own deadline ({@link #STEP_MILLIS}).
 * The certificate chain the server presents is kept even when the handshake fails on it, to name its issuer.
 */
final class EndpointProbe {
    /** Deadline of each step (DNS, connect, CONNECT answer, handshake). */
    static final int STEP_MILLIS = 5000;

    /** How far the connection got. */
    enum Outcome {
        /** Every step that applies succeeded. */
        OK,
        /** The proxy variable that applies is not a usable URL (the proxy check says why). */
        PROXY_UNUSABLE,
        /** A step the doctor cannot take (an https:// proxy); what was tested is in the steps. */
        NOT_TESTED,
        DNS, CONNECT, TIMEOUT, PROXY_REFUSED,
        /** The TLS handshake failed on the certificate (untrusted chain, wrong name). */
        TLS_CERTIFICATE,
        /** The TLS handshake failed otherwise (not TLS on that port, protocol mismatch). */
        TLS_OTHER
    }

    /** What one probe found. */
    static final class Result {
        final URI target;
        final String host;
        final int port;
        final boolean tls;
        /** The proxy used, or null for a direct connection. */
        final ProxySettings.ProxyUrl proxy;
        /** The NO_PROXY value that sent this host around a configured proxy, or null. */
        final String bypassedBy;
        final List<String> steps = new ArrayList<>();
        Outcome outcome = Outcome.OK;
        String message;
        /** The chain the server presented (leaf first), or null when no handshake got that far. */
        X509Certificate[] chain;

        Result(URI target, ProxySettings.ProxyUrl proxy, String bypassedBy) {
            this.target = target;
            this.host = hostOf(target);
            this.tls = "https".equalsIgnoreCase(target.getScheme());
            this.port = NetworkRoute.port(target);
            this.proxy = proxy;
            this.bypassedBy = bypassedBy;
        }

        Result fail(Outcome o, String why) {
            outcome = o;
            message = why;
            return this;
        }

        /** The issuer of the last certificate presented (the root, or the CA under it), or null. */
        String topIssuer() {
            return chain == null || chain.length == 0 ? null
                    : chain[chain.length - 1].getIssuerX500Principal().toString();
        }
    }

    private final X509ExtendedTrustManager trust;

    /** A probe that trusts what this JVM trusts by default (its cacerts). */
    EndpointProbe() {
        this(null);
    }

    /** A probe that trusts the given anchors instead (tests; null for the JVM's default). */
    EndpointProbe(KeyStore anchors) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            X509ExtendedTrustManager found = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager) {
                    found = (X509ExtendedTrustManager) tm;
                }
            }
            if (found == null) {
                throw new IllegalStateException("no X509 trust manager in this JVM");
            }
            this.trust = found;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's trust store cannot be read: " + e.getMessage(), e);
        }
    }

    static String hostOf(URI uri) {
        String h = uri.getHost();
        return h != null && h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** Connects to the target as Claude Code would from this environment (its proxy variables included). */
    Result probe(URI target, Environment env) {
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        String variable = ProxySettings.variableFor(env, scheme);
        ProxySettings.ProxyUrl proxy = null;
        String bypassedBy = null;
        if (variable != null) {
            String noProxy = ProxySettings.noProxy(env);
            if (ProxySettings.exempts(noProxy, hostOf(target), NetworkRoute.port(target))) {
                bypassedBy = noProxy;
            } else {
                proxy = ProxySettings.parse(variable, env.get(variable), ProxySettings.repairsScheme(env));
            }
        }
        Result r = new Result(target, proxy, bypassedBy);
        if (proxy != null && proxy.problem != null) {
            return r.fail(Outcome.PROXY_UNUSABLE, proxy.variable + " " + proxy.problem);
        }
        String dialHost = proxy == null ? r.host : hostOf(proxy.uri);
        int dialPort = proxy == null ? r.port : proxy.port();
        String what = proxy == null ? dialHost : "the proxy " + dialHost;
        InetAddress[] addresses;
        long t0 = System.nanoTime();
        try {
            addresses = resolve(dialHost);
        } catch (UnknownHostException e) {
            return r.fail(Outcome.DNS, "cannot resolve " + what);
        } catch (TimeoutException e) {
            return r.fail(Outcome.TIMEOUT, "resolving " + what + " took more than " + STEP_MILLIS / 1000 + " s");
        }
        r.steps.add(isAddress(dialHost) ? dialHost + " is an address (no DNS)"
                : "DNS " + millis(t0) + " ms (" + addresses[0].getHostAddress() + ")");
        t0 = System.nanoTime();
        Socket connected = null;
        IOException last = null;
        long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(STEP_MILLIS);
        for (InetAddress a : addresses) { // each address in turn, as Node does, within one step's deadline
            int left = (int) TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                last = last == null ? new SocketTimeoutException("connect timed out") : last;
                break;
            }
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(a, dialPort), left);
                connected = s;
                break;
            } catch (IOException e) {
                last = e;
                closeQuietly(s);
            }
        }
        if (connected == null) {
            if (last instanceof SocketTimeoutException) {
                return r.fail(Outcome.TIMEOUT, "no TCP answer from " + what + ":" + dialPort + " within "
                        + STEP_MILLIS / 1000 + " s");
            }
            return r.fail(Outcome.CONNECT, what + ":" + dialPort + (last instanceof ConnectException
                    ? " refused the connection" : " cannot be reached: " + (last == null ? "no address"
                    : last.getMessage())));
        }
        r.steps.add("TCP " + millis(t0) + " ms");
        try (Socket socket = connected) {
            socket.setSoTimeout(STEP_MILLIS);
            if (proxy != null) {
                if (!r.tls) {
                    r.steps.add("plain http through a proxy: only the proxy's port was tested");
                    return r;
                }
                if ("https".equalsIgnoreCase(proxy.uri.getScheme())) {
                    return r.fail(Outcome.NOT_TESTED, "the proxy is an https:// proxy; the doctor tests CONNECT only "
                            + "through http:// proxies, so it reached the proxy's port and no further");
                }
                t0 = System.nanoTime();
                String refused = connectThrough(socket, r.host, r.port, proxy);
                if (refused != null) {
                    return r.fail(Outcome.PROXY_REFUSED, "the proxy answered \"" + refused + "\" to CONNECT "
                            + r.host + ":" + r.port);
                }
                r.steps.add("CONNECT " + r.host + ":" + r.port + " " + millis(t0) + " ms");
            }
            if (!r.tls) {
                r.steps.add("TLS not applicable (plain http)");
                return r;
            }
            return handshake(r, socket);
        } catch (SocketTimeoutException e) {
            return r.fail(Outcome.TIMEOUT, "no answer within " + STEP_MILLIS / 1000 + " s"
                    + (r.proxy == null ? "" : " from the proxy"));
        } catch (IOException e) {
            return r.fail(Outcome.CONNECT, "the connection failed: " + e.getMessage());
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing was sent on it
        }
    }

    private Result handshake(Result r, Socket socket) throws IOException {
        Recording recording = new Recording(trust);
        SSLSocket ssl;
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {recording}, null);
            ssl = (SSLSocket) ctx.getSocketFactory().createSocket(socket, r.host, r.port, true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // Node verifies the host name too
        ssl.setSSLParameters(params);
        long t0 = System.nanoTime();
        try (ssl) {
            ssl.startHandshake();
            r.chain = recording.chain;
            r.steps.add("TLS " + millis(t0) + " ms (" + ssl.getSession().getProtocol() + ")");
            return r;
        } catch (SocketTimeoutException e) {
            return r.fail(Outcome.TIMEOUT, "no TLS answer from " + r.host + " within " + STEP_MILLIS / 1000 + " s");
        } catch (SSLException e) {
            r.chain = recording.chain;
            if (recording.failure != null) {
                return r.fail(Outcome.TLS_CERTIFICATE, certificateProblem(recording.failure));
            }
            return r.fail(Outcome.TLS_OTHER, "the TLS handshake failed: " + e.getMessage());
        }
    }

    /** The certificate error in words: untrusted chain, or a name that does not match. */
    static String certificateProblem(CertificateException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("PKIX") || m.contains("certification path")) {
            return "the certificate is not trusted (no valid certification path to a trusted root)";
        }
        return "the certificate was refused: " + m;
    }

    /**
     * Sends CONNECT host:port (with Proxy-Authorization: Basic when the URL carries a user, as Node's proxy agents
     * do) and reads the answer's head; returns the status line when it is not 2xx, else null.
     */
    private static String connectThrough(Socket socket, String host, int port, ProxySettings.ProxyUrl proxy)
            throws IOException {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        StringBuilder req = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ")
                .append(authority).append("\r\n");
        if (proxy.userInfo() != null) {
            req.append("Proxy-Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                    proxy.userInfo().getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        req.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        while (head.size() < 16384) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the proxy closed the connection without answering CONNECT");
            }
            head.write(b);
            last = (last << 8) | b;
            if (last == 0x0D0A0D0A || (last & 0xFFFF) == 0x0A0A) {
                break;
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String status = text.lines().findFirst().orElse("").trim();
        String[] parts = status.split(" ", 3);
        boolean ok = parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].startsWith("2");
        return ok ? null : status;
    }

    /** Resolves a host within the step deadline (the JVM's resolver has none of its own). */
    static InetAddress[] resolve(String host) throws UnknownHostException, TimeoutException {
        if (isAddress(host)) {
            return InetAddress.getAllByName(host);
        }
        CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                lookup.complete(InetAddress.getAllByName(host));
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        }, "doctor-dns");
        t.setDaemon(true);
        t.start();
        try {
            return lookup.get(STEP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException) {
                throw (UnknownHostException) e.getCause();
            }
            throw new UnknownHostException(host + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static long millis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    /** Delegates to the JVM's trust manager, keeping the chain it was shown and the error it raised. */
    private static final class Recording extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        volatile X509Certificate[] chain;
        volatile CertificateException failure;

        Recording(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        private interface Check {
            void run() throws CertificateException;
        }

        private void record(X509Certificate[] presented, Check check) throws CertificateException {
            chain = presented;
            try {
                check.run();
            } catch (CertificateException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket)
                throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine)
                throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(c, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(c, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType) throws CertificateException {
            delegate.checkClientTrusted(c, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
