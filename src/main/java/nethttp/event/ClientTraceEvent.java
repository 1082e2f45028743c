package nethttp.event;

/**
 * A step in a client's round trip, as Go's {@code httptrace.ClientTrace} hooks report them,
 * plus what the hooks cannot see: how each race for a connection ended, and why a connection
 * closed.
 *
 * @param conn    the client connection concerned (numbered from 1 per transport), 0 before one
 *                is known
 * @param request the round trip, numbered from 1 per transport
 * @param kind    which step
 * @param detail  a short human-readable note: an address, an error, how long a connection idled
 */
public record ClientTraceEvent(long nanos, long conn, long request, Kind kind, String detail) implements Event {

    /** The steps. The first ones carry the names of Go's {@code ClientTrace} hooks. */
    public enum Kind {
        /** A connection to {@code detail} ({@code host:port}) is wanted. */
        GET_CONN,
        /** A connection was obtained; detail says whether reused, whether it was idle, and for how long. */
        GOT_CONN,
        /** After a response, the connection went back to the pool (detail empty) or not (detail: why). */
        PUT_IDLE_CONN,
        /** A dial begins. */
        CONNECT_START,
        /** A dial ended; detail is the error, if any. */
        CONNECT_DONE,
        /** The request's header was written. */
        WROTE_HEADERS,
        /** The whole request was written; detail is the error, if any. */
        WROTE_REQUEST,
        /** The first byte of the response arrived. */
        GOT_FIRST_RESPONSE_BYTE,
        /** The server said {@code 100 Continue}. */
        GOT_100_CONTINUE,
        /** The race for a connection: an idle connection came first. */
        IDLE_WON,
        /** The race for a connection: this request's own dial came first. */
        DIAL_WON,
        /** A dial lost its race (or its request went away); its connection was parked in the pool. */
        LOSER_PARKED,
        /** A dial lost its race; its connection could not be parked and was closed. */
        LOSER_CLOSED,
        /** A request waits for permission to dial: the host has {@code MaxConnsPerHost} connections. */
        WAIT_FOR_SLOT,
        /** A connection was closed; detail is why. */
        CONN_CLOSED
    }
}
