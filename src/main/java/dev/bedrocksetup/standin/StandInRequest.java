package dev.bedrocksetup.standin;

import com.sun.net.httpserver.Headers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One received request, read completely: the raw path and query (SigV4 signs them as sent), decoded path
 * segments and parameters (handlers use those), headers with lower-case names, and the body.
 */
final class StandInRequest {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final List<String> segments;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    StandInRequest(String method, String rawPath, String rawQuery, Headers httpHeaders, byte[] body) {
        this.method = method;
        this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.body = body;
        List<String> segs = new ArrayList<>();
        for (String s : this.rawPath.split("/")) {
            if (!s.isEmpty()) {
                segs.add(decode(s));
            }
        }
        this.segments = Collections.unmodifiableList(segs);
        this.query = parseForm(this.rawQuery);
        Map<String, List<String>> h = new TreeMap<>();
        httpHeaders.forEach((name, values) -> h.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(h);
    }

    /** Parses {@code a=1&b=2} (a query string or a form body) into decoded names and values, order kept. */
    static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        // URLDecoder turns '+' into a space, which is what both query strings and form bodies mean by it.
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    String method() {
        return method;
    }

    String rawPath() {
        return rawPath;
    }

    String rawQuery() {
        return rawQuery;
    }

    List<String> segments() {
        return segments;
    }

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    Map<String, List<String>> queryParameters() {
        return query;
    }

    String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** All headers, names in lower case. */
    Map<String, List<String>> headers() {
        return headers;
    }

    String header(String lowerCaseName) {
        List<String> v = headers.get(lowerCaseName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    byte[] body() {
        return body;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
