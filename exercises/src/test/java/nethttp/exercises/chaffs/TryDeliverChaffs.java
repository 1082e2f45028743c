package nethttp.exercises.chaffs;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import nethttp.exercises.Conn;
import nethttp.exercises.graders.TryDeliverExercise;

/** Wrong solutions to exercise 10. */
public final class TryDeliverChaffs {
    private TryDeliverChaffs() {}

    /** A slot that would pass; the chaffs below each get one thing wrong. */
    abstract static class Base implements TryDeliverExercise.Slot {
        final Consumer<Conn> giveBack;
        final CountDownLatch ready = new CountDownLatch(1);
        Conn conn;
        IOException err;

        Base(Consumer<Conn> giveBack) {
            this.giveBack = giveBack;
        }

        @Override
        public boolean waiting() {
            return ready.getCount() > 0;
        }

        @Override
        public synchronized boolean tryDeliver(Conn c, IOException e) {
            if (conn != null || err != null) return false;
            conn = c;
            err = e;
            ready.countDown();
            return true;
        }

        @Override
        public Conn await() throws IOException, InterruptedException {
            ready.await();
            synchronized (this) {
                if (conn != null) return conn;
                throw err;
            }
        }

        @Override
        public void cancel(IOException why) {
            Conn delivered;
            synchronized (this) {
                delivered = conn;
                conn = null;
                err = why;
            }
            ready.countDown();
            if (delivered != null) giveBack.accept(delivered);
        }
    }

    /**
     * Checks, then sets, without a lock: two deliveries can both see an empty slot. The yield
     * between the two stands for whatever the thread is preempted by, so the race shows.
     */
    public static final class CheckThenAct extends Base {
        private volatile Conn c;
        private volatile IOException e;

        public CheckThenAct(Consumer<Conn> giveBack) {
            super(giveBack);
        }

        @Override
        public boolean tryDeliver(Conn conn, IOException err) {
            if (c != null || e != null) return false;
            Thread.yield();
            c = conn;
            e = err;
            ready.countDown();
            return true;
        }

        @Override
        public Conn await() throws IOException, InterruptedException {
            ready.await();
            if (c != null) return c;
            throw e;
        }

        @Override
        public void cancel(IOException why) {
            Conn delivered = c;
            c = null;
            e = why;
            ready.countDown();
            if (delivered != null) giveBack.accept(delivered);
        }
    }

    /** Every delivery is accepted, the last one overwriting the others. */
    public static final class DeliversTwice extends Base {
        public DeliversTwice(Consumer<Conn> giveBack) {
            super(giveBack);
        }

        @Override
        public synchronized boolean tryDeliver(Conn c, IOException e) {
            conn = c;
            err = e;
            ready.countDown();
            return true;
        }
    }

    /** Cancel forgets a connection delivered meanwhile, which is then lost: open, but nobody's. */
    public static final class CancelDropsDelivered extends Base {
        public CancelDropsDelivered(Consumer<Conn> giveBack) {
            super(giveBack);
        }

        @Override
        public void cancel(IOException why) {
            synchronized (this) {
                conn = null;
                err = why;
            }
            ready.countDown();
        }
    }

    /**
     * Cancel gives back and wakes the waiter with its error, but does not count as settling the
     * slot: a delivery after it still succeeds, and its connection is lost.
     */
    public static final class CancelLeavesOpen extends Base {
        private IOException canceled;

        public CancelLeavesOpen(Consumer<Conn> giveBack) {
            super(giveBack);
        }

        @Override
        public Conn await() throws IOException, InterruptedException {
            ready.await();
            synchronized (this) {
                if (conn != null) return conn;
                throw err != null ? err : canceled;
            }
        }

        @Override
        public void cancel(IOException why) {
            Conn delivered;
            synchronized (this) {
                delivered = conn;
                conn = null;
                canceled = why;
            }
            ready.countDown();
            if (delivered != null) giveBack.accept(delivered);
        }
    }

    /** await reads the outcome without waiting for it. */
    public static final class AwaitDoesNotWait extends Base {
        public AwaitDoesNotWait(Consumer<Conn> giveBack) {
            super(giveBack);
        }

        @Override
        public synchronized Conn await() throws IOException {
            if (err != null) throw err;
            return conn;
        }
    }
}
