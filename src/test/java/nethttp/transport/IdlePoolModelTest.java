package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nethttp.core.Context;
import nethttp.getconn.ConnectMethodKey;
import nethttp.getconn.WantConn;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The idle pool against a simple model, over random sequences of operations: take a connection,
 * return one, let time pass, break an idle one (with or without the read loop's clean-up having
 * run yet), close all idle ones. After every step the pool must hold exactly the model's
 * connections in the model's order, and: no connection is handed out twice, the per-host and
 * total caps hold, and every connection is out, idle or closed (none leaks).
 */
class IdlePoolModelTest {
    private static final String[] HOSTS = {"a.test:80", "b.test:80"};
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** One step: what, for which host, and a number to pick a connection or a duration. */
    record Op(int kind, int host, int arg) {
        @Override
        public String toString() {
            return switch (kind) {
                case 0 -> "dial(" + host + ")";
                case 1 -> "get(" + host + ")";
                case 2 -> "put(" + arg + ")";
                case 3 -> "tick(" + arg + "m)";
                case 4 -> "break(" + arg + (host == 0 ? ")" : ", removed)");
                default -> "closeIdle";
            };
        }
    }

    private static Gen<Op> ops() {
        Gen<Integer> kinds = integers().between(0, 12).map(k -> k <= 2 ? 0 : k <= 5 ? 1 : k <= 8 ? 2 : k <= 10 ? 3 : k == 11 ? 4 : 5);
        return kinds.zip(integers().between(0, 1), integers().between(0, 11), Op::new);
    }

    @Test
    void poolBehavesAsTheModel() {
        qt().withExamples(300)
                .forAll(integers().between(1, 3), integers().between(0, 4), lists().of(ops()).ofSizeBetween(1, 60))
                .checkAssert(this::run);
    }

    /** The model: plain lists, no threads. */
    private static final class Model {
        final Map<Integer, List<PersistConn>> idle = new HashMap<>();
        final LinkedHashSet<PersistConn> lru = new LinkedHashSet<>();
        final Map<PersistConn, Long> idleAt = new HashMap<>();
        final Set<PersistConn> out = new HashSet<>();
        final Set<PersistConn> closed = new HashSet<>();
        final Map<PersistConn, Integer> hostOf = new HashMap<>();
        boolean closeIdle;
        long now;

        List<PersistConn> idle(int host) {
            return idle.computeIfAbsent(host, h -> new ArrayList<>());
        }

        void removeIdle(PersistConn pc) {
            lru.remove(pc);
            idle(hostOf.get(pc)).remove(pc);
        }
    }

    private void run(int perHost, int maxIdle, List<Op> ops) {
        Transport t = new Transport();
        t.maxIdleConnsPerHost = perHost;
        t.maxIdleConns = maxIdle;
        t.idleConnTimeout = TIMEOUT;
        Model m = new Model();
        t.clock = () -> m.now;
        List<PersistConn> all = new ArrayList<>();
        try {
            for (Op op : ops) {
                ConnectMethodKey key = new ConnectMethodKey("http", HOSTS[op.host()]);
                switch (op.kind()) {
                    case 0 -> { // a dialed connection, in use
                        PersistConn pc = new PersistConn(t, key, new Socket(), t.nextConnId());
                        all.add(pc);
                        m.out.add(pc);
                        m.hostOf.put(pc, op.host());
                    }
                    case 1 -> get(t, m, key, op.host());
                    case 2 -> {
                        if (m.out.isEmpty()) break;
                        PersistConn pc = new ArrayList<>(m.out).stream().sorted((x, y) -> Long.compare(x.id, y.id)).toList()
                                .get(op.arg() % m.out.size());
                        m.out.remove(pc);
                        t.putOrCloseIdleConn(pc);
                        put(m, pc, perHost, maxIdle);
                    }
                    case 3 -> m.now += op.arg() * MINUTE;
                    case 4 -> {
                        List<PersistConn> idle = new ArrayList<>(m.lru);
                        idle.removeIf(m.closed::contains);
                        if (idle.isEmpty()) break;
                        PersistConn pc = idle.get(op.arg() % idle.size());
                        pc.close(new IOException("server hung up")); // what the read loop does first
                        m.closed.add(pc);
                        if (op.host() == 1) { // and then, a moment later
                            t.removeIdleConn(pc);
                            m.removeIdle(pc);
                        }
                    }
                    default -> {
                        t.closeIdleConnections();
                        m.lru.forEach(m.closed::add);
                        m.idle.values().forEach(m.closed::addAll);
                        m.idle.clear();
                        m.lru.clear();
                        m.closeIdle = true;
                    }
                }
                check(t, m, all, perHost, maxIdle, op);
            }
        } finally {
            t.closeIdleConnections();
            for (PersistConn pc : all) pc.close(new IOException("test over"));
        }
    }

