package nethttp.event;

/**
 * What a virtual thread started by the library is for. Each role stands for a goroutine in Go's
 * net/http.
 */
public enum ThreadRole {
    /** The loop that accepts connections: Go's {@code Server.Serve}. */
    ACCEPT,
    /** One per connection, reading requests and calling the handler: Go's {@code conn.serve}. */
    CONN_SERVE,
    /**
     * Watches a connection for the next byte or a hang-up while a handler runs: Go's {@code
     * connReader.backgroundRead}. Started once the handler looks at its request's context.
     */
    BACKGROUND_READ,
    /** Client side: reads responses from a connection (Go's {@code persistConn.readLoop}). */
    READ_LOOP,
    /** Client side: writes requests to a connection (Go's {@code persistConn.writeLoop}). */
    WRITE_LOOP,
    /** Client side: opens a connection (Go's {@code Transport.dialConnFor}). */
    DIAL
}
