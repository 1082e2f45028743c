package nethttp.demo;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nethttp.core.Flusher;
import nethttp.core.Handler;
import nethttp.core.Replies;
import nethttp.core.Request;
import nethttp.core.ResponseWriter;
import nethttp.mux.ServeMux;

/**
 * The demo server's routes. The differential suite runs the same routes on Go's net/http, so
 * every byte these handlers write is compared with Go's.
 *
 * <ul>
 *   <li>{@code /} says hello; any other unmatched path is a 404.
 *   <li>{@code /echo} answers with the request as the server parsed it, as JSON.
 *   <li>{@code /stream?n=5&delay=200} sends {@code n} lines, flushing each, {@code delay}
 *       milliseconds apart: a chunked response you can watch arrive.
 *   <li>{@code /slow?delay=2000} waits, then answers: for trying timeouts and shutdown. It
 *       watches the request's context, so it stops early when the client hangs up.
 * </ul>
 */
public final class DemoRoutes {
    private DemoRoutes() {}

    /** The handler behind the demo server. */
    public static Handler handler() {
        ServeMux mux = new ServeMux();
        register(mux);
        return mux;
    }

    /** Registers the demo routes on {@code mux}, which may serve routes of its own besides. */
    public static void register(ServeMux mux) {
        mux.handleFunc("/", DemoRoutes::hello);
        mux.handle("/echo", new EchoHandler());
        mux.handleFunc("/stream", DemoRoutes::stream);
        mux.handleFunc("/slow", DemoRoutes::slow);
    }

    static void hello(ResponseWriter w, Request r) throws IOException {
        if (!r.url.path.equals("/")) {
            Replies.notFound(w, r);
            return;
        }
        w.writeString("Hello from nethttp!\n");
    }

    static void stream(ResponseWriter w, Request r) throws IOException, InterruptedException {
        int n = intParam(r, "n", 1, 100, 5);
        int delay = intParam(r, "delay", 0, 5000, 200);
        w.header().set("Content-Type", "text/plain; charset=utf-8");
        for (int i = 1; i <= n; i++) {
            w.writeString("chunk " + i + " of " + n + "\n");
            ((Flusher) w).flush();
            if (i < n) Thread.sleep(delay);
        }
    }

    /** Waits, unless the client hangs up first: then there is no one to answer. */
    // tag::slow[]
    static void slow(ResponseWriter w, Request r) throws IOException {
        int delay = intParam(r, "delay", 0, 10000, 2000);
        if (r.context.done().await(Duration.ofMillis(delay))) {
            return; // Go: case <-r.Context().Done()
        }
        w.writeString("slow response after " + delay + " ms\n");
    }
    // end::slow[]

    /** A query parameter as a number within bounds, or the default when absent or invalid. */
    static int intParam(Request r, String name, int min, int max, int dflt) {
        String v = queryValue(r.url.rawQuery, name);
        try {
            int x = Integer.parseInt(v);
            return x < min || x > max ? dflt : x;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /**
     * The first value of {@code name} in a raw query, as Go's {@code url.Values.Get} on
     * {@code ParseQuery} gives it; empty when absent. Pairs with a semicolon or a bad escape are
     * skipped, as Go skips them.
     */
    static String queryValue(String rawQuery, String name) {
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                if (URLDecoder.decode(k, StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(v, StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException badEscape) {
                // skipped, as Go skips it
            }
        }
        return "";
    }
}
