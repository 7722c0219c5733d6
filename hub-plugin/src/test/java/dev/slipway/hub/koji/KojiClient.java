package dev.slipway.hub.koji;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal XML-RPC client for tests: posts to /kojihub with the hub's own codec and answers raw responses. */
final class KojiClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;
    private final XmlRpcReader reader = new XmlRpcReader(64L << 20, 64);

    /** An HTTP answer: status, the Koji-Version header and the body. */
    record Answer(int status, String kojiVersion, String body) {
    }

    KojiClient(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/kojihub");
    }

    /** Posts a raw body (any bytes) with optional headers (name, value, ...). */
    Answer post(byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    Answer send(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Koji-Version").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri() {
        return uri;
    }

    /** Calls a method and parses the answer (a value or a fault). */
    XmlRpcReader.Response call(String method, Object... params) {
        return callWith(new String[0], method, params);
    }

    XmlRpcReader.Response callWith(String[] headers, String method, Object... params) {
        Answer a = post(XmlRpcWriter.call(method, params).getBytes(StandardCharsets.UTF_8), headers);
        if (a.status() != 200) {
            throw new AssertionError(method + " answered HTTP " + a.status() + ": " + a.body());
        }
        return reader.response(a.body().getBytes(StandardCharsets.UTF_8));
    }

    /** Calls a method that must succeed; answers its value. */
    Object value(String method, Object... params) {
        XmlRpcReader.Response r = call(method, params);
        if (r.isFault()) {
            throw new AssertionError(method + " failed: " + r.faultCode() + " " + r.faultString());
        }
        return r.value();
    }

    /** Keyword arguments as koji sends them: a trailing struct with __starstar. */
    static Map<String, Object> kw(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        m.put("__starstar", true);
        return m;
    }
}
