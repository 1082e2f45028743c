package nethttp.visualizer.model;

import java.util.List;
import java.util.Map;

/**
 * One client transport as its events describe it at a step: the idle pool and the requests
 * waiting for a connection, by host. Built only from the transport's {@code ClientTraceEvent}s,
 * so it is as exact when stepping back as when playing forward.
 *
 * @param source        the transport's label
 * @param idle          per host ({@code host:port}), the idle connections, most recently used
 *                      first: the one the next request takes
 * @param waitingIdle   per host, the requests that asked for a connection and have none yet,
 *                      oldest first (Go 1.13's {@code idleConnWait} queue; Go 1.12's requests
 *                      listening for a handed-over connection)
 * @param waitingSlot   per host, the requests waiting for permission to dial because the host
 *                      has {@code MaxConnsPerHost} connections, oldest first (Go 1.13's
 *                      {@code connsPerHostWait})
 * @param dialing       connections being dialed, with the request whose dial it is
 * @param inUse         connections carrying a request, with that request
 * @param connHost      the host of every connection dialed so far
 * @param requestHost   the host every request asked for
 */
public record ClientView(String source, Map<String, List<Long>> idle, Map<String, List<Long>> waitingIdle,
        Map<String, List<Long>> waitingSlot, Map<Long, Long> dialing, Map<Long, Long> inUse,
        Map<Long, String> connHost, Map<Long, String> requestHost) {

    public ClientView {
        idle = copy(idle);
        waitingIdle = copy(waitingIdle);
        waitingSlot = copy(waitingSlot);
        dialing = Map.copyOf(dialing);
        inUse = Map.copyOf(inUse);
        connHost = Map.copyOf(connHost);
        requestHost = Map.copyOf(requestHost);
    }

    static ClientView empty(String source) {
        return new ClientView(source, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The idle connections of {@code host}, most recently used first. */
    public List<Long> idleOf(String host) {
        return idle.getOrDefault(host, List.of());
    }

    /** The requests of {@code host} waiting for a connection, oldest first. */
    public List<Long> waitingIdleOf(String host) {
        return waitingIdle.getOrDefault(host, List.of());
    }

    /** The requests of {@code host} waiting for permission to dial, oldest first. */
    public List<Long> waitingSlotOf(String host) {
        return waitingSlot.getOrDefault(host, List.of());
    }

    private static Map<String, List<Long>> copy(Map<String, List<Long>> m) {
        Map<String, List<Long>> out = new java.util.HashMap<>();
        m.forEach((k, v) -> {
            if (!v.isEmpty()) out.put(k, List.copyOf(v));
        });
        return Map.copyOf(out);
    }
}
