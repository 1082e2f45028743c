package nethttp.exercises.graders;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import nethttp.annotations.Mirrors;
import nethttp.exercises.Conn;

/**
 * The reference of exercise 10: {@code nethttp.getconn.WantConn} restated without the Transport
 * around it. The library's type takes a live Transport and its connections; a test of the
 * exercises module grades it through the same scenarios, so the two say the same.
 *
 * <p>The outcome is settled under a lock, so that exactly one {@link #tryDeliver} wins; the
 * waiters are woken after the lock is released, by a latch that opens once.
 */
@Mirrors(file = "net/http/transport.go", func = "wantConn")
public final class WantConnModel implements TryDeliverExercise.Slot {
    private final Consumer<Conn> putOrCloseIdleConn;
    private final ReentrantLock mu = new ReentrantLock();
    private final CountDownLatch ready = new CountDownLatch(1);
    private Conn conn;
    private IOException err;

    /** A slot whose {@link #cancel} hands a connection delivered too late to {@code putOrCloseIdleConn}. */
    public WantConnModel(Consumer<Conn> putOrCloseIdleConn) {
        this.putOrCloseIdleConn = putOrCloseIdleConn;
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "wantConn.waiting")
    public boolean waiting() {
        return ready.getCount() > 0;
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "wantConn.tryDeliver")
    public boolean tryDeliver(Conn c, IOException e) {
        mu.lock();
        try {
            if (conn != null || err != null) return false;
            if (c == null && e == null) throw new IllegalStateException("net/http: internal error: misuse of tryDeliver");
            conn = c;
            err = e;
        } finally {
            mu.unlock();
        }
        ready.countDown();
        return true;
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "Transport.getConn")
    public Conn await() throws IOException, InterruptedException {
        ready.await();
        mu.lock();
        try {
            if (conn != null) return conn;
            throw err;
        } finally {
            mu.unlock();
        }
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "wantConn.cancel")
    public void cancel(IOException why) {
        Conn delivered;
        mu.lock();
        try {
            delivered = conn;
            conn = null;
            err = why;
        } finally {
            mu.unlock();
        }
        ready.countDown();
        if (delivered != null) putOrCloseIdleConn.accept(delivered);
    }
}
