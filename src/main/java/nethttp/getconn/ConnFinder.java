package nethttp.getconn;

import java.io.IOException;
import nethttp.core.Context;
import nethttp.core.Request;

/**
 * One design of Go's {@code Transport.getConn} (each implementation carries the mirror): how a request that wants a connection for
 * {@code key} gets one, from the idle pool or by dialing, and what becomes of the loser when
 * both could serve it. Go has had two ({@link GetConnGo112}, {@link GetConnGo113}); the
 * transport's {@code GetConnStrategy} names each, and the transport asks the one its
 * {@code getConnStrategy} names. The designs hold no state of their own: the pool, the
 * per-host counts and the dialer are the transport's, reached through its {@link ConnHost}.
 */
public interface ConnFinder {
    /**
     * A connection for the request whose context is {@code ctx}, idle or freshly dialed, with
     * the request's trace told how it was found; {@code cancelKey} is the request the
     * transport cancels by.
     *
     * @throws IOException the dial's error, the context's error when the request's context ends
     *     first, or the transport's cancellation error when it cancels the request
     */
    <C extends PooledConn> C getConn(ConnHost<C> t, Context ctx, ConnTrace<C> trace, Request cancelKey,
            ConnectMethodKey key) throws IOException;
}
