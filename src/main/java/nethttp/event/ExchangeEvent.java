package nethttp.event;

/**
 * A step of one request-response exchange on a connection.
 *
 * @param kind   which step
 * @param detail a human-readable summary: the request line, or the status line
 */
public record ExchangeEvent(long nanos, long conn, Kind kind, String detail) implements Event {

    /** The steps the server reports. */
    public enum Kind {
        /** A request's line and header were read. */
        REQUEST_READ,
        /** The status line and header were written to the buffer. */
        RESPONSE_HEADER,
        /** The handler returned and the response was flushed. */
        RESPONSE_DONE,
        /** A malformed request was answered with an error and the connection closed. */
        REQUEST_REJECTED
    }
}
