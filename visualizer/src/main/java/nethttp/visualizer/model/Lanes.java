package nethttp.visualizer.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nethttp.event.ClientTraceEvent;
import nethttp.event.ConnStateEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;

/**
 * The history of every lane, kept as it grows so the lane view can draw any prefix of a
 * recording without replaying it: a connection lane holds the connection's states, a thread lane
 * the running and parked spans of the threads of one role on one connection (a connection has
 * one background read at a time, so they share a lane).
 *
 * <p>A client transport's lanes come first, grouped by its label in the order of the
 * labels, then the server's: each client connection has a lane of its life as the client
 * sees it ({@link #CLIENT_STATES}), followed by its dial, read-loop and write-loop threads.
 *
 * <p>Each change is stored with the index of the happening that caused it; the view draws the
 * changes whose index is below its position, so what it draws is still a function of that prefix.
 */
public final class Lanes {

    /** Whether a lane follows a server's connection, a client's connection, or threads. */
    public enum Kind { CONN, CLIENT_CONN, THREAD }

    /**
     * The states of a client connection lane: dialing from ConnectStart; in use by a request from
     * its GotConn; idle in the pool from PutIdleConn (or from the parking of a dial that lost its
     * race); closed when the transport closes it.
     */
    public static final List<String> CLIENT_STATES = List.of("dialing", "in use", "idle", "closed");

    /**
     * A change on a lane at happening {@code index}. For a connection lane {@code state} is the
     * ConnState's name; for a thread lane it is {@code running}, {@code parked} or {@code ended},
     * and {@code on} says what a parked thread waits for.
     */
    public record Change(int index, String state, String on) {}

    /** A tick on a connection lane where bytes crossed the wire. */
    public record WireMark(int index, WireBytes wire) {}

    /** One lane of the view. */
    public static final class Lane {
        private final Kind kind;
        private final String source;
        private final long conn;
        private final ThreadRole role;
        private final List<Change> changes = new ArrayList<>();
        private final List<WireMark> wire = new ArrayList<>();
        private long currentThread;
        private String remoteAddr = "";
        private String localAddr = "";
        /** On a client connection lane: the request using the connection, 0 when none. */
        private long user;

        Lane(Kind kind, String source, long conn, ThreadRole role) {
            this.kind = kind;
            this.source = source;
            this.conn = conn;
            this.role = role;
        }

        public Kind kind() {
            return kind;
        }

        public long conn() {
            return conn;
        }

        /** Empty for the server's lanes, else the label of the client transport. */
        public String source() {
            return source;
        }

        /** The threads' role, null on a connection lane. */
        public ThreadRole role() {
            return role;
        }

        public List<Change> changes() {
            return changes;
        }

        public List<WireMark> wire() {
            return wire;
        }

        public String remoteAddr() {
            return remoteAddr;
        }

        /**
         * The client's end of the connection, {@code ip:port}, which both ends know: the
         * server's remote address, or the local address a client connection dialed from (empty
         * when the recording does not say).
         */
        public String clientAddr() {
            return kind == Kind.CLIENT_CONN ? localAddr : kind == Kind.CONN ? remoteAddr : "";
        }

        /** The index of the happening that opened this lane. */
        public int firstIndex() {
            return changes.isEmpty() ? Integer.MAX_VALUE : changes.get(0).index();
        }

        /** The last change before {@code position}, or null when the lane has not begun there. */
        public Change changeAt(int position) {
            Change found = null;
            int lo = 0, hi = changes.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (changes.get(mid).index() < position) {
                    found = changes.get(mid);
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }

        /**
         * A short name: {@code conn 3}, {@code conn-serve #3}, {@code accept}; a client's lanes
         * start with the transport's label: {@code go1.13 conn 1}, {@code go1.13 read-loop #1}.
         */
        public String label() {
            String prefix = source.isEmpty() ? "" : source + " ";
            if (kind != Kind.THREAD) return prefix + "conn " + conn;
            String name = Describe.roleName(role);
            return prefix + (conn == 0 ? name : name + " #" + conn);
        }
    }

    /** Where a lane sorts: the client transports by label, the server last; then connection and role. */
    private record Key(boolean server, String source, long conn, int order) {
        Key(String source, long conn, int order) {
            this(source.isEmpty(), source, conn, order);
        }
    }

    private final TreeMap<Key, Lane> lanes = new TreeMap<>(Comparator.comparing(Key::server).thenComparing(Key::source)
            .thenComparingLong(Key::conn).thenComparingInt(Key::order));
    private final Map<String, Lane> connByAddr = new HashMap<>();
    private final Map<String, List<WireMark>> unclaimedWire = new HashMap<>();

