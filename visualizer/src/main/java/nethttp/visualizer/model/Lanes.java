package nethttp.visualizer.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nethttp.event.ConnStateEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;

/**
 * The history of every lane, kept as it grows so the lane view can draw any prefix of a
 * recording without replaying it: a connection lane holds the connection's states, a thread lane
 * the running and parked spans of the threads of one role on one connection (a connection has
 * one background read at a time, so they share a lane).
 *
 * <p>Each change is stored with the index of the happening that caused it; the view draws the
 * changes whose index is below its position, so what it draws is still a function of that prefix.
 */
public final class Lanes {

    /** Whether a lane follows a connection or threads. */
    public enum Kind { CONN, THREAD }

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
        private final long conn;
        private final ThreadRole role;
        private final List<Change> changes = new ArrayList<>();
        private final List<WireMark> wire = new ArrayList<>();
        private long currentThread;
        private String remoteAddr = "";

        Lane(Kind kind, long conn, ThreadRole role) {
            this.kind = kind;
            this.conn = conn;
            this.role = role;
        }

        public Kind kind() {
            return kind;
        }

        public long conn() {
            return conn;
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

        /** A short name: {@code conn 3}, {@code conn-serve #3}, {@code accept}. */
        public String label() {
            if (kind == Kind.CONN) return "conn " + conn;
            String name = Describe.roleName(role);
            return conn == 0 ? name : name + " #" + conn;
        }
    }

    private record Key(long conn, int order) {}

    private final TreeMap<Key, Lane> lanes = new TreeMap<>(Comparator.comparingLong(Key::conn).thenComparingInt(Key::order));
    private final Map<String, Lane> connByAddr = new HashMap<>();
    private final Map<String, List<WireMark>> unclaimedWire = new HashMap<>();

    /** Records happening {@code index}. */
    void add(int index, Happening h) {
        switch (h) {
            case LibraryEvent le when le.event() instanceof ConnStateEvent s -> {
                Lane lane = lanes.computeIfAbsent(new Key(s.conn(), 0), k -> new Lane(Kind.CONN, s.conn(), null));
                if (lane.remoteAddr.isEmpty()) {
                    lane.remoteAddr = s.remoteAddr();
                    connByAddr.put(s.remoteAddr(), lane);
                    List<WireMark> early = unclaimedWire.remove(s.remoteAddr());
                    if (early != null) lane.wire.addAll(early);
                }
                lane.changes.add(new Change(index, s.state().goName(), ""));
            }
            case LibraryEvent le when le.event() instanceof ThreadEvent t -> addThreadChange(index, t);
            case WireBytes w -> {
                WireMark mark = new WireMark(index, w);
                Lane lane = connByAddr.get(w.clientAddr());
                if (lane != null) lane.wire.add(mark);
                else unclaimedWire.computeIfAbsent(w.clientAddr(), a -> new ArrayList<>()).add(mark);
            }
            default -> {}
        }
    }

    private void addThreadChange(int index, ThreadEvent t) {
        Lane lane = lanes.computeIfAbsent(new Key(t.conn(), 1 + t.role().ordinal()), k -> new Lane(Kind.THREAD, t.conn(), t.role()));
        if (t.kind() == ThreadEvent.Kind.STARTED) lane.currentThread = t.thread();
        else if (t.thread() != lane.currentThread) return; // the tail of a thread a newer one replaced
        String state = switch (t.kind()) {
            case STARTED, RUNNING -> "running";
            case PARKED -> "parked";
            case ENDED -> "ended";
        };
        lane.changes.add(new Change(index, state, t.on()));
    }

    /** Every lane, the accept loop first, then each connection followed by its threads. */
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
