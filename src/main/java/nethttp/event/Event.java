package nethttp.event;

/**
 * Something that happened inside the library, worth showing to a person: a connection changing
 * state, a virtual thread starting, parking or ending, a request read or a response begun.
 *
 * <p>Events are plain immutable records. They carry {@link #nanos()}, a {@link System#nanoTime()}
 * reading, so that a recording can be replayed at its true pace, and the id of the connection
 * they concern ({@code 0} when none).
 */
public sealed interface Event permits ConnStateEvent, ThreadEvent, ExchangeEvent, ClientTraceEvent {
    /** When it happened, from {@link System#nanoTime()}. */
    long nanos();

    /** The connection it concerns, numbered from 1 per server; 0 for none. */
    long conn();
}
