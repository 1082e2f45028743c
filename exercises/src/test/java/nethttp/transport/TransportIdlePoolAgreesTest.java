package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nethttp.core.Context;
import nethttp.exercises.Conn;
import nethttp.exercises.Verdict;
import nethttp.exercises.graders.IdlePoolExercise;
import nethttp.exercises.graders.IdlePoolModel;
import nethttp.getconn.ConnectMethodKey;
import nethttp.getconn.WantConn;
import org.junit.jupiter.api.Test;

/**
 * Exercise 09 grades students against {@link IdlePoolModel}, a restatement of the Transport's
 * idle pool. Here the Transport's own pool is graded like a student's, through the same
 * scenarios: it must pass every property, so the model says what the Transport does.
 *
 * <p>The test sits in the Transport's package to reach its pool. Time is the Transport's
 * replaceable clock; when time passes, the idle timers that would have fired by then are run,
 * oldest first, as the timer thread would run them.
 */
class TransportIdlePoolAgreesTest {
    private static final List<Long> SEEDS = List.of(20220802L, 1L, 42L, 777L, 31337L);

    @Test
    void theTransportsPoolPassesTheGrader() {
        IdlePoolExercise ex = new IdlePoolExercise();
        for (long seed : SEEDS) {
            List<Verdict> vs = ex.grade(TransportPool::new, seed);
            assertTrue(vs.stream().allMatch(Verdict::passed), () -> "seed " + seed + ": "
                    + vs.stream().filter(v -> !v.passed()).map(Verdict::toString).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void theModelIsNotTriviallyAgreeable() {
        // The same grading rejects a pool that never keeps anything, so passing above means something.
        IdlePoolExercise ex = new IdlePoolExercise();
        List<Verdict> vs = ex.grade((a, b, c) -> new IdlePoolExercise.Pool() {
            @Override
            public boolean put(Conn conn) {
                return false;
            }

            @Override
            public Conn get(String key) {
                return null;
            }

            @Override
            public void closeIdle() {}

            @Override
            public void tick(Duration elapsed) {}
        }, SEEDS.get(0));
        assertTrue(vs.stream().noneMatch(Verdict::passed));
    }

    /** The Transport's idle pool behind the exercise's interface; each Conn stands for a PersistConn. */
    private static final class TransportPool implements IdlePoolExercise.Pool {
        private final Transport t = new Transport();
        private long now;
        private final Map<Conn, PersistConn> pcs = new HashMap<>();

        TransportPool(int maxIdleConnsPerHost, int maxIdleConns, Duration idleConnTimeout) {
            t.maxIdleConnsPerHost = maxIdleConnsPerHost;
            t.maxIdleConns = maxIdleConns;
            t.idleConnTimeout = idleConnTimeout;
            t.clock = () -> now;
            t.errorLog = msg -> {};
        }

        private static ConnectMethodKey key(String key) {
            int colon = key.indexOf("://");
            return new ConnectMethodKey(key.substring(0, colon), key.substring(colon + 3));
        }

        @Override
        public boolean put(Conn conn) {
            PersistConn pc = pcs.computeIfAbsent(conn, c -> new PersistConn(t, key(c.key()), new Socket(), c.id()));
            if (conn.isBroken()) pc.close(new IOException("server hung up"));
            boolean kept = t.idlePool.tryPutIdleConn(pc) == null;
            syncClosed();
            return kept;
        }

        @Override
        public Conn get(String key) {
            WantConn<PersistConn> w = new WantConn<>(t.host, key(key), Context.background(), new RequestTrace(0, null, t.events));
            boolean delivered = t.idlePool.queueForIdleConn(w);
            if (!delivered) w.cancel(new IOException("no idle connection; this test dials none"));
            syncClosed();
            return delivered ? connOf(w.pc()) : null;
        }

        @Override
        public void closeIdle() {
            t.closeIdleConnections();
            syncClosed();
        }

        @Override
        public void tick(Duration elapsed) {
            now += elapsed.toNanos();
            if (t.idleConnTimeout.isPositive()) {
                List<PersistConn> idle = new ArrayList<>();
                for (String host : IdlePoolExercise.HOSTS) idle.addAll(t.idlePool.idle(key(host)));
                idle.sort((x, y) -> Long.compare(x.idleAt, y.idleAt));
                for (PersistConn pc : idle) {
                    if (now - pc.idleAt >= t.idleConnTimeout.toNanos()) t.idlePool.closeConnIfStillIdle(pc);
                }
            }
            syncClosed();
        }

        /** Whatever the Transport closed, the grader sees closed. */
        private void syncClosed() {
            pcs.forEach((c, pc) -> {
                if (pc.isBroken()) c.close();
            });
        }

        private Conn connOf(PersistConn pc) {
            return pcs.entrySet().stream().filter(e -> e.getValue() == pc).map(Map.Entry::getKey).findFirst().orElseThrow();
        }
    }
}
