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
import java.util.function.Consumer;
import nethttp.exercises.chaffs.TryDeliverChaffs;
import nethttp.exercises.graders.TryDeliverExercise;
import org.junit.jupiter.api.Test;

class TryDeliverExerciseTest extends GraderContract<TryDeliverExercise.Subject> {
    @Override
    Exercise<TryDeliverExercise.Subject> exercise() {
        return new TryDeliverExercise();
    }

    @Override
    Map<String, TryDeliverExercise.Subject> chaffs() {
        Map<String, TryDeliverExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("CheckThenAct", TryDeliverChaffs.CheckThenAct::new);
        chaffs.put("DeliversTwice", TryDeliverChaffs.DeliversTwice::new);
        chaffs.put("CancelDropsDelivered", TryDeliverChaffs.CancelDropsDelivered::new);
        chaffs.put("CancelLeavesOpen", TryDeliverChaffs.CancelLeavesOpen::new);
        chaffs.put("AwaitDoesNotWait", TryDeliverChaffs.AwaitDoesNotWait::new);
        chaffs.put("CancelReadsBeforeLock", TryDeliverChaffs.CancelReadsBeforeLock::new);
        chaffs.put("CancelOtherLock", TryDeliverChaffs.CancelOtherLock::new);
        chaffs.put("NeverWakes", TryDeliverChaffs.NeverWakes::new);
        return chaffs;
    }

    private static final String EVERY_INTERLEAVING = "the same rules hold in every interleaving";

    /**
     * The racy cancels pass every check of whole calls one after another; only the model checker
     * sees them, and it must, in every run, with the interleaving that loses the connection:
     * a fresh search gives the verdict and interleaving of an earlier one.
     */
    @Test
    void theModelCheckerCatchesARacyCancelWithTheSameInterleavingEveryRun() {
        TryDeliverExercise ex = new TryDeliverExercise();
        List<TryDeliverExercise.Subject> racy = List.of(
                TryDeliverChaffs.CancelReadsBeforeLock::new, TryDeliverChaffs.CancelOtherLock::new);
        // The first verdicts may be the ones the contract's grading of these chaffs found (the
        // model checker's answers are kept for the run); the second ones are searched afresh.
        List<List<Verdict>> first = racy.stream().map(r -> ex.grade(r, Main.DEFAULT_SEED)).toList();
        for (List<Verdict> vs : first) {
            for (Verdict v : vs) {
                if (v.property().equals(EVERY_INTERLEAVING)) {
                    assertFalse(v.passed(), "a racy cancel passed the model checker");
                    assertTrue(v.detail().contains("it is lost") || v.detail().contains("after cancel returned true"), v.detail());
                    assertTrue(v.detail().contains("the interleaving that breaks it"), v.detail());
                    assertTrue(v.detail().contains("thread 2: "), v.detail());
                } else {
                    assertTrue(v.passed(), () -> "caught one call after another, so the model checker is not what is tested: " + v);
                }
            }
        }
        TryDeliverExercise.forgetInterleavings();
        for (int i = 0; i < racy.size(); i++) {
            List<String> again = ex.grade(racy.get(i), 1L).stream().map(Verdict::detail).toList();
            assertEquals(first.get(i).stream().map(Verdict::detail).toList(), again,
                    "the model checker's verdict depends on the seed or the run");
        }
    }

    @Test
    void aWaiterNeverWokenIsToldSo() {
        List<Verdict> vs = new TryDeliverExercise().grade(TryDeliverChaffs.NeverWakes::new, Main.DEFAULT_SEED);
        Verdict first = vs.stream().filter(v -> !v.passed()).findFirst().orElseThrow();
        assertTrue(first.detail().contains("was never woken"), first.detail());
        assertFalse(first.detail().contains("endless loop"), first.detail());
    }

    /** A correct slot in another style than the reference's lock: one compare-and-set decides. */
    static final class LockFree implements TryDeliverExercise.Slot {
        private record Canceled(IOException why) {}

        private final Consumer<Conn> giveBack;
        private final AtomicReference<Object> state = new AtomicReference<>();
        private final CountDownLatch ready = new CountDownLatch(1);

        LockFree(Consumer<Conn> giveBack) {
            this.giveBack = giveBack;
        }

        @Override
        public boolean waiting() {
            return ready.getCount() > 0;
        }

        @Override
        public boolean tryDeliver(Conn conn, IOException err) {
            if (!state.compareAndSet(null, conn != null ? conn : err)) return false;
            ready.countDown();
            return true;
        }

        @Override
        public Conn await() throws IOException, InterruptedException {
            ready.await();
            Object s = state.get();
            if (s instanceof Canceled c) throw c.why();
            if (s instanceof IOException e) throw e;
            return (Conn) s;
        }

        @Override
        public void cancel(IOException why) {
            Object before = state.getAndSet(new Canceled(why));
            ready.countDown();
            if (before instanceof Conn c) giveBack.accept(c);
        }
    }

    @Test
    void aLockFreeSolutionPasses() {
        for (long seed : SEEDS.subList(0, 2)) {
            List<Verdict> vs = new TryDeliverExercise().grade(LockFree::new, seed);
            assertTrue(vs.stream().allMatch(Verdict::passed), () -> "seed " + seed + ": " + vs);
        }
    }
}
