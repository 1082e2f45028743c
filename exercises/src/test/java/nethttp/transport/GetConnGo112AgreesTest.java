package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nethttp.exercises.Conn;
import nethttp.exercises.Exercise;
import nethttp.exercises.HostPool;
import nethttp.exercises.Property;
import nethttp.exercises.Verdict;
import nethttp.exercises.graders.DialRaceExercise;
import nethttp.exercises.graders.DialRaceModel;
import nethttp.getconn.ConnectMethodKey;
import nethttp.getconn.GetConnGo112;
import org.junit.jupiter.api.Test;

/**
 * Exercise 13 grades students against {@link DialRaceModel}, a restatement of Go 1.12's
 * {@code getConn} as {@link GetConnGo112} has it. Here the library's own race is graded like a
 * student's: its {@code Race}, settled by hand-overs and cancellations as the idle pool and the
 * request's canceler settle it, and its {@code dialEnded}, the end of the dialing thread. It must
 * pass the properties of calls one after another, under the same seeds as the graders' tests.
 *
 * <p>The Transport's pool and dial count stand for the grader's {@link HostPool}: a connection
 * found idle in the Transport after the dial ended was put in the pool; one found closed was
 * offered and refused (the Transport offers before it closes); a fall in the host's count of
 * connections that no close explains is a {@code decConnsPerHost}.
 */
class GetConnGo112AgreesTest {
    private static final List<Long> SEEDS = List.of(20220802L, 1L, 42L, 777L, 31337L);

    /**
     * The properties of calls one after another, every script. The model checker's property is
     * left out here: behind this race are the Transport's pool, count and mailbox, each with
     * locks of its own, so the interleavings are many and slow to try, and on a loaded machine
     * Lincheck took a slow one for a hung one. The race itself is the reference's shape (one
     * lock around the check and the change), which the graders' own test puts under the model
     * checker.
     */
    @Test
    void goOneTwelvesRacePassesTheGraderOneCallAfterAnother() {
        DialRaceExercise ex = new DialRaceExercise();
        List<Property<DialRaceExercise.Subject>> oneAfterAnother = ex.properties().stream()
                .filter(p -> !p.name().equals("the same rules hold in every interleaving")).toList();
        assertEquals(3, oneAfterAnother.size());
        for (long seed : SEEDS) {
            List<Verdict> vs = oneAfterAnother.stream().map(p -> p.check(LibraryRace::new, seed, Exercise.EXAMPLES)).toList();
            assertTrue(vs.stream().allMatch(Verdict::passed), () -> "seed " + seed + ": "
                    + vs.stream().filter(v -> !v.passed()).map(Verdict::toString).collect(Collectors.joining("\n")));
        }
    }

    /** One request's race on a Transport of its own; each Conn stands for a PersistConn. */
    private static final class LibraryRace implements DialRaceExercise.Race {
        private static final ConnectMethodKey KEY = new ConnectMethodKey("http", "a:80");
        private final HostPool pool;
        private final Transport t = new Transport();
        private final RequestTrace trace;
        private final GetConnGo112.Race<PersistConn> race = new GetConnGo112.Race<>();
        private final Map<Conn, PersistConn> pcs = new ConcurrentHashMap<>();

        LibraryRace(HostPool pool) {
            this.pool = pool;
            t.errorLog = msg -> {};
            t.maxConnsPerHost = 1;
            t.maxIdleConnsPerHost = 1;
            trace = new RequestTrace(0, null, t.events);
            // The request holds the permission its dial uses, and listens for hand-overs.
            t.connsPerHost.acquireOrQueue(KEY, t.maxConnsPerHost, race);
            race.tryNextPhase();
            // A pool that takes nothing: the Transport's, with keep-alives off, refuses every connection.
            if (!DialRaceExercise.hasRoom(pool)) t.disableKeepAlives = true;
        }

        private PersistConn pc(Conn c) {
            return pcs.computeIfAbsent(c, x -> new PersistConn(t, KEY, new Socket(), x.id()));
        }

        private Conn conn(PersistConn pc) {
            return pcs.entrySet().stream().filter(e -> e.getValue() == pc).map(Map.Entry::getKey).findFirst().orElseThrow();
        }

        @Override
        public boolean handOver(Conn c) {
            return race.tryDeliver(pc(c));
        }

        @Override
        public void dialDone(Conn c, IOException err) {
            PersistConn dialed = c == null ? null : pc(c);
            synchronized (counting) {
                int before = t.connsPerHost.count(KEY);
                GetConnGo112.dialEnded(t.host, KEY, trace, race, dialed, err);
                report(dialed, before);
            }
        }

        /**
         * Held while the host's count is read around a call: the request, woken by a winning
         * error, gives the permission back on its own thread, and must not do it in between.
         */
        private final Object counting = new Object();

        /** What the Transport did with the dial's result, told to the grader's pool. */
        private void report(PersistConn dialed, int before) {
            int after = t.connsPerHost.count(KEY);
            if (dialed != null && t.idlePool.idle(KEY).contains(dialed)) {
                pool.tryPutIdleConn(conn(dialed));
            } else if (dialed != null && dialed.isBroken()) {
                pool.tryPutIdleConn(conn(dialed));
                conn(dialed).close();
                after++; // the connection gave its own permission back as it closed
            }
            for (int i = after; i < before; i++) pool.decConnsPerHost();
        }

        @Override
        public void cancel(IOException err) {
            race.trySettle(new GetConnGo112.Canceled<>(err));
        }

        /** What getConn does once its select was settled (less the traces). */
        @Override
        public Conn await() throws IOException, InterruptedException {
            return switch (race.won.take()) {
                case GetConnGo112.Dialed<PersistConn> d when d.pc() != null -> conn(d.pc());
                case GetConnGo112.Dialed<PersistConn> d -> {
                    synchronized (counting) {
                        int before = t.connsPerHost.count(KEY);
                        t.decConnsPerHost(KEY);
                        report(null, before);
                    }
                    throw d.err();
                }
                case GetConnGo112.HandedOver<PersistConn> h -> conn(h.pc());
                case GetConnGo112.Canceled<PersistConn> c -> throw c.err();
                case GetConnGo112.ContextDone<PersistConn> d -> throw new IllegalStateException("no context here");
                case GetConnGo112.Slot<PersistConn> s -> throw new IllegalStateException("no permission phase here");
            };
        }
    }
}
