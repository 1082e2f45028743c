package nethttp.getconn;

import nethttp.httptrace.ClientTrace;

/**
 * The steps of getConn that a request's trace hears of (its {@code ClientTrace} hooks and the
 * transport's event stream): the transport's per-request trace implements it.
 */
public interface ConnTrace<C> {
    /** getConn starts looking for a connection to {@code addr}. */
    void getConn(String addr);

    /** getConn found {@code pc}. */
    void gotConn(C pc, ClientTrace.GotConnInfo info);

    /** The request waits for a permission to dial {@code addr} ({@code MaxConnsPerHost}). */
    void waitForSlot(String addr);

    /** A connection that became idle reached the request before its dial did. */
    void idleWon(C pc);

    /** The request's own dial gave it its connection. */
    void dialWon(C pc);
}
