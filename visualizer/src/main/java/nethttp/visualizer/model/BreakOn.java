package nethttp.visualizer.model;

import java.util.function.Predicate;
import nethttp.core.ConnState;
import nethttp.event.ClientTraceEvent;
import nethttp.event.ConnStateEvent;
import nethttp.event.ExchangeEvent;
import nethttp.event.ThreadEvent;

/** Kinds of happening that can pause playback when reached. */
public enum BreakOn {
    NOTHING("nothing", h -> false),
    CONN_NEW("a connection is accepted", state(ConnState.NEW)),
    CONN_ACTIVE("a connection goes active", state(ConnState.ACTIVE)),
    CONN_IDLE("a connection goes idle", state(ConnState.IDLE)),
    CONN_CLOSED("a connection closes", state(ConnState.CLOSED)),
    REQUEST_READ("a request is read", exchange(ExchangeEvent.Kind.REQUEST_READ)),
    RESPONSE_HEADER("a response header is written", exchange(ExchangeEvent.Kind.RESPONSE_HEADER)),
    REQUEST_REJECTED("a request is rejected", exchange(ExchangeEvent.Kind.REQUEST_REJECTED)),
    THREAD_STARTED("a thread starts", thread(ThreadEvent.Kind.STARTED)),
    THREAD_PARKED("a thread parks", thread(ThreadEvent.Kind.PARKED)),
    CLIENT_GET_CONN("a client request asks for a connection", client(ClientTraceEvent.Kind.GET_CONN)),
    CLIENT_DIAL("a client dial starts", client(ClientTraceEvent.Kind.CONNECT_START)),
    CLIENT_RACE_DECIDED("a getConn race is decided", client(ClientTraceEvent.Kind.IDLE_WON).or(client(ClientTraceEvent.Kind.DIAL_WON))),
    CLIENT_POOLED("a connection is put in the idle pool",
            client(ClientTraceEvent.Kind.PUT_IDLE_CONN).and(BreakOn::withoutError).or(client(ClientTraceEvent.Kind.LOSER_PARKED))),
    CLIENT_WAIT_FOR_SLOT("a client request waits for a dial slot", client(ClientTraceEvent.Kind.WAIT_FOR_SLOT)),
    WIRE("bytes cross the wire", h -> h instanceof WireBytes),
    NOTE("a scenario note", h -> h instanceof Note);

    private final String label;
    private final Predicate<Happening> test;

    BreakOn(String label, Predicate<Happening> test) {
        this.label = label;
        this.test = test;
    }

    /** Whether reaching {@code h} pauses playback. */
    public boolean matches(Happening h) {
        return test.test(h);
    }

    @Override
    public String toString() {
        return label;
    }

    private static Predicate<Happening> state(ConnState s) {
        return h -> h instanceof LibraryEvent le && le.event() instanceof ConnStateEvent e && e.state() == s;
    }

    private static Predicate<Happening> exchange(ExchangeEvent.Kind k) {
        return h -> h instanceof LibraryEvent le && le.event() instanceof ExchangeEvent e && e.kind() == k;
    }

    private static Predicate<Happening> client(ClientTraceEvent.Kind k) {
        return h -> h instanceof LibraryEvent le && le.event() instanceof ClientTraceEvent e && e.kind() == k;
    }

    /** A PutIdleConn with an error put nothing in the pool: the connection is closed. */
    private static boolean withoutError(Happening h) {
        return ((ClientTraceEvent) ((LibraryEvent) h).event()).detail().isEmpty();
    }

    private static Predicate<Happening> thread(ThreadEvent.Kind k) {
        return h -> h instanceof LibraryEvent le && le.event() instanceof ThreadEvent e && e.kind() == k;
    }
}
