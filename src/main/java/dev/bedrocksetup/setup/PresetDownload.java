package dev.bedrocksetup.setup;

import dev.bedrocksetup.aws.AwsCallFailure;
import dev.bedrocksetup.aws.NetworkRoute;
import dev.bedrocksetup.aws.ProxySettings;
import dev.bedrocksetup.claude.Preset;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.CallThreads;
import dev.bedrocksetup.core.Deadlines;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.fs.TextFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A preset fetched from an https:// URL (issue 18, decision 0042): HTTPS only, also after a redirect; at most
 * {@link #MAX_BYTES}; within {@link Deadlines#preset} in all; and, with {@code #sha256=<64 hex>} at the end of the
 * URL, exactly the bytes that were reviewed. The URL is shown with its password and query values masked (a
 * presigned URL carries its signature there).
 */
final class PresetDownload {
    private PresetDownload() {}

    /** A preset is a few hundred bytes; this leaves room for descriptions and refuses anything else. */
    static final int MAX_BYTES = 256 * 1024;
    /** A PEM file of the certificates to trust for the preset server instead of the JVM's (a private CA; tests). */
    static final String CA_BUNDLE_VARIABLE = "BEDROCK_SETUP_PRESET_CA_BUNDLE";
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final String PIN = "sha256=";

    static Preset fetch(String arg, Environment env) {
        int hash = arg.indexOf('#');
        String address = hash < 0 ? arg : arg.substring(0, hash);
        String shown = Secrets.maskUrl(address);
        String scheme = address.substring(0, address.indexOf(':')).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw BedrockSetupException.usage("--preset " + TerminalText.quote(shown) + ": only https:// URLs are "
                    + "fetched (" + scheme + ": is not: a preset read in the clear could be changed on the way)",
                    "serve the preset over HTTPS, or copy it to this machine and give its path");
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw BedrockSetupException.usage("--preset " + TerminalText.quote(shown) + " is not a valid URL: "
                    + e.getReason(), "give the URL as a browser shows it, e.g. https://example.com/team.json");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw BedrockSetupException.usage("--preset " + TerminalText.quote(shown) + ": " + (uri.getHost() == null
                    ? "the URL names no host" : "a user name or password in the URL is not sent"),
                    "give https://HOST/PATH; for a private preset, a URL with a token in its query (presigned)");
        }
        String pin = pin(hash < 0 ? null : arg.substring(hash + 1), shown);
        byte[] body = download(uri, shown, env);
        String actual = TextFile.sha256(body);
        if (pin != null && !pin.equals(actual)) {
            throw BedrockSetupException.usage("--preset " + shown + " has changed since it was pinned: its SHA-256 is "
                    + actual + ", the URL pins " + pin + "; nothing was written",
                    "find out who changed the preset; once it is reviewed, pin the new digest (#sha256=" + actual + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw BedrockSetupException.usage("--preset " + shown + " is not UTF-8 text", "serve the preset as UTF-8 JSON");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return Preset.parse(text, shown, name.isEmpty() ? uri.getHost() : name);
    }

    /** The digest a #sha256=… fragment pins, lower case, or null without a fragment. */
    private static String pin(String fragment, String shown) {
        if (fragment == null) {
            return null;
        }
        String hex = fragment.startsWith(PIN) ? fragment.substring(PIN.length()) : "";
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw BedrockSetupException.usage("--preset " + shown + ": the part after # must be sha256= and the 64 "
                    + "hexadecimal digits of the preset's SHA-256", "e.g. " + shown + "#sha256=$(shasum -a 256 "
                    + "team.json | cut -c1-64)");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    /**
     * The body, through the proxy the AWS calls take (HTTPS_PROXY, NO_PROXY; trusting NODE_EXTRA_CA_CERTS too, unless
     * the preset's own CA bundle is given), within the deadline in all. A redirect is followed from https: to https:
     * only (the JDK's connection never changes the protocol): one to http: comes back as the 3xx itself.
     */
    private static byte[] download(URI uri, String shown, Environment env) {
        Duration deadline = Deadlines.preset(env);
        String bundle = env.nonBlank(CA_BUNDLE_VARIABLE);
        SSLSocketFactory trust = bundle == null ? null : trusting(Path.of(bundle)).getSocketFactory();
        NetworkRoute way = ProxySettings.route(env);
        int connectMs = (int) Math.min(deadline.toMillis(), CONNECT.toMillis());
        int readMs = (int) Math.min(Integer.MAX_VALUE, deadline.toMillis());
        AtomicReference<HttpURLConnection> open = new AtomicReference<>();
        CompletableFuture<byte[]> call = CompletableFuture.supplyAsync(() -> {
            try {
                HttpURLConnection c = way.open(uri, connectMs, readMs, trust);
                open.set(c);
                c.setInstanceFollowRedirects(true);
                c.setRequestProperty("Accept", "application/json");
                return body(c, shown);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, CallThreads.oneEach("preset-download"));
        try {
            return call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpURLConnection c = open.get();
            if (c != null) {
                c.disconnect(); // the download's thread stops at its next read
            }
            throw noAnswer(shown, deadline, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BedrockSetupException.aws("--preset " + shown + ": interrupted", "run it again", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BedrockSetupException known) {
                throw known;
            }
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            throw failed(cause, uri, shown, deadline);
        }
    }

    /** The answer's body when it is the preset (200, at most {@link #MAX_BYTES}); any other answer is refused. */
    private static byte[] body(HttpURLConnection c, String shown) throws IOException {
        int status = c.getResponseCode();
        if (status >= 300 && status < 400) {
            throw BedrockSetupException.usage("--preset " + shown + ": the server answered with a redirect (HTTP "
                    + status + ") to a location that is not https://, which is not followed",
                    "give the preset's final https:// URL");
        }
        if (status != 200) {
            String what = "--preset " + shown + ": the server answered HTTP " + status;
            throw status < 500 ? BedrockSetupException.usage(what, "check the URL (and that the preset is published)")
                    : BedrockSetupException.aws(what, "retry later, or ask who runs the server", null);
        }
        try (InputStream in = c.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw BedrockSetupException.usage("--preset " + shown + " is larger than " + MAX_BYTES / 1024
                        + " KB, which no preset is", "check the URL: it should name the team's preset JSON file");
            }
            return body;
        }
    }

    private static BedrockSetupException failed(Throwable cause, URI uri, String shown, Duration deadline) {
        if (cause instanceof SocketTimeoutException) {
            return noAnswer(shown, deadline, cause);
        }
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (cause instanceof SSLException) {
            return BedrockSetupException.aws("--preset " + shown + ": the TLS connection to " + host + " failed, "
                    + "the server's certificate is not trusted or not for this host (" + cause.getMessage() + ")",
                    "check the URL; for a private CA set " + CA_BUNDLE_VARIABLE + " to its PEM file", cause);
        }
        String unreachable = AwsCallFailure.unreachable(cause, host);
        if (unreachable != null) { // the proxy named when it is the one that failed, else the server
            return BedrockSetupException.aws("--preset " + shown + ": " + unreachable,
                    "check the URL, the network and the proxy (HTTPS_PROXY), then run it again", cause);
        }
        return BedrockSetupException.aws("--preset " + shown + ": the download failed ("
                + (cause == null ? "unknown cause" : cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage())) + ")",
                "check the URL and the network, then run it again", cause);
    }

    private static BedrockSetupException noAnswer(String shown, Duration deadline, Throwable cause) {
        return BedrockSetupException.aws("--preset " + shown + ": no answer within " + Deadlines.describe(deadline),
                "check the URL and the network, then run it again (" + Deadlines.PRESET_VARIABLE
                        + " sets the deadline in seconds)", cause);
    }

    /**
     * TLS that trusts the certificates of a PEM file, and only those, verifying as always. Read as NODE_EXTRA_CA_CERTS
     * is ({@link NetworkRoute#pemCertificates}): a regular file only, so a FIFO there cannot hold the run.
     */
    private static SSLContext trusting(Path pem) {
        List<X509Certificate> certificates = NetworkRoute.pemCertificates(pem);
        try {
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in it");
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                anchors.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw BedrockSetupException.usage(CA_BUNDLE_VARIABLE + " " + TerminalText.quote(pem.toString())
                    + " is not a readable PEM file of certificates (" + e.getMessage() + ")",
                    "point it at the CA's certificate in PEM, or unset it");
        }
    }
}
