package nethttp.getconn;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.annotations.Mirrors;

/**
 * {@code MaxConnsPerHost}: how many connections each host has (dialing, active or
 * idle), and the queue of requests waiting for permission to dial, served oldest first.
 *
 * <p>A connection counts from the moment its dial is permitted until it closes (or its dial
 * fails). When it goes, its permission passes straight to the oldest request still waiting;
 * only when none waits does the count drop.
 */
public final class ConnsPerHost {
    /** A request waiting for permission to dial. */
    public interface Waiter {
        /** Whether it still wants the permission. */
        boolean waiting();

        /** Hands it the permission; false when it no longer wants it (then the next one gets it). */
        boolean tryGrant();
    }

    private final ReentrantLock mu = new ReentrantLock();
    private final Map<ConnectMethodKey, Integer> count = new HashMap<>();
    private final Map<ConnectMethodKey, ArrayDeque<Waiter>> wait = new HashMap<>();

    /**
     * Takes a permission to dial {@code key} at once, or queues {@code w} for one. Returns
     * whether the permission was taken now; if not, {@code w.tryGrant()} is called later.
     */
    @Mirrors(file = "net/http/transport.go", func = "Transport.queueForDial")
    public boolean acquireOrQueue(ConnectMethodKey key, int max, Waiter w) {
        if (max <= 0) return true;
        mu.lock();
        try {
            int n = count.getOrDefault(key, 0);
            if (n < max) {
                count.put(key, n + 1);
                return true;
            }
            ArrayDeque<Waiter> q = wait.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!q.isEmpty() && !q.peekFirst().waiting()) q.pollFirst(); // cleanFront
            q.addLast(w);
            return false;
        } finally {
            mu.unlock();
        }
    }

    /** Removes {@code w} from the queue, if it is there (a Go 1.12 waiter that got its answer elsewhere). */
    public void forget(ConnectMethodKey key, Waiter w) {
        mu.lock();
        try {
            ArrayDeque<Waiter> q = wait.get(key);
            if (q != null && q.remove(w) && q.isEmpty()) wait.remove(key);
        } finally {
            mu.unlock();
        }
    }

    /**
     * A connection to {@code key} is gone (or its dial failed): its permission goes to the oldest
     * request still waiting, or the count drops.
     */
    // tag::conns-per-host-release[]
    @Mirrors(file = "net/http/transport.go", func = "Transport.decConnsPerHost")
    public void release(ConnectMethodKey key, int max) {
        if (max <= 0) return;
        mu.lock();
        try {
            int n = count.getOrDefault(key, 0);
            if (n == 0) {
                throw new IllegalStateException(
                        "net/http: internal error: connCount underflow");
            }
            ArrayDeque<Waiter> q = wait.get(key);
            boolean handedOn = false;
            while (q != null && !q.isEmpty() && !handedOn) {
                handedOn = q.pollFirst().tryGrant();
            }
            if (q != null && q.isEmpty()) wait.remove(key);
            if (handedOn) return;
            if (n == 1) count.remove(key);
            else count.put(key, n - 1);
        } finally {
            mu.unlock();
        }
    }
    // end::conns-per-host-release[]

    /** The number of counted connections to {@code key}. */
    public int count(ConnectMethodKey key) {
        mu.lock();
        try {
            return count.getOrDefault(key, 0);
        } finally {
            mu.unlock();
        }
    }

    /** The number of requests waiting for permission to dial {@code key}. */
    public int waiting(ConnectMethodKey key) {
        mu.lock();
        try {
            ArrayDeque<Waiter> q = wait.get(key);
            return q == null ? 0 : (int) q.stream().filter(Waiter::waiting).count();
        } finally {
            mu.unlock();
        }
    }
}
