package nethttp.getconn;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.concurrent.Timers;
import nethttp.annotations.Mirrors;

/**
 * The idle connections of a transport, and the requests waiting for one to become idle.
 *
 * <p>Per key, idle connections are kept most recently used last, and a request takes the most
 * recently used one: it is the least likely to have been closed by the server. Across keys, a
 * list in order of idling lets {@code MaxIdleConns} evict the connection idle the
 * longest. A connection that becomes idle while requests wait for one goes to the oldest of them
 * first, and is not pooled at all.
 *
 * <p>All of it is guarded by one lock, Go's {@code idleMu}.
 */
public final class IdlePool<C extends PooledConn> {
    /** A request waiting for the next idle connection. */
    public interface Waiter<C> {
        boolean waiting();

        /** Hands it {@code pc}; false when it no longer wants one. */
        boolean tryDeliver(C pc);
    }

    private final ConnHost<C> t;
    final ReentrantLock idleMu = new ReentrantLock();
    /** Most recently used last. */
    private final Map<ConnectMethodKey, List<C>> idleConn = new HashMap<>();
    /** Every idle connection, oldest first: Go's {@code connLRU}. */
    private final LinkedHashSet<C> idleLRU = new LinkedHashSet<>();
    private final Map<ConnectMethodKey, ArrayDeque<Waiter<C>>> idleConnWait = new HashMap<>();
    /** Set by {@link #closeIdleConnections}: connections becoming idle are closed until someone wants one. */
    private boolean closeIdle;

    public IdlePool(ConnHost<C> t) {
        this.t = t;
    }

    /**
     * Offers {@code pc}, whose response was read completely, for reuse: to the oldest request
     * waiting for one, else to the pool. Returns null when it was taken, or the reason it was
     * not; the caller closes it then (see {@link ConnHost#putOrCloseIdleConn}).
     */
    @Mirrors(file = "net/http/transport.go", func = "Transport.tryPutIdleConn")
    public IOException tryPutIdleConn(C pc) {
        if (t.disableKeepAlives() || t.maxIdleConnsPerHostSetting() < 0) return PoolErrors.of(PoolErrors.KEEP_ALIVES_DISABLED);
        if (pc.isBroken()) return PoolErrors.of(PoolErrors.CONN_BROKEN);
        pc.markReused();
        C evicted = null;
        idleMu.lock();
        try {
            // tag::try-put-idle-waiters[]
            ArrayDeque<Waiter<C>> q = idleConnWait.get(pc.cacheKey());
            if (q != null) {
                boolean done = false;
                while (!q.isEmpty() && !done) done = q.pollFirst().tryDeliver(pc);
                if (q.isEmpty()) idleConnWait.remove(pc.cacheKey());
                if (done) return null;
            }
            // end::try-put-idle-waiters[]
            if (closeIdle) return PoolErrors.of(PoolErrors.CLOSE_IDLE);
            List<C> idles = idleConn.computeIfAbsent(pc.cacheKey(), k -> new ArrayList<>());
            if (idles.size() >= t.maxIdleConnsPerHost()) {
                if (idles.isEmpty()) idleConn.remove(pc.cacheKey());
                return PoolErrors.of(PoolErrors.TOO_MANY_IDLE_HOST);
            }
            if (idles.contains(pc)) throw new IllegalStateException("dup idle pconn " + pc.id() + " in freelist");
            idles.add(pc);
            idleLRU.add(pc);
            if (t.maxIdleConns() != 0 && idleLRU.size() > t.maxIdleConns()) {
                evicted = idleLRU.iterator().next();
                removeIdleConnLocked(evicted);
            }
            if (t.idleConnTimeout().isPositive()) {
                if (pc.idleTimer() != null) pc.idleTimer().cancel(false);
                pc.idleTimer(Timers.schedule(pc::closeConnIfStillIdle, t.idleConnTimeout().toNanos(), TimeUnit.NANOSECONDS));
            }
            pc.idleAt(t.now());
        } finally {
            idleMu.unlock();
        }
        if (evicted != null) evicted.close(PoolErrors.of(PoolErrors.TOO_MANY_IDLE));
        return null;
    }

    /**
     * Go 1.13's first step for a request: hand {@code w} the most recently used idle connection
     * that is neither broken nor too old, or queue {@code w} for the next one to become idle.
     * Returns whether a connection was delivered now.
     */
    // tag::queue-for-idle-conn[]
    @Mirrors(file = "net/http/transport.go", func = "Transport.queueForIdleConn")
    public boolean queueForIdleConn(WantConn<C> w) {
        if (t.disableKeepAlives()) return false;
        List<C> tooOld = new ArrayList<>();
        idleMu.lock();
        try {
            closeIdle = false; // someone wants a connection again
            C pc = mostRecentUsable(w.key, tooOld);
            if (pc != null) {
                // Found one: w is settled now or was before, so it is not queued.
                boolean delivered = w.tryDeliver(pc);
                if (delivered) take(pc);
                return delivered;
            }
            ArrayDeque<Waiter<C>> q =
                    idleConnWait.computeIfAbsent(w.key, k -> new ArrayDeque<>());
            while (!q.isEmpty() && !q.peekFirst().waiting()) q.pollFirst(); // cleanFront
            q.addLast(w);
            return false;
        } finally {
            idleMu.unlock();
            tooOld.forEach(PooledConn::closeConnIfStillIdle);
        }
    }
    // end::queue-for-idle-conn[]

