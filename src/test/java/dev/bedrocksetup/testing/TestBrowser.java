package dev.bedrocksetup.testing;

import dev.bedrocksetup.sso.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Plays the user's browser: opens the authorize URL and follows its redirect back to the loopback listener. */
public final class TestBrowser implements Browser {
    public final List<String> opened = new ArrayList<>();
    public volatile int lastStatus;

    @Override
    public boolean open(String url) {
        opened.add(url);
        Thread t = new Thread(() -> {
            try {
                HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
                lastStatus = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                lastStatus = -1;
            }
        });
        t.setDaemon(true);
        t.start();
        return true;
    }
}
