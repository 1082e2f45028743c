package nethttp.visualizer.model;

import java.util.List;
import java.util.Map;
import nethttp.core.ConnState;
import nethttp.event.ThreadRole;

/**
 * What the views show after the first {@code position} happenings of a recording, and nothing
 * else: a pure function of those happenings, so stepping back, scrubbing and replaying a saved
 * file all land on equal states.
 *
 * @param position    how many happenings have been applied
 * @param conns       every connection seen so far, by id, closed ones included
 * @param threads     the live threads, by thread id
 * @param bytesByAddr bytes seen on the wire, by the client's address
 * @param recentWire  the latest pieces of wire traffic, oldest first
 * @param clients     the scenario's client transports, by label: their idle pools and queues
 */
public record ViewState(int position, Map<Long, ConnView> conns, Map<Long, ThreadView> threads,
        Map<String, Traffic> bytesByAddr, List<WireBytes> recentWire, Map<String, ClientView> clients) {

    /** How many pieces of wire traffic {@link #recentWire} keeps. */
    public static final int RECENT_WIRE = 12;

    public ViewState {
        conns = Map.copyOf(conns);
        threads = Map.copyOf(threads);
        bytesByAddr = Map.copyOf(bytesByAddr);
        recentWire = List.copyOf(recentWire);
        clients = Map.copyOf(clients);
    }

    /** A connection as the server last reported it. */
    public record ConnView(long id, String remoteAddr, ConnState state, int requests, String lastExchange) {}

    /**
     * A thread the library started, running or parked.
     *
     * @param source empty for the server's threads, else the label of the client transport
     */
    public record ThreadView(long id, ThreadRole role, long conn, boolean parked, String on, String source) {}

    /** Bytes each way on one connection. */
    public record Traffic(long toServer, long toClient) {
        public Traffic plus(WireBytes w) {
            long n = w.bytes().length();
            return w.direction() == WireBytes.Direction.TO_SERVER ? new Traffic(toServer + n, toClient) : new Traffic(toServer, toClient + n);
        }
    }

    /** Bytes seen on connection {@code c}, none if its client sent nothing yet. */
    public Traffic trafficOf(ConnView c) {
        return bytesByAddr.getOrDefault(c.remoteAddr(), new Traffic(0, 0));
    }
}