    private static void get(Transport t, Model m, ConnectMethodKey key, int host) {
        WantConn<PersistConn> w = new WantConn<>(t.host, key, Context.background(), new RequestTrace(0, null, t.events));
        boolean delivered = t.idlePool.queueForIdleConn(w);
        // The model: the most recent usable connection; broken or too old ones are dropped.
        m.closeIdle = false;
        List<PersistConn> list = m.idle(host);
        PersistConn want = null;
        while (!list.isEmpty()) {
            PersistConn pc = list.get(list.size() - 1);
            boolean old = m.idleAt.get(pc) < m.now - TIMEOUT.toNanos();
            if (old && m.lru.contains(pc)) {
                m.removeIdle(pc);
                m.closed.add(pc);
            }
            if (m.closed.contains(pc) || old) {
                list.remove(pc);
                continue;
            }
            want = pc;
            m.removeIdle(pc);
            break;
        }
        if (want == null) {
            assertFalse(delivered, "nothing to deliver");
            w.cancel(new IOException("not waiting in this test"));
            return;
        }
        assertTrue(delivered);
        PersistConn got = w.pc();
        assertEquals(want.id, got.id, "the most recently used usable connection");
        assertFalse(m.out.contains(got), "handed out twice");
        assertFalse(got.isBroken(), "handed out a closed connection");
        m.out.add(got);
    }

    private static void put(Model m, PersistConn pc, int perHost, int maxIdle) {
        int host = m.hostOf.get(pc);
        if (m.closeIdle || m.idle(host).size() >= perHost) {
            m.closed.add(pc);
            return;
        }
        m.idle(host).add(pc);
        m.lru.add(pc);
        m.idleAt.put(pc, m.now);
        if (maxIdle != 0 && m.lru.size() > maxIdle) {
            PersistConn oldest = m.lru.iterator().next();
            m.removeIdle(oldest);
            m.closed.add(oldest);
        }
    }

    private static void check(Transport t, Model m, List<PersistConn> all, int perHost, int maxIdle, Op op) {
        String where = "after " + op;
        for (int h = 0; h < HOSTS.length; h++) {
            List<PersistConn> real = t.idlePool.idle(new ConnectMethodKey("http", HOSTS[h]));
            assertEquals(ids(m.idle(h)), ids(real), where + ": idle list of host " + h);
            assertTrue(real.size() <= perHost, where + ": per-host cap");
        }
        assertEquals(m.lru.size(), t.idleConnCount(), where + ": idle count");
        if (maxIdle != 0) assertTrue(t.idleConnCount() <= maxIdle, where + ": total cap");
        for (PersistConn pc : all) {
            assertEquals(m.closed.contains(pc), pc.isBroken(), where + ": closed state of conn " + pc.id);
            boolean idle = m.lru.contains(pc) || m.idle.values().stream().anyMatch(l -> l.contains(pc));
            int places = (m.out.contains(pc) ? 1 : 0) + (idle && !m.closed.contains(pc) ? 1 : 0) + (m.closed.contains(pc) ? 1 : 0);
            assertEquals(1, places, where + ": conn " + pc.id + " is out, idle or closed, exactly one");
        }
    }

    private static List<Long> ids(List<PersistConn> conns) {
        return conns.stream().map(pc -> pc.id).toList();
    }
}
