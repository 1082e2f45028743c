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

    /**
     * Cancel looks at the slot before it takes the lock: a delivery that lands between the look
     * and the lock is overwritten by the cancellation and given back to nobody.
     */
    public static final class CancelReadsBeforeLock extends Base {
        public CancelReadsBeforeLock(Consumer<Conn> giveBack) {
            super(giveBack);
        }

        @Override
        public void cancel(IOException why) {
            Conn delivered = conn;
            synchronized (this) {
                conn = null;
                err = why;
            }
            ready.countDown();
            if (delivered != null) giveBack.accept(delivered);
        }
    }

    /**
     * Cancel takes a lock of its own, not the one tryDeliver holds, so the two do not exclude
     * each other: a delivery can be overwritten, or can succeed after cancel has looked.
     */
    public static final class CancelOtherLock extends Base {
        private final Object cancelLock = new Object();

        public CancelOtherLock(Consumer<Conn> giveBack) {
            super(giveBack);
        }

        @Override
        public void cancel(IOException why) {
            Conn delivered;
            synchronized (cancelLock) {
                delivered = conn;
                conn = null;
                err = why;
            }
            ready.countDown();
            if (delivered != null) giveBack.accept(delivered);
        }
    }

    /** tryDeliver settles the slot but never opens the latch: a request awaiting it is never woken. */
    public static final class NeverWakes extends Base {
        public NeverWakes(Consumer<Conn> giveBack) {
            super(giveBack);
        }

        @Override
        public synchronized boolean tryDeliver(Conn c, IOException e) {
            if (conn != null || err != null) return false;
            conn = c;
            err = e;
            return true;
        }

        @Override
        public boolean waiting() {
            synchronized (this) {
                return conn == null && err == null;
            }
        }
    }
}
