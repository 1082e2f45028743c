package nethttp.exercises;

/**
 * The two parts of the Transport that exercise 13's pending-dial clean-up uses: the idle pool of
 * the request's host, and the count of connections the host may still dial
 * ({@code MaxConnsPerHost}).
 */
public interface HostPool {
    /**
     * Offers a connection nobody is using to the idle pool. False when the pool will not take it
     * (it is full, or keep-alives are off): the connection is then still the caller's, to close.
     */
    boolean tryPutIdleConn(Conn conn);

    /**
     * Gives back the permission to dial that a failed dial held. A connection's own permission is
     * given back when it is closed, so this is for dials that brought no connection.
     */
    void decConnsPerHost();
}
