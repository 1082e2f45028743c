package nethttp.exercises.graders;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.annotations.Mirrors;
import nethttp.exercises.Conn;
import nethttp.exercises.HostPool;

/**
 * The reference of exercise 13: the waiting side of Go 1.12's {@code getConn} and its
 * {@code handlePendingDial}, restated from {@code nethttp.getconn.GetConnGo112} without the
 * Transport around it. A test of the exercises module grades the library's own race through the
 * same properties, so the two say the same.
 *
 * <p>Whoever comes first settles the race under a lock; the request is woken by a latch after
 * the lock is released. A dial that comes too late disposes of its own result, as Go's pending
 * dial goroutine does.
 */
@Mirrors(file = "net/http/transport.go", func = "Transport.getConn")
public final class DialRaceModel implements DialRaceExercise.Race {
    private final HostPool pool;
    private final ReentrantLock mu = new ReentrantLock();
    private final CountDownLatch settled = new CountDownLatch(1);
    private boolean done;
    private Conn conn;
    private IOException err;

    /** A race nobody has settled; a late dial's connection goes to {@code pool}. */
    public DialRaceModel(HostPool pool) {
        this.pool = pool;
    }

    /** True for the one call that settles the race. */
    private boolean settle(Conn c, IOException e) {
        mu.lock();
        try {
            if (done) return false;
            done = true;
            conn = c;
            err = e;
        } finally {
            mu.unlock();
        }
        settled.countDown();
        return true;
    }

    @Override
    public boolean handOver(Conn c) {
        return settle(c, null);
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "Transport.getConn.handlePendingDial")
    public void dialDone(Conn c, IOException e) {
        if (e != null) pool.decConnsPerHost(); // nobody will use this permission, winner or not
        if (settle(c, e) || c == null) return;
        if (!pool.tryPutIdleConn(c)) c.close();
    }

    @Override
    public void cancel(IOException e) {
        settle(null, e);
    }

    @Override
    public Conn await() throws IOException, InterruptedException {
        settled.await();
        mu.lock();
        try {
            if (conn != null) return conn;
            throw err;
        } finally {
            mu.unlock();
        }
    }
}
