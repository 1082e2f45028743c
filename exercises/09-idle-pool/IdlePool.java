package exercises;

import java.time.Duration;
import nethttp.exercises.Conn;

/**
 * Exercise 09: the idle connection pool of an HTTP client. The instructions are in README.adoc,
 * next to this file.
 *
 * <p>One thread calls it at a time: no locking is needed here.
 */
public final class IdlePool {
    private final int maxIdleConnsPerHost;
    private final int maxIdleConns;
    private final Duration idleConnTimeout;

    /**
     * An empty pool with the Transport's settings: at most {@code maxIdleConnsPerHost} idle
     * connections per host (0 means 2), at most {@code maxIdleConns} in all (0 means no limit),
     * and connections idle for {@code idleConnTimeout} closed (zero means never).
     */
    public IdlePool(int maxIdleConnsPerHost, int maxIdleConns, Duration idleConnTimeout) {
        this.maxIdleConnsPerHost = maxIdleConnsPerHost;
        this.maxIdleConns = maxIdleConns;
        this.idleConnTimeout = idleConnTimeout;
    }

    /**
     * Offers {@code conn}, whose response was read to its end, for reuse by the next request to
     * {@code conn.key()}. Returns whether it was kept; when it was not, the caller closes it.
     */
    public boolean put(Conn conn) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Takes the most recently used idle connection to {@code key} out of the pool and returns
     * it; null when there is none.
     */
    public Conn get(String key) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Closes every idle connection, and refuses connections offered until the next {@link #get}. */
    public void closeIdle() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code elapsed} passes: connections idle for {@code idleConnTimeout} or longer are closed. */
    public void tick(Duration elapsed) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
