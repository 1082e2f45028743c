package nethttp.transport;

import java.io.IOException;

/**
 * One design of Go's {@code Transport.getConn} (each implementation carries the mirror): how a request that wants a connection for
 * {@code key} gets one, from the idle pool or by dialing, and what becomes of the loser when
 * both could serve it. Go has had two ({@link GetConnGo112}, {@link GetConnGo113}); a
 * {@link GetConnStrategy} names each, and the {@link Transport} asks the one its
 * {@code getConnStrategy} names. The designs hold no state of their own: the pool, the
 * per-host counts and the dialer are the transport's.
 */
interface ConnFinder {
    /**
     * A connection for {@code treq}, idle or freshly dialed, with the request's trace told how
     * it was found.
     *
     * @throws IOException the dial's error, the context's error when the request's context ends
     *     first, or a {@link RequestCanceledException} when the transport cancels the request
     */
    PersistConn getConn(Transport t, TransportRequest treq, ConnectMethodKey key) throws IOException;
}
