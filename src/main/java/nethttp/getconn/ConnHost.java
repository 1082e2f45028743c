package nethttp.getconn;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import nethttp.core.Context;
import nethttp.core.Request;
import nethttp.event.EventBus;

/**
 * The transport, as the getConn race and the idle pool call back into it: its limits, its pool
 * and per-host counts, dialing, parking a connection nobody waits for, and cancellation. Go's
 * functions are methods of {@code *Transport}; here the transport hands this package one object
 * that answers for it, so that the dependency runs one way.
 */
public interface ConnHost<C extends PooledConn> {
    /** {@code DisableKeepAlives}. */
    boolean disableKeepAlives();

    /** {@code MaxIdleConnsPerHost} as set: negative turns pooling off. */
    int maxIdleConnsPerHostSetting();

    /** {@code MaxIdleConnsPerHost} in effect, the default when unset. */
    int maxIdleConnsPerHost();

    /** {@code MaxIdleConns}: 0 is no limit. */
    int maxIdleConns();

    /** {@code MaxConnsPerHost}: 0 is no limit. */
    int maxConnsPerHost();

    /** {@code IdleConnTimeout}: zero or negative is none. */
    Duration idleConnTimeout();

    /** The transport's clock, in nanoseconds. */
    long now();

    IdlePool<C> idlePool();

    ConnsPerHost connsPerHost();

    /** Where the dial threads report their lives. */
    EventBus events();

    /** A fresh connection number. */
    long nextConnId();

    /** Dials {@code key} as connection {@code id}: Go's {@code Transport.dialConn}. */
    C dialConn(Context ctx, ConnectMethodKey key, long id, ConnTrace<C> trace) throws IOException;

    /** A dial ended for a request that no longer wants it: pool the connection, or close it. */
    void parkLoser(C pc, ConnTrace<C> trace);

    /** Offers {@code pc} for reuse, closing it when it is not taken. */
    void putOrCloseIdleConn(C pc);

    /** A connection to {@code key} is gone, or its dial failed: Go's {@code decConnsPerHost}. */
    void decConnsPerHost(ConnectMethodKey key);

    /** Sets (or, with null, clears) how the request {@code cancelKey} is canceled. */
    void setReqCanceler(Request cancelKey, Consumer<IOException> fn);

    /** The error a request canceled while it waited for a connection fails with. */
    IOException canceledWhileWaiting(IOException err);
}
