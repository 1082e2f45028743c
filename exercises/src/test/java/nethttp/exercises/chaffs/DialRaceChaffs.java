package nethttp.exercises.chaffs;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.exercises.Conn;
import nethttp.exercises.HostPool;
import nethttp.exercises.graders.DialRaceExercise;

/** Wrong solutions to exercise 13, as students write them. */
public final class DialRaceChaffs {
    private DialRaceChaffs() {}

    /** A race that would pass; the chaffs below each get one thing wrong. */
    abstract static class Base implements DialRaceExercise.Race {
        final HostPool pool;
        final CountDownLatch done = new CountDownLatch(1);
        boolean settled;
        Conn conn;
        IOException err;

        Base(HostPool pool) {
            this.pool = pool;
        }

        synchronized boolean settle(Conn c, IOException e) {
            if (settled) return false;
            settled = true;
            conn = c;
            err = e;
            done.countDown();
            return true;
        }

        @Override
        public boolean handOver(Conn c) {
            return settle(c, null);
        }

        @Override
        public void dialDone(Conn c, IOException e) {
            if (settle(c, e)) {
                if (e != null) pool.decConnsPerHost();
                return;
            }
            cleanUp(c, e);
        }

        /** The pending dial's clean-up: the dial came after the race was settled. */
        void cleanUp(Conn c, IOException e) {
            if (e != null) {
                pool.decConnsPerHost();
            } else if (!pool.tryPutIdleConn(c)) {
                c.close();
            }
        }

        @Override
        public void cancel(IOException e) {
            settle(null, e);
        }

        @Override
        public Conn await() throws IOException, InterruptedException {
            done.await();
            synchronized (this) {
                if (conn != null) return conn;
                throw err;
            }
        }
    }

    /** Once the race is settled, the dial's result is simply dropped: the connection leaks. */
    public static final class ForgetsPendingDial extends Base {
        public ForgetsPendingDial(HostPool pool) {
            super(pool);
        }

        @Override
        void cleanUp(Conn c, IOException e) {
            // nobody is waiting for it any more
        }
    }

    /** "Nobody wants it": the late connection is closed, though the pool had room for it. */
    public static final class ClosesLateConn extends Base {
        public ClosesLateConn(HostPool pool) {
            super(pool);
        }

        @Override
        void cleanUp(Conn c, IOException e) {
            if (e != null) pool.decConnsPerHost();
            else c.close();
        }
    }

    /** Offers the late connection to the pool, and forgets it when the pool says no. */
    public static final class IgnoresRefusal extends Base {
        public IgnoresRefusal(HostPool pool) {
            super(pool);
        }

        @Override
        void cleanUp(Conn c, IOException e) {
            if (e != null) pool.decConnsPerHost();
            else pool.tryPutIdleConn(c);
        }
    }

    /** Gives the permission back in dialDone and again when the request sees the dial's error. */
    public static final class ReleasesTwice extends Base {
        public ReleasesTwice(HostPool pool) {
            super(pool);
        }

        @Override
        public Conn await() throws IOException, InterruptedException {
            done.await();
            synchronized (this) {
                if (conn != null) return conn;
                if (err.getMessage().startsWith("dial")) pool.decConnsPerHost(); // the dial failed: free its slot
                throw err;
            }
        }
    }

    /** A late connection is pooled, and its permission given back as well, as for a failed dial. */
    public static final class ReleasesForLateConn extends Base {
        public ReleasesForLateConn(HostPool pool) {
            super(pool);
        }

        @Override
        void cleanUp(Conn c, IOException e) {
            pool.decConnsPerHost(); // this dial is over either way
            if (c != null && !pool.tryPutIdleConn(c)) c.close();
        }
    }

    /** Gives a failed dial's permission back only when its error won: a late error keeps it for good. */
    public static final class KeepsLateErrorsPermission extends Base {
        public KeepsLateErrorsPermission(HostPool pool) {
            super(pool);
        }

        @Override
        void cleanUp(Conn c, IOException e) {
            if (c != null && !pool.tryPutIdleConn(c)) c.close();
        }
    }

    /** No lock: "settled?" and "settle" are two steps, on volatile fields. */
    public static final class CheckThenAct implements DialRaceExercise.Race {
        private final HostPool pool;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean settled;
        private volatile Conn conn;
        private volatile IOException err;

        public CheckThenAct(HostPool pool) {
            this.pool = pool;
        }

        @Override
        public boolean handOver(Conn c) {
            if (settled) return false;
            conn = c;
            settled = true;
            done.countDown();
            return true;
        }

        @Override
        public void dialDone(Conn c, IOException e) {
            if (e != null) pool.decConnsPerHost();
            if (!settled) {
                conn = c;
                err = e;
                settled = true;
                done.countDown();
            } else if (c != null && !pool.tryPutIdleConn(c)) {
                c.close();
            }
        }

        @Override
        public void cancel(IOException e) {
            if (settled) return;
            err = e;
            settled = true;
            done.countDown();
        }

        @Override
        public Conn await() throws IOException, InterruptedException {
            done.await();
            if (conn != null) return conn;
            throw err;
        }
    }

    /** dialDone looks at the race before it takes the lock, then settles it under the lock without looking again. */
    public static final class DialChecksBeforeLock extends Base {
        public DialChecksBeforeLock(HostPool pool) {
            super(pool);
        }

        @Override
        public void dialDone(Conn c, IOException e) {
            if (e != null) pool.decConnsPerHost();
            if (settled) {
                if (c != null && !pool.tryPutIdleConn(c)) c.close();
                return;
            }
            synchronized (this) {
                settled = true;
                conn = c;
                err = e;
            }
            done.countDown();
        }
    }

    /**
     * Settles under a {@code ReentrantLock}, but looks at the volatile "settled?" before taking it
     * and not again after: a hand-over and the dial can both pass the look, and both win. The lock's
     * own steps widen the model checker's search, which is why this one is kept beside the
     * {@code synchronized} kind above.
     */
    public static final class LooksBeforeReentrantLock implements DialRaceExercise.Race {
        private final HostPool pool;
        private final ReentrantLock mu = new ReentrantLock();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean settled;
        private Conn conn;
        private IOException err;

        public LooksBeforeReentrantLock(HostPool pool) {
            this.pool = pool;
        }

        private boolean settle(Conn c, IOException e) {
            if (settled) return false;
            mu.lock();
            try {
                settled = true;
                conn = c;
                err = e;
            } finally {
                mu.unlock();
            }
            done.countDown();
            return true;
        }

        @Override
        public boolean handOver(Conn c) {
            return settle(c, null);
        }

        @Override
        public void dialDone(Conn c, IOException e) {
            if (e != null) pool.decConnsPerHost();
            if (settle(c, e) || c == null) return;
            if (!pool.tryPutIdleConn(c)) c.close();
        }

        @Override
        public void cancel(IOException e) {
            settle(null, e);
        }

        @Override
        public Conn await() throws IOException, InterruptedException {
            done.await();
            mu.lock();
            try {
                if (conn != null) return conn;
                throw err;
            } finally {
                mu.unlock();
            }
        }
    }
}
