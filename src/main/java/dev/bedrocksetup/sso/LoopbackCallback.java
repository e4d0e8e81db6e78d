package dev.bedrocksetup.sso;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The browser's way back: a one-shot HTTP server on 127.0.0.1 (random port) at /oauth/callback that receives the
 * authorization code and state, answers with a short page, and hands the parameters over.
 */
public final class LoopbackCallback implements AutoCloseable {
    public static final String PATH = "/oauth/callback";

    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> result = new CompletableFuture<>();

    public LoopbackCallback() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, exchange -> {
            Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
            boolean ok = params.containsKey("code");
            byte[] page = ("<!doctype html><meta charset=utf-8><title>bedrock-setup</title><p>"
                    + (ok ? "Login complete. You can close this window and return to the terminal."
                            : "Login was not completed. Return to the terminal.") + "</p>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(ok ? 200 : 400, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
            result.complete(params);
        });
        server.start();
    }

    /** http://127.0.0.1:PORT/oauth/callback */
    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Waits for the browser; null on timeout. */
    public Map<String, String> await(Duration timeout) throws InterruptedException {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