    /** Records happening {@code index}. */
    void add(int index, Happening h) {
        switch (h) {
            case LibraryEvent le when le.event() instanceof ConnStateEvent s -> {
                Lane lane = lanes.computeIfAbsent(new Key("", s.conn(), 0), k -> new Lane(Kind.CONN, "", s.conn(), null));
                if (lane.remoteAddr.isEmpty()) {
                    lane.remoteAddr = s.remoteAddr();
                    connByAddr.put(s.remoteAddr(), lane);
                    List<WireMark> early = unclaimedWire.remove(s.remoteAddr());
                    if (early != null) lane.wire.addAll(early);
                }
                lane.changes.add(new Change(index, s.state().goName(), ""));
            }
            case LibraryEvent le when le.event() instanceof ThreadEvent t -> addThreadChange(index, t, le.source());
            case LibraryEvent le when le.event() instanceof ClientTraceEvent c -> addClientChange(index, c, le.source());
            case Note n -> {
                Dialed d = Dialed.parse(n.text());
                if (d == null) return;
                Lane lane = lanes.get(new Key(d.source(), d.conn(), 0));
                if (lane != null && lane.kind == Kind.CLIENT_CONN) lane.localAddr = d.from();
            }
            case WireBytes w -> {
                WireMark mark = new WireMark(index, w);
                Lane lane = connByAddr.get(w.clientAddr());
                if (lane != null) lane.wire.add(mark);
                else unclaimedWire.computeIfAbsent(w.clientAddr(), a -> new ArrayList<>()).add(mark);
            }
            default -> {}
        }
    }

    /**
     * The note a scenario's dialer writes when a client connection is up: which transport's
     * connection it is and the local address it dialed from, the address the server sees.
     */
    public record Dialed(String source, long conn, String from) {
        private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("(\\S+) conn (\\d+) dialed from (\\S+)");

        /** The note's text. */
        public String text() {
            return source + " conn " + conn + " dialed from " + from;
        }

        /** The dial a note tells of, or null for another note. */
        public static Dialed parse(String text) {
            var m = FORM.matcher(text);
            return m.matches() ? new Dialed(m.group(1), Long.parseLong(m.group(2)), m.group(3)) : null;
        }
    }

    private void addThreadChange(int index, ThreadEvent t, String source) {
        Lane lane = lanes.computeIfAbsent(new Key(source, t.conn(), 1 + t.role().ordinal()),
                k -> new Lane(Kind.THREAD, source, t.conn(), t.role()));
        if (t.kind() == ThreadEvent.Kind.STARTED) lane.currentThread = t.thread();
        else if (t.thread() != lane.currentThread) return; // the tail of a thread a newer one replaced
        String state = switch (t.kind()) {
            case STARTED, RUNNING -> "running";
            case PARKED -> "parked";
            case ENDED -> "ended";
        };
        lane.changes.add(new Change(index, state, t.on()));
    }

    /** A client connection's life; see {@link #CLIENT_STATES} and {@code ClientPoolBuilder} for the order of events. */
    private void addClientChange(int index, ClientTraceEvent c, String source) {
        if (c.conn() == 0) return;
        Lane lane = lanes.computeIfAbsent(new Key(source, c.conn(), 0), k -> new Lane(Kind.CLIENT_CONN, source, c.conn(), null));
        switch (c.kind()) {
            case CONNECT_START -> {
                lane.remoteAddr = c.detail();
                lane.changes.add(new Change(index, "dialing", "for req " + Describe.requestName(c.request())));
            }
            case GOT_CONN -> {
                lane.user = c.request();
                lane.changes.add(new Change(index, "in use", "req " + Describe.requestName(c.request())));
            }
            case PUT_IDLE_CONN -> {
                if (lane.user != c.request()) return; // handed straight on: the next GotConn came first
                lane.user = 0;
                if (c.detail().isEmpty()) lane.changes.add(new Change(index, "idle", ""));
            }
            case LOSER_PARKED -> {
                if (lane.user == 0) lane.changes.add(new Change(index, "idle", "parked loser"));
            }
            case LOSER_CLOSED, CONN_CLOSED -> {
                lane.user = 0;
                lane.changes.add(new Change(index, "closed", c.detail()));
            }
            default -> {}
        }
    }

    /**
     * Every lane: each client transport's connections, each followed by its threads; then the
     * server's accept loop, then each of its connections followed by its threads.
     */
    public List<Lane> all() {
        return List.copyOf(lanes.values());
    }

    /** The lanes that have begun before {@code position}. */
    public List<Lane> visibleAt(int position) {
        List<Lane> out = new ArrayList<>();
        for (Lane l : lanes.values()) if (l.firstIndex() < position) out.add(l);
        return out;
    }
}
