package nethttp.visualizer.model;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nethttp.event.ClientTraceEvent;
import nethttp.event.ConnStateEvent;
import nethttp.event.Event;
import nethttp.event.ExchangeEvent;
import nethttp.event.ThreadEvent;
import nethttp.visualizer.model.ViewState.ConnView;
import nethttp.visualizer.model.ViewState.ThreadView;
import nethttp.visualizer.model.ViewState.Traffic;

/**
 * Applies happenings one by one to reach the next {@link ViewState}. The only place where the
 * meaning of an event for the views is decided.
 */
final class StateBuilder {
    private int position;
    private final Map<Long, ConnView> conns;
    private final Map<Long, ThreadView> threads;
    private final Map<String, Traffic> bytesByAddr;
    private final ArrayDeque<WireBytes> recentWire;
    private final Map<String, ClientView> clients;

    private StateBuilder(ViewState s) {
        position = s.position();
        conns = new HashMap<>(s.conns());
        threads = new HashMap<>(s.threads());
        bytesByAddr = new HashMap<>(s.bytesByAddr());
        recentWire = new ArrayDeque<>(s.recentWire());
        clients = new HashMap<>(s.clients());
    }

    static ViewState empty() {
        return new ViewState(0, Map.of(), Map.of(), Map.of(), List.of(), Map.of());
    }

    /** A builder that continues from {@code s}. */
    static StateBuilder from(ViewState s) {
        return new StateBuilder(s);
    }

    void apply(Happening h) {
        position++;
        switch (h) {
            case LibraryEvent le -> applyEvent(le.event(), le.source());
            case WireBytes w -> {
                bytesByAddr.merge(w.clientAddr(), new Traffic(0, 0).plus(w), (a, b) -> a.plus(w));
                recentWire.addLast(w);
                if (recentWire.size() > ViewState.RECENT_WIRE) recentWire.removeFirst();
            }
            case Note n -> {}
        }
    }

    private void applyEvent(Event e, String source) {
        switch (e) {
            case ConnStateEvent s -> {
                ConnView old = conns.get(s.conn());
                int requests = old == null ? 0 : old.requests();
                String last = old == null ? "" : old.lastExchange();
                conns.put(s.conn(), new ConnView(s.conn(), s.remoteAddr(), s.state(), requests, last));
            }
            case ThreadEvent t -> {
                switch (t.kind()) {
                    case STARTED, RUNNING -> threads.put(t.thread(), new ThreadView(t.thread(), t.role(), t.conn(), false, "", source));
                    case PARKED -> threads.put(t.thread(), new ThreadView(t.thread(), t.role(), t.conn(), true, t.on(), source));
                    case ENDED -> threads.remove(t.thread());
                }
            }
            case ExchangeEvent x -> {
                ConnView old = conns.get(x.conn());
                if (old == null) return;
                int requests = old.requests() + (x.kind() == ExchangeEvent.Kind.REQUEST_READ ? 1 : 0);
                String last = Describe.exchangeKind(x.kind()) + ": " + x.detail();
                conns.put(x.conn(), new ConnView(old.id(), old.remoteAddr(), old.state(), requests, last));
            }
            case ClientTraceEvent c -> {
                ClientPoolBuilder b = new ClientPoolBuilder(clients.getOrDefault(source, ClientView.empty(source)));
                b.apply(c);
                clients.put(source, b.build());
            }
        }
    }

    ViewState build() {
        return new ViewState(position, conns, threads, bytesByAddr, List.copyOf(recentWire), clients);
    }
}
