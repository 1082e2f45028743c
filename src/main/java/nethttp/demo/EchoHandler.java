package nethttp.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.core.Handler;
import nethttp.core.Header;
import nethttp.core.Request;
import nethttp.core.ResponseWriter;

/**
 * The demo's {@code /echo} route: answers with the request as the server understood it, as
 * indented JSON.
 *
 * <p>It exists to make parsing visible. A reader can send any request and see which method,
 * target, host, headers, body and trailers the server took from the bytes; and the differential
 * tests send the same bytes to Go's server, whose {@code /echo} writes the same fields in the
 * same order with Go's {@code encoding/json}, and compare the answers byte for byte.
 *
 * <p>The body is read to its end before anything is written, and an error while reading it is
 * reported in {@code BodyError} (with whatever was read before it in {@code Body}) rather than
 * failing the request. The trailer is reported after the body, because its values only arrive
 * with the end of a chunked body. Go's nil slices and maps are {@code null} here: no transfer
 * coding, no trailer announced, or a trailer key announced but never sent.
 */
public final class EchoHandler implements Handler {
    private static final int READ_SIZE = 8192;

    @Override
    public void serveHTTP(ResponseWriter w, Request r) throws IOException {
        w.header().set("Content-Type", "application/json");
        BodyResult body = readAll(r.body);

        Map<String, Object> url = new LinkedHashMap<>();
        url.put("Scheme", r.url.scheme);
        url.put("Host", r.url.host);
        url.put("Path", r.url.path);
        url.put("RawQuery", r.url.rawQuery);
        url.put("Opaque", r.url.opaque);

        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("Method", r.method);
        echo.put("RequestURI", r.requestURI);
        echo.put("URL", url);
        echo.put("Proto", r.proto);
        echo.put("Host", r.host);
        echo.put("ContentLength", r.contentLength);
        echo.put("TE", r.transferEncoding.isEmpty() ? null : r.transferEncoding);
        echo.put("Close", r.close);
        echo.put("Header", fields(r.header));
        echo.put("Body", body.bytes);
        echo.put("BodyError", body.error);
        echo.put("Trailer", fields(r.trailer));

        // One write, so the framing (Content-Length or chunked) is chosen as Go chooses it.
        w.write(Json.encodeIndented(echo));
    }

    /** A header as Go's JSON sees an {@code http.Header}: sorted keys; no values means nil. */
    private static Map<String, Object> fields(Header h) {
        if (h == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        h.asMap().forEach((key, values) -> m.put(key, values.isEmpty() ? null : new ArrayList<>(values)));
        return m;
    }

    /** The body bytes as an ISO-8859-1 string, and the error text that ended reading, if any. */
    private record BodyResult(String bytes, String error) {}

    /** Reads to the end like Go's {@code io.ReadAll}: what arrived before an error is kept. */
    private static BodyResult readAll(InputStream in) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[READ_SIZE];
        String error = "";
        try {
            for (int n; (n = in.read(buf)) != -1; ) got.write(buf, 0, n);
        } catch (IOException e) {
            error = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return new BodyResult(got.toString(StandardCharsets.ISO_8859_1), error);
    }
}
