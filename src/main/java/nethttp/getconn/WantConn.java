package nethttp.getconn;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.annotations.Mirrors;
import nethttp.concurrent.Signal;
import nethttp.core.Context;

/**
 * A request's wish for a connection, while {@code getConn} waits (Go 1.13's design). Three
 * parties race to settle it: a connection becoming idle ({@link IdlePool#tryPutIdleConn}), the
 * dial made on its behalf ({@link GetConnGo113#dialConnFor}), and its own cancellation. The
 * first to call {@link #tryDeliver} wins; everyone after learns they lost and deals with their
 * connection themselves. That "exactly once" is the whole point of the type.
 */
@Mirrors(file = "net/http/transport.go", func = "wantConn")
public final class WantConn<C extends PooledConn> implements IdlePool.Waiter<C>, ConnsPerHost.Waiter {
    final ConnectMethodKey key;
    /** The context of the request, for the dial. */
    final Context ctx;
    final ConnTrace<C> trace;
    // tag::want-conn-state[]
    /** Fires once the outcome is settled, by delivery or by cancellation. */
    public final Signal ready = new Signal();
    private final ConnHost<C> t;

    private final ReentrantLock mu = new ReentrantLock();
    private C pc;
    private IOException err;
    // end::want-conn-state[]

    public WantConn(ConnHost<C> t, ConnectMethodKey key, Context ctx, ConnTrace<C> trace) {
        this.t = t;
        this.key = key;
        this.ctx = ctx;
        this.trace = trace;
    }

    /** Whether no outcome is settled yet. */
    @Override
    @Mirrors(file = "net/http/transport.go", func = "wantConn.waiting")
    public boolean waiting() {
        return !ready.isFired();
    }

    /** Settles the outcome with a connection or an error, unless it is settled already. */
    @Mirrors(file = "net/http/transport.go", func = "wantConn.tryDeliver")
    public boolean tryDeliver(C pc, IOException err) {
        return settle(pc, err, false);
    }

    /**
     * {@link #tryDeliver(PooledConn, IOException) tryDeliver} for the result of this request's own
     * dial. A dial that wins is traced before the waiting request is woken, so a trace always
     * shows "dial won" before that request's "got conn".
     */
    public boolean deliverDialed(C pc, IOException err) {
        return settle(pc, err, true);
    }

    private boolean settle(C pc, IOException err, boolean dialed) {
        mu.lock();
        try {
            if (this.pc != null || this.err != null) return false;
            if (pc == null && err == null) {
                throw new IllegalStateException(
                        "net/http: internal error: misuse of tryDeliver");
            }
            this.pc = pc;
            this.err = err;
        } finally {
            mu.unlock();
        }
        if (dialed && pc != null) trace.dialWon(pc);
        ready.fire();
        return true;
    }

    @Override
    public boolean tryDeliver(C pc) {
        return tryDeliver(pc, null);
    }

    /** The permission to dial arrived from the wait queue: dial now, on a thread of its own. */
    @Override
    public boolean tryGrant() {
        if (!waiting()) return false;
        GetConnGo113.startDialConnFor(t, this);
        return true;
    }

    /**
     * The request no longer wants a connection. A connection delivered in the meantime is not
     * lost: it goes back to the pool, or is closed.
     */
    @Mirrors(file = "net/http/transport.go", func = "wantConn.cancel")
    public void cancel(IOException why) {
        C delivered;
        mu.lock();
        try {
            delivered = pc;
            pc = null;
            err = why;
        } finally {
            mu.unlock();
        }
        ready.fire(); // later deliveries must fail
        if (delivered != null) t.putOrCloseIdleConn(delivered);
    }

    public C pc() {
        mu.lock();
        try {
            return pc;
        } finally {
            mu.unlock();
        }
    }

    public IOException err() {
        mu.lock();
        try {
            return err;
        } finally {
            mu.unlock();
        }
    }
}
