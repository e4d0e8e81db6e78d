package dev.bedrocksetup.aws;

import org.reactivestreams.FlowAdapters;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.utils.async.SimplePublisher;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link SdkAsyncHttpClient} over the JDK's {@code java.net.http.HttpClient}. The SDK's async clients need one
 * (InvokeModelWithResponseStream exists only on {@code BedrockRuntimeAsyncClient}); the SDK's own are Netty and the
 * native CRT, both heavy, so this small adapter keeps the tool on JDK classes. See docs/decisions/0004.
 * HTTP/1.1 only; the body is read on a daemon thread and handed to the SDK as the subscriber asks for it.
 */
final class JdkAsyncHttpClient implements SdkAsyncHttpClient {
    /** Headers the JDK client sets itself and refuses from callers; it writes the same values the SDK signed. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient client;
    private final Duration responseTimeout;
    private final ExecutorService bodyReaders;

    JdkAsyncHttpClient(Duration connectTimeout, Duration responseTimeout) {
        AtomicInteger n = new AtomicInteger();
        this.bodyReaders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aws-async-body-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.responseTimeout = responseTimeout;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        SdkHttpRequest r = request.request();
        HttpRequest.Builder b = HttpRequest.newBuilder(r.getUri()).timeout(responseTimeout);
        r.forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(r.method().name(), bodyOf(request.requestContentPublisher()));
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<HttpResponse<InputStream>> sent =
                client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        // The SDK cancels this future when its deadline passes; abort the exchange then instead of leaving it open.
        done.whenComplete((v, t) -> {
            if (done.isCancelled()) {
                sent.cancel(true);
            }
        });
        sent.whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                request.responseHandler().onError(cause);
                done.completeExceptionally(cause);
                return;
            }
            SdkHttpFullResponse.Builder headers = SdkHttpFullResponse.builder().statusCode(response.statusCode());
            response.headers().map().forEach(headers::putHeader);
            request.responseHandler().onHeaders(headers.build());
            SimplePublisher<ByteBuffer> body = new SimplePublisher<>();
            request.responseHandler().onStream(body);
            bodyReaders.execute(() -> pump(response.body(), body, done));
        });
        return done;
    }

    private static HttpRequest.BodyPublisher bodyOf(SdkHttpContentPublisher content) {
        if (content == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        Long length = content.contentLength().orElse(null);
        if (length != null && length == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return length == null ? HttpRequest.BodyPublishers.fromPublisher(FlowAdapters.toFlowPublisher(content))
                : HttpRequest.BodyPublishers.fromPublisher(FlowAdapters.toFlowPublisher(content), length);
    }

    /** Copies the response body to the SDK, waiting for its demand before each buffer. */
    private static void pump(InputStream in, SimplePublisher<ByteBuffer> body, CompletableFuture<Void> done) {
        try (in) {
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    body.send(ByteBuffer.wrap(Arrays.copyOf(buf, n))).join();
                }
            }
            body.complete();
            done.complete(null);
        } catch (IOException | RuntimeException e) {
            // A cancelled subscription (the SDK gave up, e.g. its call timeout) ends here too.
            body.error(e);
            done.completeExceptionally(e);
        }
    }

    @Override
    public String clientName() {
        return "JdkHttp";
    }

    @Override
    public void close() {
        bodyReaders.shutdownNow();
    }
}
