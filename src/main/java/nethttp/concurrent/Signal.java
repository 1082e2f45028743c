package nethttp.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-way, one-time event: Go's idiom of a channel that is closed to announce something to
 * every receiver at once ({@code close(pc.closech)}, {@code ctx.Done()}).
 *
 * <p>{@link #fire()} may be called any number of times from any thread; only the first counts.
 * Callbacks registered with {@link #onFire} run exactly once, on the thread that fires (or at
 * once on the registering thread, when the signal already fired), so they must be short: post
 * to a {@link Mailbox}, set a flag, close a socket.
 */
public final class Signal {
    private final ReentrantLock mu = new ReentrantLock();
    private final Condition fired = mu.newCondition();
    private List<Runnable> callbacks = new ArrayList<>();
    private volatile boolean done;

    /** Fires the signal; returns whether this call was the one that fired it. */
    public boolean fire() {
        List<Runnable> toRun;
        mu.lock();
        try {
            if (done) return false;
            done = true;
            toRun = callbacks;
            callbacks = null;
            fired.signalAll();
        } finally {
            mu.unlock();
        }
        for (Runnable r : toRun) r.run();
        return true;
    }

    /** Whether the signal fired: Go's {@code select { case <-ch: ...; default: }}. */
    public boolean isFired() {
        return done;
    }

    /** Waits until the signal fires; interruption is ignored (the caller's owner decides when to stop). */
    public void await() {
        mu.lock();
        try {
            while (!done) fired.awaitUninterruptibly();
        } finally {
            mu.unlock();
        }
    }

    /**
     * Waits until the signal fires or {@code timeout} passes; returns whether it fired. Go's
     * {@code select { case <-ch: case <-time.After(timeout): }}. An interrupt ends the wait early
     * and stays set on the thread.
     */
    public boolean await(Duration timeout) {
        long left = timeout.toNanos();
        mu.lock();
        try {
            while (!done && left > 0) {
                try {
                    left = fired.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return done;
                }
            }
            return done;
        } finally {
            mu.unlock();
        }
    }

    /**
     * Runs {@code callback} when the signal fires (at once if it has). Returns a handle that
     * unregisters the callback, so that a waiter which stopped caring leaves nothing behind.
     */
    // tag::signal-on-fire[]
    public Registration onFire(Runnable callback) {
        mu.lock();
        try {
            if (!done) {
                callbacks.add(callback);
                return () -> remove(callback);
            }
        } finally {
            mu.unlock();
        }
        callback.run();
        return () -> {};
    }
    // end::signal-on-fire[]

    private void remove(Runnable callback) {
        mu.lock();
        try {
            if (callbacks != null) callbacks.remove(callback);
        } finally {
            mu.unlock();
        }
    }

    /** A callback registration; {@link #cancel()} removes the callback if it has not run. */
    @FunctionalInterface
    public interface Registration {
        void cancel();
    }
}
