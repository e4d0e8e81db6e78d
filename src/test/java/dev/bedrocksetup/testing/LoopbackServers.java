package dev.bedrocksetup.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Real servers on 127.0.0.1 for the network checks: a listener that accepts, a port nobody listens on, a TLS server
 * with a self-signed certificate made by the JDK's keytool, and an HTTP CONNECT proxy that can play a TLS-inspecting
 * proxy (every CONNECT goes to one local port, whatever host was asked for).
 */
public final class LoopbackServers {
    private LoopbackServers() {}

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** A port on 127.0.0.1 with nothing listening: connections are refused. */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /** Accepts connections on a server socket in a daemon thread, one handler thread each. */
    private abstract static class Server implements AutoCloseable {
        final ServerSocket socket;
        public final int port;

        Server(ServerSocket socket) {
            this.socket = socket;
            this.port = socket.getLocalPort();
        }

        /** Starts accepting; called last by each constructor, so handlers see its fields. */
        final void start() {
            daemon(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        daemon(() -> {
                            try (s) {
                                handle(s);
                            } catch (IOException ignored) {
                                // the client went away: normal when it refuses a certificate
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        abstract void handle(Socket s) throws IOException;

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static void daemon(Runnable r) {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        t.start();
    }

    /** A plain TCP listener that accepts and reads until the client closes; or answers a text at once and closes. */
    public static final class Listener extends Server {
        private final String reply;

        public Listener() throws IOException {
            this(null);
        }

        public Listener(String reply) throws IOException {
            super(new ServerSocket(0, 50, LOOPBACK));
            this.reply = reply;
            start();
        }

        @Override
        void handle(Socket s) throws IOException {
            if (reply != null) {
                s.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                return;
            }
            s.getInputStream().readAllBytes();
        }
    }

    /** A self-signed certificate made by keytool, with its key (PKCS12) and its PEM export. */
    public static final class SelfSigned {
        public final Path keyStoreFile;
        public final Path pem;
        public final KeyStore keyStore;
        public final X509Certificate certificate;

        private SelfSigned(Path keyStoreFile, Path pem, KeyStore keyStore) throws Exception {
            this.keyStoreFile = keyStoreFile;
            this.pem = pem;
            this.keyStore = keyStore;
            this.certificate = (X509Certificate) keyStore.getCertificate("server");
        }

        /** A key store that trusts only this certificate (to stand for a machine whose store has it). */
        public KeyStore asTrustStore() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("anchor", certificate);
            return ks;
        }

        /** dname such as "CN=Corp Inspection CA, O=Example Corp"; sans such as "dns:host,ip:127.0.0.1". */
        public static SelfSigned create(Path dir, String name, String dname, String sans) throws Exception {
            Files.createDirectories(dir);
            Path p12 = dir.resolve(name + ".p12");
            Path pem = dir.resolve(name + ".pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    dname, "-ext", "SAN=" + sans, "-validity", "3", "-keystore", p12.toString(), "-storetype",
                    "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
            run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", p12.toString(), "-storepass",
                    "changeit", "-file", pem.toString());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                ks.load(in, "changeit".toCharArray());
            }
            return new SelfSigned(p12, pem, ks);
        }

        private static void run(String... cmd) throws Exception {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
        }
    }

    /** A TLS server on 127.0.0.1 presenting a certificate. */
    public static final class TlsServer extends Server {
        public TlsServer(SelfSigned cert) throws Exception {
            super(serverSocket(cert));
            start();
        }

        static ServerSocket serverSocket(SelfSigned cert) throws Exception {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(cert.keyStore, "changeit".toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, LOOPBACK);
        }

        @Override
        void handle(Socket s) throws IOException {
            ((SSLSocket) s).startHandshake();
            s.getInputStream().read();
        }
    }

    /**
     * A TLS server that decrypts and hands the bytes to a plain port on 127.0.0.1 (an HTTP server such as the AWS
     * stand-in). Behind a {@link ConnectProxy}: a TLS-inspecting proxy that works for clients trusting its certificate.
     */
    public static final class TlsTerminator extends Server {
        private final int targetPort;

        public TlsTerminator(SelfSigned cert, int targetPort) throws Exception {
            super(TlsServer.serverSocket(cert));
            this.targetPort = targetPort;
            start();
        }

        @Override
        void handle(Socket s) throws IOException {
            try (Socket upstream = new Socket(LOOPBACK, targetPort)) {
                daemon(() -> ConnectProxy.pipe(upstream, s));
                ConnectProxy.pipe(s, upstream);
            }
        }
    }

    /**
     * An HTTP CONNECT proxy: every CONNECT, whatever host it names, is joined to 127.0.0.1:targetPort — as a
     * TLS-inspecting proxy answers with its own certificate. With a user:password set, CONNECT without that basic
     * authentication gets 407.
     */
    public static final class ConnectProxy extends Server {
        private final int targetPort;
        private final String credentials;
        public final List<String> requests = Collections.synchronizedList(new ArrayList<>());

        public ConnectProxy(int targetPort, String userColonPassword) throws IOException {
            super(new ServerSocket(0, 50, LOOPBACK));
            this.targetPort = targetPort;
            this.credentials = userColonPassword;
            start();
        }

        @Override
        void handle(Socket s) throws IOException {
            String head = readHead(s.getInputStream());
            requests.add(head.lines().findFirst().orElse(""));
            OutputStream out = s.getOutputStream();
            if (credentials != null && !head.contains("Proxy-Authorization: Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            try (Socket upstream = new Socket(LOOPBACK, targetPort)) {
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                daemon(() -> pipe(upstream, s));
                pipe(s, upstream);
            }
        }

        static void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                if (to instanceof SSLSocket) {
                    to.close(); // TLS has no half-close
                } else {
                    to.shutdownOutput();
                }
            } catch (IOException ignored) {
                // one side closed
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int last = 0;
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                last = (last << 8) | b;
                if (last == 0x0D0A0D0A) {
                    break;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * A gateway in front of a server on 127.0.0.1:targetPort (an LLM gateway or proxy at ANTHROPIC_BEDROCK_BASE_URL,
     * for tests): joins each connection to the target byte for byte — so a SigV4 signature made for the gateway's
     * host still verifies there — and keeps the HTTP request lines that went through it.
     */
    public static final class Relay extends Server {
        private static final java.util.regex.Pattern REQUEST_LINE =
                java.util.regex.Pattern.compile("((?:GET|POST|PUT|DELETE|HEAD) /\\S* HTTP/1\\.[01])\r\n");
        private final int targetPort;
        private final List<ByteArrayOutputStream> sent = Collections.synchronizedList(new ArrayList<>());

        public Relay(int targetPort) throws IOException {
            super(new ServerSocket(0, 50, LOOPBACK));
            this.targetPort = targetPort;
            start();
        }

        @Override
        void handle(Socket s) throws IOException {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            sent.add(seen);
            try (Socket upstream = new Socket(LOOPBACK, targetPort)) {
                daemon(() -> ConnectProxy.pipe(upstream, s));
                InputStream in = s.getInputStream();
                OutputStream out = upstream.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (seen) {
                        seen.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                upstream.shutdownOutput();
            }
        }

        /** Every request line ("POST /model/... HTTP/1.1") that went through, in the order of the connections. */
        public List<String> requestLines() {
            List<String> lines = new ArrayList<>();
            synchronized (sent) {
                for (ByteArrayOutputStream seen : sent) {
                    String text;
                    synchronized (seen) {
                        text = seen.toString(StandardCharsets.ISO_8859_1);
                    }
                    // a kept-alive connection carries the next request right after the last body, with no line
                    // break before it: find request lines anywhere, not only at the start of a line
                    java.util.regex.Matcher m = REQUEST_LINE.matcher(text);
                    while (m.find()) {
                        lines.add(m.group(1));
                    }
                }
            }
            return lines;
        }
    }
}
