package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nethttp.core.Context;
import nethttp.exercises.Conn;
import nethttp.exercises.Verdict;
import nethttp.exercises.graders.TryDeliverExercise;
import nethttp.exercises.graders.WantConnModel;
import nethttp.getconn.ConnectMethodKey;
import nethttp.getconn.WantConn;
import org.junit.jupiter.api.Test;

/**
 * Exercise 10 grades students against {@link WantConnModel}, a restatement of the Transport's
 * {@link WantConn}. Here the library's own type is graded like a student's: it must pass every
 * property, under the same seeds as the graders' tests.
 *
 * <p>The test sits in the Transport's package to build real connections and to reach the pool the
 * Transport gives its {@code WantConn}. Its cancel gives a
 * connection back through the Transport's {@code putOrCloseIdleConn}; a connection found in the
 * Transport's idle pool after a cancel is what it gave back.
 */
class TransportWantConnAgreesTest {
    private static final List<Long> SEEDS = List.of(20220802L, 1L, 42L, 777L, 31337L);

    @Test
    void theTransportsWantConnPassesTheGrader() {
        TryDeliverExercise ex = new TryDeliverExercise();
        for (long seed : SEEDS) {
            List<Verdict> vs = ex.grade(Slot::new, seed);
            assertTrue(vs.stream().allMatch(Verdict::passed), () -> "seed " + seed + ": "
                    + vs.stream().filter(v -> !v.passed()).map(Verdict::toString).collect(Collectors.joining("\n")));
        }
    }

    /** One WantConn on a Transport of its own; each Conn stands for a PersistConn. */
    private static final class Slot implements TryDeliverExercise.Slot {
        private static final ConnectMethodKey KEY = new ConnectMethodKey("http", "a:80");
        private final Transport t = new Transport();
        private final WantConn<PersistConn> w;
        private final Consumer<Conn> putOrCloseIdleConn;
        private final Map<Conn, PersistConn> pcs = new ConcurrentHashMap<>();

        Slot(Consumer<Conn> putOrCloseIdleConn) {
            this.putOrCloseIdleConn = putOrCloseIdleConn;
            t.errorLog = msg -> {};
            w = new WantConn<>(t.host, KEY, Context.background(), new RequestTrace(0, null, t.events));
        }

        private PersistConn pc(Conn c) {
            return c == null ? null : pcs.computeIfAbsent(c, x -> new PersistConn(t, KEY, new Socket(), x.id()));
        }

        private Conn conn(PersistConn pc) {
            return pcs.entrySet().stream().filter(e -> e.getValue() == pc).map(Map.Entry::getKey).findFirst().orElseThrow();
        }

        @Override
        public boolean waiting() {
            return w.waiting();
        }

        @Override
        public boolean tryDeliver(Conn c, IOException err) {
            return w.tryDeliver(pc(c), err);
        }

        @Override
        public Conn await() throws IOException {
            w.ready.await();
            PersistConn pc = w.pc();
            if (pc != null) return conn(pc);
            throw w.err();
        }

        @Override
        public void cancel(IOException err) {
            w.cancel(err);
            for (PersistConn pc : t.idlePool.idle(KEY)) {
                if (t.idlePool.removeIdleConn(pc)) putOrCloseIdleConn.accept(conn(pc));
            }
        }
    }
}
