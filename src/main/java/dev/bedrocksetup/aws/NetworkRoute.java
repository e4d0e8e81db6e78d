package dev.bedrocksetup.aws;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.CallThreads;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.fs.TextFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The way Claude Code's requests leave this machine, for SDK clients that must go the same way (the doctor's):
 * through the HTTPS proxy it uses (basic authentication from the URL's user-info, hosts NO_PROXY exempts go
 * direct) and trusting this JVM's roots plus the PEM certificates in NODE_EXTRA_CA_CERTS, as Node adds them to its
 * own. Without it, the SDK goes direct and trusts only the JVM's roots: behind a corporate proxy the doctor would
 * fail calls Claude Code makes. The caller works out the proxy (the doctor's ProxySettings); this class applies it.
 */
public final class NetworkRoute {
    private final URI proxy;
    private final BiPredicate<String, Integer> bypass;
    private final Path extraCaCerts;
    /**
     * Made once, on its own thread, from the first sign that a TLS connection will be made ({@link #expect}, or the
     * first https connection): reading the JVM's roots costs tens of milliseconds of CPU (more in a cold JVM), which
     * the SDK clients' building overlaps, and which a route whose endpoints are all plain http (a stand-in, a local
     * gateway) never needs. The first TLS connection waits for it; a null result: the JVM's default (no
     * NODE_EXTRA_CA_CERTS, made at once).
     */
    private CompletableFuture<SSLSocketFactory> socketFactory;
    private final Object socketFactoryLock = new Object();

    /**
     * @param proxy the proxy URL (http://[user:password@]host:port), or null for none
     * @param bypass which target host and port go direct (NO_PROXY)
     * @param extraCaCerts NODE_EXTRA_CA_CERTS, or null; an unreadable file adds nothing (network.ca-certs says so)
     */
    public NetworkRoute(URI proxy, BiPredicate<String, Integer> bypass, Path extraCaCerts) {
        this.proxy = proxy;
        this.bypass = bypass == null ? (h, p) -> false : bypass;
        this.extraCaCerts = extraCaCerts;
    }

    /**
     * Says a connection to {@code target} is coming (null: AWS's own endpoint, which is https): for an https target
     * the trust it will need starts being made now, on its own thread; a plain-http target needs none.
     */
    public void expect(URI target) {
        if (target == null || "https".equalsIgnoreCase(target.getScheme())) {
            socketFactoryStarted();
        }
    }

    /** Whether the trust for TLS connections has been asked for (tests). */
    boolean trustStarted() {
        synchronized (socketFactoryLock) {
            return socketFactory != null;
        }
    }

    private CompletableFuture<SSLSocketFactory> socketFactoryStarted() {
        synchronized (socketFactoryLock) {
            if (socketFactory == null) {
                socketFactory = extraCaCerts == null ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.supplyAsync(this::newSocketFactory,
                                CallThreads.oneEach("network-route-trust"));
            }
            return socketFactory;
        }
    }

    /** The socket factory trusting NODE_EXTRA_CA_CERTS too, or null for the JVM's default. */
    private SSLSocketFactory socketFactory() {
        try {
            return socketFactoryStarted().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * The proxy for a target, or {@link Proxy#NO_PROXY}. Only https targets (AWS's endpoints) take it: the route
     * holds the https proxy, and plain-http endpoints are local overrides (a gateway, a stand-in).
     */
    Proxy proxyFor(URI target) {
        if (proxy == null || !"https".equalsIgnoreCase(target.getScheme())) {
            return Proxy.NO_PROXY;
        }
        if (bypass.test(target.getHost(), port(target))) {
            return Proxy.NO_PROXY;
        }
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port(proxy)));
    }

    /** The port a URL connects to: its own, else 443 for https and 80 for http. */
    public static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** "Basic ..." for the proxy's user-info, or null: sent preemptively, as Node's proxy agents do. */
    String proxyAuthorization() {
        String userInfo = proxy == null ? null : proxy.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A connection to the target the way Claude Code connects: through the proxy (with its basic authentication) or
     * direct, trusting NODE_EXTRA_CA_CERTS too, with these deadlines.
     */
    HttpURLConnection open(URI target, int connectTimeoutMs, int readTimeoutMs) throws IOException {
        return open(target, connectTimeoutMs, readTimeoutMs, null);
    }

    /**
     * The same, trusting only what {@code trustInstead} trusts (a download's own CA bundle) when it is given, instead
     * of the JVM's roots and NODE_EXTRA_CA_CERTS.
     */
    public HttpURLConnection open(URI target, int connectTimeoutMs, int readTimeoutMs, SSLSocketFactory trustInstead)
            throws IOException {
        Proxy via = proxyFor(target);
        HttpURLConnection c = (HttpURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
        SSLSocketFactory trusting = !(c instanceof HttpsURLConnection) ? null
                : trustInstead != null ? trustInstead : socketFactory();
        if (via != Proxy.NO_PROXY) {
            // The tunnel is made here, not by the JDK: its CONNECT sends no Basic credentials by default
            // (jdk.http.auth.tunneling.disabledSchemes), and Claude Code sends them up front.
            ((HttpsURLConnection) c).setSSLSocketFactory(new TunnellingSocketFactory(
                    trusting != null ? trusting : (SSLSocketFactory) SSLSocketFactory.getDefault(),
                    (InetSocketAddress) via.address(), proxyAuthorization(), connectTimeoutMs));
        } else if (trusting != null) {
            ((HttpsURLConnection) c).setSSLSocketFactory(trusting);
        }
        c.setConnectTimeout(connectTimeoutMs);
        c.setReadTimeout(readTimeoutMs);
        return c;
    }

    /**
     * The proxy could not be reached, or would not make the tunnel: said of the proxy, since AWS's host never saw the
     * request ("the proxy 127.0.0.1:3128 refused the connection", not "bedrock.us-east-1.amazonaws.com:443 refused
     * the connection").
     */
    static final class ProxyFailure extends java.net.SocketException {
        private ProxyFailure(String message, Throwable cause) {
            super(message);
            initCause(cause);
        }

        /** Worded as {@link AwsCallFailure#unreachable} words a host, the host being "the proxy HOST:PORT". */
        static ProxyFailure of(IOException e, String proxy) {
            String said = e instanceof java.net.UnknownHostException
                    ? "the proxy's host in " + proxy + " does not resolve (DNS)"
                    : AwsCallFailure.unreachable(e, "the proxy " + proxy);
            return new ProxyFailure(said != null ? said : "the connection to the proxy " + proxy + " failed ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * TLS over a CONNECT tunnel: the unconnected socket it hands the JDK connects to the proxy and asks for the
     * tunnel (with Proxy-Authorization when the proxy URL has user-info); the JDK then layers TLS over it.
     */
    private static final class TunnellingSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory tls;
        private final InetSocketAddress proxy;
        private final String authorization;
        private final int connectTimeoutMs;

        TunnellingSocketFactory(SSLSocketFactory tls, InetSocketAddress proxy, String authorization,
                int connectTimeoutMs) {
            this.tls = tls;
            this.proxy = proxy;
            this.authorization = authorization;
            this.connectTimeoutMs = connectTimeoutMs;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    InetSocketAddress target = (InetSocketAddress) endpoint;
                    try {
                        super.connect(new InetSocketAddress(proxy.getHostString(), proxy.getPort()),
                                timeout > 0 ? timeout : connectTimeoutMs);
                    } catch (IOException e) {
                        throw ProxyFailure.of(e, proxy.getHostString() + ":" + proxy.getPort());
                    }
                    tunnel(this, target.getHostString(), target.getPort());
                }
            };
        }

        private void tunnel(Socket s, String host, int port) throws IOException {
            String authority = host + ":" + port;
            String request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n"
                    + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n") + "\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int before = s.getSoTimeout();
            s.setSoTimeout(connectTimeoutMs); // a proxy that never answers the CONNECT counts as a slow connect
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                    break;
                }
                if (head.length() > 16_384) {
                    break;
                }
            }
            s.setSoTimeout(before);
            String status = head.toString().lines().findFirst().orElse("");
            if (!status.matches("HTTP/1\\.[01] 2\\d\\d.*")) {
                s.close();
                throw new ProxyFailure("the proxy " + proxy.getHostString() + ":" + proxy.getPort() + " would not "
                        + "open a tunnel to " + authority + ": \"" + status + "\"" + (status.contains(" 407")
                        ? " (it wants a user and password: http://USER:PASSWORD@HOST:PORT in HTTPS_PROXY)" : ""), null);
            }
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return tls.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(InetSocketAddress.createUnresolved(host, port), connectTimeoutMs);
            return tls.createSocket(s, host, port, true);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostName(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return createSocket(address.getHostName(), port);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }

    /** The proxy for people (password masked), or null. */
    public String describe() {
        return proxy == null ? null : Secrets.maskUrl(proxy.toString());
    }

    /**
     * The JVM's default trust plus NODE_EXTRA_CA_CERTS's certificates; null when no bundle is named. The bundle is read
     * only when the JVM's own roots refuse a chain: parsing a system bundle of 144 certificates costs ~0.1 s of CPU in a
     * cold JVM, and an endpoint whose certificate the JVM trusts (AWS's, without TLS inspection) never needs it.
     */
    X509TrustManager trust() {
        if (extraCaCerts == null) {
            return null;
        }
        try {
            return new EitherTrust(trustManager(null), new ExtraTrust());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the trust store: " + e.getMessage(), e);
        }
    }

    /** The trust of NODE_EXTRA_CA_CERTS's certificates alone, made on first need; null when it holds none. */
    private final class ExtraTrust implements java.util.function.Supplier<X509TrustManager> {
        private boolean made;
        private X509TrustManager trust;

        @Override
        public synchronized X509TrustManager get() {
            if (!made) {
                made = true;
                List<X509Certificate> extra = extraCertificates();
                if (!extra.isEmpty()) {
                    try {
                        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                        anchors.load(null, null);
                        for (int i = 0; i < extra.size(); i++) {
                            anchors.setCertificateEntry("node-extra-ca-" + i, extra.get(i));
                        }
                        trust = trustManager(anchors);
                    } catch (GeneralSecurityException | IOException e) {
                        throw new IllegalStateException("cannot build the trust store: " + e.getMessage(), e);
                    }
                }
            }
            return trust;
        }
    }

    /** An SSL socket factory with {@link #trust()}, or null for the JVM's default. */
    private SSLSocketFactory newSocketFactory() {
        X509TrustManager trust = trust();
        if (trust == null) {
            return null;
        }
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trust}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    private List<X509Certificate> extraCertificates() {
        return pemCertificates(extraCaCerts);
    }

    /**
     * The certificates of a PEM bundle; none when it is not a regular file (a FIFO would block the reader), cannot be
     * read or is not PEM: Claude Code adds nothing then either, and network.ca-certs reports it. Read whole, then
     * parsed: the JDK's parser reads its stream a byte at a time, and a system bundle (200 KB) read unbuffered took
     * seconds of system calls on a loaded machine (docs/performance.md).
     */
    public static List<X509Certificate> pemCertificates(Path bundle) {
        List<X509Certificate> out = new ArrayList<>();
        if (bundle == null) {
            return out;
        }
        try {
            byte[] pem = TextFile.bytesOrNull(bundle);
            if (pem == null) {
                return out;
            }
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                if (c instanceof X509Certificate) {
                    out.add((X509Certificate) c);
                }
            }
        } catch (BedrockSetupException | CertificateException e) {
            return List.of();
        }
        return out;
    }

    private static X509TrustManager trustManager(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager) {
                return (X509TrustManager) tm;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager");
    }

    /** Trusts a chain either trust manager trusts; the second is asked for only when the first refuses. */
    private static final class EitherTrust implements X509TrustManager {
        private final X509TrustManager first;
        private final java.util.function.Supplier<X509TrustManager> second;

        EitherTrust(X509TrustManager first, java.util.function.Supplier<X509TrustManager> second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                X509TrustManager extra = second.get();
                if (extra == null) {
                    throw e;
                }
                extra.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
            X509TrustManager extra = second.get();
            if (extra != null) {
                all.addAll(List.of(extra.getAcceptedIssuers()));
            }
            return all.toArray(new X509Certificate[0]);
        }
    }

    @Override
    public String toString() {
        return "NetworkRoute[proxy=" + describe() + ", extraCaCerts=" + extraCaCerts + "]";
    }

}
