package nethttp.visualizer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nethttp.event.ClientTraceEvent;

/**
 * Applies one transport's events to its {@link ClientView}: where the pool and the queues of the
 * client are decided for the views.
 *
 * <p>The events of a round trip come from several threads, so two that happen together may be
 * recorded in either order. When a finished response hands its connection straight to a waiting
 * request, the waiter's GotConn can come before the giver's PutIdleConn; a PutIdleConn therefore
 * pools the connection only while the request it reports for still holds it.
 */
final class ClientPoolBuilder {
    private final String source;
    private final Map<String, List<Long>> idle = new HashMap<>();
    private final Map<String, List<Long>> waitingIdle = new HashMap<>();
    private final Map<String, List<Long>> waitingSlot = new HashMap<>();
    private final Map<Long, Long> dialing;
    private final Map<Long, Long> inUse;
    private final Map<Long, String> connHost;
    private final Map<Long, String> requestHost;

    ClientPoolBuilder(ClientView v) {
        source = v.source();
        v.idle().forEach((k, l) -> idle.put(k, new ArrayList<>(l)));
        v.waitingIdle().forEach((k, l) -> waitingIdle.put(k, new ArrayList<>(l)));
        v.waitingSlot().forEach((k, l) -> waitingSlot.put(k, new ArrayList<>(l)));
        dialing = new HashMap<>(v.dialing());
        inUse = new HashMap<>(v.inUse());
        connHost = new HashMap<>(v.connHost());
        requestHost = new HashMap<>(v.requestHost());
    }

    void apply(ClientTraceEvent e) {
        long conn = e.conn(), req = e.request();
        switch (e.kind()) {
            case GET_CONN -> {
                requestHost.put(req, e.detail());
                list(waitingIdle, e.detail()).add(req);
            }
            case WAIT_FOR_SLOT -> list(waitingSlot, hostOfRequest(req)).add(req);
            case CONNECT_START -> {
                connHost.put(conn, e.detail());
                dialing.put(conn, req);
                list(waitingSlot, e.detail()).remove(Long.valueOf(req)); // a permission came
            }
            case CONNECT_DONE -> dialing.remove(conn);
            case GOT_CONN -> {
                String host = hostOfRequest(req);
                list(waitingIdle, host).remove(Long.valueOf(req));
                list(waitingSlot, host).remove(Long.valueOf(req));
                list(idle, hostOfConn(conn)).remove(Long.valueOf(conn));
                inUse.put(conn, req);
            }
            case PUT_IDLE_CONN -> {
                if (!Long.valueOf(req).equals(inUse.get(conn))) return; // already handed on to a waiter
                inUse.remove(conn);
                if (e.detail().isEmpty()) pool(conn);
            }
            case LOSER_PARKED -> {
                if (!inUse.containsKey(conn)) pool(conn);
            }
            case LOSER_CLOSED, CONN_CLOSED -> forget(conn);
            default -> {
                // steps of a round trip on its connection: nothing changes in the pool or the queues
            }
        }
    }

    private void pool(long conn) {
        List<Long> l = list(idle, hostOfConn(conn));
        l.remove(Long.valueOf(conn));
        l.add(0, conn);
    }

    private void forget(long conn) {
        list(idle, hostOfConn(conn)).remove(Long.valueOf(conn));
        inUse.remove(conn);
        dialing.remove(conn);
    }

    private String hostOfRequest(long req) {
        return requestHost.getOrDefault(req, "");
    }

    private String hostOfConn(long conn) {
        return connHost.getOrDefault(conn, "");
    }

    private static List<Long> list(Map<String, List<Long>> m, String host) {
        return m.computeIfAbsent(host, h -> new ArrayList<>());
    }

    ClientView build() {
        return new ClientView(source, idle, waitingIdle, waitingSlot, dialing, inUse, connHost, requestHost);
    }
}
