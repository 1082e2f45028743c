package nethttp.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import nethttp.core.Flusher;
import nethttp.core.Replies;
import nethttp.core.Request;
import nethttp.core.ResponseWriter;
import nethttp.mux.ServeMux;
import nethttp.server.Server;

/**
 * This project's server with the routes the load driver measures; {@code go/server/main.go}
 * serves the same routes on Go's net/http, so the two answer every request with the same bytes.
 *
 * <ul>
 *   <li>{@code /} says hello, as the demo server does;
 *   <li>{@code /body} reads the request body to its end, then answers with it;
 *   <li>{@code /stream?kib=N} sends N KiB (default 1024) in 16 KiB writes, flushing each: a chunked
 *       response.
 * </ul>
 *
 * <p>Usage: {@code BenchServer HOST:PORT [--events]}. With {@code --events} one subscriber on the
 * server's {@link nethttp.event.EventBus} counts every event: the cost of building and delivering
 * the events that the visualizer and {@code --trace} consume, without the cost of showing them.
 */
public final class BenchServer {
    static final int PIECE = 16 * 1024;

    private BenchServer() {}

    public static void main(String[] args) throws IOException {
        Server srv = server(List.of(args).contains("--events") ? new LongAdder() : null);
        ServerSocket ss = Server.listen(args[0]);
        System.out.println("serving on " + args[0]);
        srv.serve(ss);
    }

    /** The server with its routes; when {@code events} is given, a subscriber counts into it. */
    static Server server(LongAdder events) {
        Server srv = new Server();
        ServeMux mux = new ServeMux();
        mux.handleFunc("/", BenchServer::hello);
        mux.handleFunc("/body", BenchServer::body);
        mux.handleFunc("/stream", BenchServer::stream);
        srv.handler = mux;
        if (events != null) srv.events.subscribe(e -> events.increment());
        return srv;
    }

    static void hello(ResponseWriter w, Request r) throws IOException {
        if (!r.url.path.equals("/")) {
            Replies.notFound(w, r);
            return;
        }
        w.writeString("Hello from nethttp!\n");
    }

    /** Reads first: once a reply is flushed, the request body may be gone, as in Go. */
    static void body(ResponseWriter w, Request r) throws IOException {
        byte[] got;
        try {
            got = r.body.readAllBytes();
        } catch (IOException e) {
            Replies.error(w, e.getMessage(), 400);
            return;
        }
        w.header().set("Content-Type", "application/octet-stream");
        w.write(got);
    }

    static void stream(ResponseWriter w, Request r) throws IOException {
        int kib;
        try {
            kib = Integer.parseInt(queryValue(r.url.rawQuery, "kib"));
        } catch (NumberFormatException e) {
            kib = 1024;
        }
        if (kib <= 0) kib = 1024;
        byte[] piece = new byte[PIECE];
        for (int i = 0; i < piece.length; i++) piece[i] = (byte) ('a' + i % 26);
        w.header().set("Content-Type", "application/octet-stream");
        for (int left = kib * 1024; left > 0; left -= PIECE) {
            w.write(piece, 0, Math.min(PIECE, left));
            ((Flusher) w).flush();
        }
    }

    /** The value of {@code name=} in a query of plain pairs, or "" when it is missing. */
    static String queryValue(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        return "";
    }
}