    /**
     * Go 1.12's first step: take the most recently used usable idle connection, or null. Nothing
     * is queued; Go 1.12 waits on a channel instead (see {@link #listen}).
     */
    @Mirrors(file = "net/http/transport.go", func = "Transport.getIdleConn")
    public C getIdleConn(ConnectMethodKey key) {
        if (t.disableKeepAlives()) return null;
        List<C> tooOld = new ArrayList<>();
        idleMu.lock();
        try {
            closeIdle = false;
            C pc = mostRecentUsable(key, tooOld);
            if (pc != null) take(pc);
            return pc;
        } finally {
            idleMu.unlock();
            tooOld.forEach(PooledConn::closeConnIfStillIdle);
        }
    }

    /**
     * The most recently used idle connection of {@code key} that is neither broken nor too old,
     * left in the pool, or null. Broken and too old ones met on the way, from the most recent
     * end, leave the list; the too old are collected into {@code tooOld}, to be closed once the
     * lock is released.
     */
    private C mostRecentUsable(ConnectMethodKey key, List<C> tooOld) {
        List<C> list = idleConn.get(key);
        if (list == null) return null;
        long oldest = t.idleConnTimeout().isPositive() ? t.now() - t.idleConnTimeout().toNanos() : 0;
        while (!list.isEmpty()) {
            C pc = list.get(list.size() - 1);
            boolean old = oldest != 0 && pc.idleAt() - oldest < 0;
            if (!pc.isBroken() && !old) return pc;
            if (old) tooOld.add(pc);
            list.remove(list.size() - 1);
        }
        idleConn.remove(key);
        return null;
    }

    /** Takes {@code pc}, just found by {@link #mostRecentUsable}, out of the pool. */
    private void take(C pc) {
        List<C> list = idleConn.get(pc.cacheKey());
        list.remove(list.size() - 1);
        if (list.isEmpty()) idleConn.remove(pc.cacheKey());
        idleLRU.remove(pc);
    }

    /**
     * Go 1.12's receiving end of {@code idleConnCh}: while {@code w} waits, a connection that
     * becomes idle is handed to it (oldest listener first) instead of being pooled.
     */
    // tag::listen[]
    public void listen(ConnectMethodKey key, Waiter<C> w) {
        idleMu.lock();
        try {
            ArrayDeque<Waiter<C>> q =
                    idleConnWait.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!q.isEmpty() && !q.peekFirst().waiting()) q.pollFirst();
            q.addLast(w);
        } finally {
            idleMu.unlock();
        }
    }
    // end::listen[]

    /** {@code w} stopped listening. */
    public void unlisten(ConnectMethodKey key, Waiter<C> w) {
        idleMu.lock();
        try {
            ArrayDeque<Waiter<C>> q = idleConnWait.get(key);
            if (q != null && q.remove(w) && q.isEmpty()) idleConnWait.remove(key);
        } finally {
            idleMu.unlock();
        }
    }

    /** Takes {@code pc} out of the pool; returns whether it was there. */
    @Mirrors(file = "net/http/transport.go", func = "Transport.removeIdleConn")
    public boolean removeIdleConn(C pc) {
        idleMu.lock();
        try {
            return removeIdleConnLocked(pc);
        } finally {
            idleMu.unlock();
        }
    }

    @Mirrors(file = "net/http/transport.go", func = "Transport.removeIdleConnLocked")
    private boolean removeIdleConnLocked(C pc) {
        if (pc.idleTimer() != null) pc.idleTimer().cancel(false);
        idleLRU.remove(pc);
        List<C> list = idleConn.get(pc.cacheKey());
        if (list == null) return false;
        boolean removed = list.remove(pc); // keeps the order of the rest
        if (list.isEmpty()) idleConn.remove(pc.cacheKey());
        return removed;
    }

    /** Called by an idle timer: closes {@code pc} if it is still idle. */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.closeConnIfStillIdle")
    public void closeConnIfStillIdle(C pc) {
        idleMu.lock();
        try {
            if (!idleLRU.contains(pc)) return;
            removeIdleConnLocked(pc);
        } finally {
            idleMu.unlock();
        }
        pc.close(PoolErrors.of(PoolErrors.IDLE_CONN_TIMEOUT));
    }

    /** Closes every idle connection, and those that become idle until someone wants one again. */
    @Mirrors(file = "net/http/transport.go", func = "Transport.CloseIdleConnections")
    public void closeIdleConnections() {
        List<C> all = new ArrayList<>();
        idleMu.lock();
        try {
            idleConn.values().forEach(all::addAll);
            for (C pc : idleLRU) {
                if (pc.idleTimer() != null) pc.idleTimer().cancel(false);
            }
            idleConn.clear();
            idleLRU.clear();
            closeIdle = true;
        } finally {
            idleMu.unlock();
        }
        for (C pc : all) pc.close(PoolErrors.of(PoolErrors.CLOSE_IDLE_CONNS));
    }

    /** The idle connections for {@code key}, most recently used last (a snapshot, for tests and tools). */
    public List<C> idle(ConnectMethodKey key) {
        idleMu.lock();
        try {
            return List.copyOf(idleConn.getOrDefault(key, List.of()));
        } finally {
            idleMu.unlock();
        }
    }

    /** How many connections are idle, over all keys. */
    public int idleCount() {
        idleMu.lock();
        try {
            return idleLRU.size();
        } finally {
            idleMu.unlock();
        }
    }
}
