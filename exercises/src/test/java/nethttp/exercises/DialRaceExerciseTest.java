package nethttp.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import nethttp.exercises.chaffs.DialRaceChaffs;
import nethttp.exercises.graders.DialRaceExercise;
import org.junit.jupiter.api.Test;

class DialRaceExerciseTest extends GraderContract<DialRaceExercise.Subject> {
    @Override
    Exercise<DialRaceExercise.Subject> exercise() {
        return new DialRaceExercise();
    }

    @Override
    Map<String, DialRaceExercise.Subject> chaffs() {
        Map<String, DialRaceExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("ForgetsPendingDial", DialRaceChaffs.ForgetsPendingDial::new);
        chaffs.put("ClosesLateConn", DialRaceChaffs.ClosesLateConn::new);
        chaffs.put("IgnoresRefusal", DialRaceChaffs.IgnoresRefusal::new);
        chaffs.put("ReleasesTwice", DialRaceChaffs.ReleasesTwice::new);
        chaffs.put("ReleasesForLateConn", DialRaceChaffs.ReleasesForLateConn::new);
        chaffs.put("KeepsLateErrorsPermission", DialRaceChaffs.KeepsLateErrorsPermission::new);
        chaffs.put("CheckThenAct", DialRaceChaffs.CheckThenAct::new);
        chaffs.put("DialChecksBeforeLock", DialRaceChaffs.DialChecksBeforeLock::new);
        chaffs.put("LooksBeforeReentrantLock", DialRaceChaffs.LooksBeforeReentrantLock::new);
        return chaffs;
    }

    @Override
    Map<String, DialRaceExercise.Subject> alternatives() {
        Map<String, DialRaceExercise.Subject> alts = new LinkedHashMap<>();
        alts.put("LockFree", LockFree::new);
        alts.put("WaitNotify", WaitNotify::new);
        return alts;
    }

    private static final String EVERY_INTERLEAVING = "the same rules hold in every interleaving";

    /**
     * The racy ones pass every check one call after another; only the model checker sees them,
     * and it must, in every run, with the interleaving that loses the dial's connection.
     */
    @Test
    void theModelCheckerCatchesACheckThenActWithTheSameInterleavingEveryRun() {
        DialRaceExercise ex = new DialRaceExercise();
        for (DialRaceExercise.Subject racy : List.<DialRaceExercise.Subject>of(
                DialRaceChaffs.CheckThenAct::new, DialRaceChaffs.DialChecksBeforeLock::new)) {
            DialRaceExercise.forgetInterleavings();
            List<Verdict> first = ex.grade(racy, Main.DEFAULT_SEED);
            for (Verdict v : first) {
                if (v.property().equals(EVERY_INTERLEAVING)) {
                    assertFalse(v.passed(), "a racy solution passed the model checker");
                    assertTrue(v.detail().contains("conn#2"), v.detail());
                    assertTrue(v.detail().contains("the interleaving that breaks it"), v.detail());
                    assertTrue(v.detail().contains("thread 2: "), v.detail());
                } else {
                    assertTrue(v.passed(), () -> "caught one call after another, so the model checker is not what is tested: " + v);
                }
            }
            DialRaceExercise.forgetInterleavings();
            List<String> again = ex.grade(racy, 1L).stream().map(Verdict::detail).toList();
            assertEquals(first.stream().map(Verdict::detail).toList(), again, "the model checker's verdict depends on the seed or the run");
        }
    }

    @Test
    void aLeakedConnectionIsNamedWithTheSmallestScript() {
        List<Verdict> vs = new DialRaceExercise().grade(DialRaceChaffs.ForgetsPendingDial::new, Main.DEFAULT_SEED);
        Verdict lost = vs.stream().filter(v -> v.property().equals("no connection is lost")).findFirst().orElseThrow();
        assertFalse(lost.passed());
        assertEquals("handOver(conn#1), dialDone(conn#2); the pool has room", lost.input());
        assertTrue(lost.detail().contains("conn#2") && lost.detail().contains("lost"), lost.detail());
    }

    /** A correct race in another style than the reference's lock: one compare-and-set decides. */
    static final class LockFree implements DialRaceExercise.Race {
        private final HostPool pool;
        private final AtomicReference<Object> winner = new AtomicReference<>();
        private final CountDownLatch settled = new CountDownLatch(1);

        LockFree(HostPool pool) {
            this.pool = pool;
        }

        private boolean settle(Object outcome) {
            if (!winner.compareAndSet(null, outcome)) return false;
            settled.countDown();
            return true;
        }

        @Override
        public boolean handOver(Conn conn) {
            return settle(conn);
        }

        @Override
        public void dialDone(Conn conn, IOException err) {
            if (settle(conn != null ? conn : new DialFailed(err))) return; // a winning error is released by await
            if (err != null) pool.decConnsPerHost();
            else if (!pool.tryPutIdleConn(conn)) conn.close();
        }

        private record DialFailed(IOException err) {}

        @Override
        public void cancel(IOException err) {
            settle(err);
        }

        @Override
        public Conn await() throws IOException, InterruptedException {
            settled.await();
            Object w = winner.get();
            if (w instanceof DialFailed f) {
                pool.decConnsPerHost();
                throw f.err();
            }
            if (w instanceof IOException e) throw e;
            return (Conn) w;
        }
    }

    /** A correct race with the object's monitor, waited on with wait/notifyAll. */
    static final class WaitNotify implements DialRaceExercise.Race {
        private final HostPool pool;
        private Object outcome;

        WaitNotify(HostPool pool) {
            this.pool = pool;
        }

        @Override
        public synchronized boolean handOver(Conn conn) {
            if (outcome != null) return false;
            outcome = conn;
            notifyAll();
            return true;
        }

        @Override
        public void dialDone(Conn conn, IOException err) {
            boolean won;
            synchronized (this) {
                won = outcome == null;
                if (won) {
                    outcome = conn != null ? conn : err;
                    notifyAll();
                }
            }
            if (err != null) pool.decConnsPerHost();
            if (!won && conn != null && !pool.tryPutIdleConn(conn)) conn.close();
        }

        @Override
        public synchronized void cancel(IOException err) {
            if (outcome != null) return;
            outcome = err;
            notifyAll();
        }

        @Override
        public synchronized Conn await() throws IOException, InterruptedException {
            while (outcome == null) wait();
            if (outcome instanceof IOException e) throw e;
            return (Conn) outcome;
        }
    }
}
