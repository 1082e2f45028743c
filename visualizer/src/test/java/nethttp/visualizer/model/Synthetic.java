package nethttp.visualizer.model;

import java.util.ArrayList;
import java.util.List;
import nethttp.core.ConnState;
import nethttp.event.ConnStateEvent;
import nethttp.event.ExchangeEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;

/** Recordings made up in code, the same every time. */
public final class Synthetic {
    private Synthetic() {}

    /**
     * {@code conns} connections, each with a conn-serve thread serving {@code requests} requests
     * with a background read each, interleaved round-robin, so that many lanes change at once.
     */
    public static Recording servers(int conns, int requests) {
        List<Happening> out = new ArrayList<>();
        long[] t = {1_000};
        java.util.function.Consumer<nethttp.event.Event> add = e -> out.add(new LibraryEvent(e));
        for (int c = 1; c <= conns; c++) {
            String addr = "127.0.0.1:" + (40000 + c);
            out.add(new WireBytes(t[0]++, addr, WireBytes.Direction.TO_SERVER, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
            add.accept(new ConnStateEvent(t[0]++, c, addr, ConnState.NEW));
            add.accept(new ThreadEvent(t[0]++, c, 1000 + c, ThreadRole.CONN_SERVE, ThreadEvent.Kind.STARTED, ""));
            add.accept(new ThreadEvent(t[0]++, c, 1000 + c, ThreadRole.CONN_SERVE, ThreadEvent.Kind.PARKED, "read request"));
        }
        for (int r = 0; r < requests; r++) {
            for (int c = 1; c <= conns; c++) {
                String addr = "127.0.0.1:" + (40000 + c);
                long bg = 100_000L * (r + 1) + c;
                add.accept(new ThreadEvent(t[0]++, c, 1000 + c, ThreadRole.CONN_SERVE, ThreadEvent.Kind.RUNNING, ""));
                add.accept(new ConnStateEvent(t[0]++, c, addr, ConnState.ACTIVE));
                add.accept(new ExchangeEvent(t[0]++, c, ExchangeEvent.Kind.REQUEST_READ, "GET / HTTP/1.1"));
                add.accept(new ThreadEvent(t[0]++, c, bg, ThreadRole.BACKGROUND_READ, ThreadEvent.Kind.STARTED, ""));
                add.accept(new ThreadEvent(t[0]++, c, bg, ThreadRole.BACKGROUND_READ, ThreadEvent.Kind.PARKED, "read next byte"));
                add.accept(new ExchangeEvent(t[0]++, c, ExchangeEvent.Kind.RESPONSE_HEADER, "200 OK"));
                out.add(new WireBytes(t[0]++, addr, WireBytes.Direction.TO_CLIENT, "HTTP/1.1 200 OK\r\n\r\n"));
                add.accept(new ThreadEvent(t[0]++, c, bg, ThreadRole.BACKGROUND_READ, ThreadEvent.Kind.RUNNING, ""));
                add.accept(new ThreadEvent(t[0]++, c, bg, ThreadRole.BACKGROUND_READ, ThreadEvent.Kind.ENDED, ""));
                add.accept(new ConnStateEvent(t[0]++, c, addr, ConnState.IDLE));
                add.accept(new ThreadEvent(t[0]++, c, 1000 + c, ThreadRole.CONN_SERVE, ThreadEvent.Kind.PARKED, "read request"));
            }
        }
        for (int c = 1; c <= conns; c++) {
            String addr = "127.0.0.1:" + (40000 + c);
            add.accept(new ConnStateEvent(t[0]++, c, addr, ConnState.CLOSED));
            add.accept(new ThreadEvent(t[0]++, c, 1000 + c, ThreadRole.CONN_SERVE, ThreadEvent.Kind.ENDED, ""));
        }
        out.add(new Note(t[0]++, "done"));
        return new Recording("synthetic", out);
    }

    /** The view state after {@code position} happenings, by applying them one by one from nothing. */
    static ViewState fold(Recording rec, int position) {
        StateBuilder b = StateBuilder.from(StateBuilder.empty());
        for (int i = 0; i < position; i++) b.apply(rec.happenings().get(i));
        return b.build();
    }
}
