package dev.bedrocksetup.aws;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.utils.async.SimplePublisher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link SdkAsyncHttpClient} over the JDK's {@link HttpURLConnection}, one blocking exchange per daemon thread.
 * The SDK's async clients need one (InvokeModelWithResponseStream exists only on {@code BedrockRuntimeAsyncClient});
 * the SDK's own are Netty and the native CRT, both heavy, so this small adapter keeps the tool on JDK classes. Not
 * {@code java.net.http.HttpClient}: before Java 21 it cannot be closed, and its selector thread, waiting in native
 * code, makes every exit of the JVM wait 0.3 s for it (docs/decisions/0004). HTTP/1.1; the response body is read on
 * the exchange's thread and handed to the SDK as the subscriber asks for it.
 */
final class JdkAsyncHttpClient implements SdkAsyncHttpClient {
    /** Headers HttpURLConnection writes itself (the same values the SDK signed) or refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");

    private final int connectTimeoutMs;
    private final int readTimeoutMs;
    private final ExecutorService exchanges;

    /** Direct, or through the route's proxy with its trust (null: direct, the JVM's roots). */
    private final NetworkRoute route;

    JdkAsyncHttpClient(Duration connectTimeout, Duration readTimeout, NetworkRoute route) {
        this.route = route;
        AtomicInteger n = new AtomicInteger();
        this.exchanges = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aws-async-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.connectTimeoutMs = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.readTimeoutMs = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicReference<HttpURLConnection> open = new AtomicReference<>();
        // The SDK cancels this future when its deadline passes: close the socket, which ends a blocked read.
        done.whenComplete((v, t) -> {
            HttpURLConnection c = open.get();
            if (done.isCancelled() && c != null) {
                c.disconnect();
            }
        });
        exchanges.execute(() -> exchange(request, open, done));
        return done;
    }

    private void exchange(AsyncExecuteRequest request, AtomicReference<HttpURLConnection> open,
            CompletableFuture<Void> done) {
        SimplePublisher<ByteBuffer> body = null;
        try {
            SdkHttpRequest r = request.request();
            byte[] content = collect(request.requestContentPublisher());
            HttpURLConnection c = route != null ? route.open(r.getUri(), connectTimeoutMs, readTimeoutMs)
                    : (HttpURLConnection) r.getUri().toURL().openConnection();
            open.set(c);
            if (done.isCancelled()) {
                return;
            }
            c.setConnectTimeout(connectTimeoutMs);
            c.setReadTimeout(readTimeoutMs);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestMethod(r.method().name());
            r.forEachHeader((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> c.addRequestProperty(name, v));
                }
            });
            if (content.length > 0) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(content.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(content);
                }
            }
            int status = c.getResponseCode();
            SdkHttpFullResponse.Builder headers = SdkHttpFullResponse.builder().statusCode(status);
            for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
                if (h.getKey() != null) { // the status line
                    headers.putHeader(h.getKey(), h.getValue());
                }
            }
            request.responseHandler().onHeaders(headers.build());
            body = new SimplePublisher<>();
            request.responseHandler().onStream(body);
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            pump(in == null ? InputStream.nullInputStream() : in, body);
            done.complete(null);
        } catch (IOException | RuntimeException e) {
            // A cancelled exchange (the SDK gave up, e.g. its call timeout) ends here too.
            if (body != null) {
                body.error(e);
            } else {
                request.responseHandler().onError(e);
            }
            done.completeExceptionally(e);
        }
    }

    /** The request body: the SDK's signed requests are small JSON documents, sent with their length. */
    private static byte[] collect(SdkHttpContentPublisher content) throws IOException {
        if (content == null || content.contentLength().orElse(-1L) == 0) {
            return new byte[0];
        }
        CompletableFuture<byte[]> all = new CompletableFuture<>();
        content.subscribe(new Subscriber<ByteBuffer>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer b) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable t) {
                all.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                all.complete(bytes.toByteArray());
            }
        });
        try {
            return all.join();
        } catch (RuntimeException e) {
            throw new IOException("the request body could not be read: " + e.getMessage(), e);
        }
    }

    /** Copies the response body to the SDK, waiting for its demand before each buffer. */
    private static void pump(InputStream in, SimplePublisher<ByteBuffer> body) throws IOException {
        try (in) {
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    body.send(ByteBuffer.wrap(Arrays.copyOf(buf, n))).join();
                }
            }
            body.complete();
        }
    }

    @Override
    public String clientName() {
        return "JdkHttp";
    }

    @Override
    public void close() {
        exchanges.shutdownNow();
    }
}
