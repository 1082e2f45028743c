package nethttp.getconn;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import nethttp.httptrace.ClientTrace;

/**
 * What the idle pool and the getConn race need of a connection: Go's {@code *persistConn} as
 * this package sees it. The transport's connection implements it; the pool keeps the idle time
 * and the idle timer on the connection, as Go does, through the accessors here.
 */
public interface PooledConn {
    /** The key of the requests this connection can serve. */
    ConnectMethodKey cacheKey();

    /** The connection's number, for messages. */
    long id();

    /** The socket, for the trace's {@code GotConnInfo}. */
    Socket conn();

    /** Whether the connection can no longer be used (closed, or failed). */
    boolean isBroken();

    /** Whether the connection already served a request. */
    boolean isReused();

    /** Notes that the connection is being offered for another request. */
    void markReused();

    /** When the connection last became idle, on the transport's clock. */
    long idleAt();

    void idleAt(long nanos);

    /** The timer that closes the connection when it stays idle too long, or null. */
    ScheduledFuture<?> idleTimer();

    void idleTimer(ScheduledFuture<?> timer);

    /** The trace record of this connection taken from the pool, idle since {@code idleAt}. */
    ClientTrace.GotConnInfo gotIdleConnTrace(long idleAt);

    /** Closes the connection for {@code err}. */
    void close(IOException err);

    /** Closes the connection if it is still idle (its idle timer fired). */
    void closeConnIfStillIdle();
}
