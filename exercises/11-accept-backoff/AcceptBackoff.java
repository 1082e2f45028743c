package exercises;

import java.time.Duration;

/**
 * Exercise 11: how long the accept loop waits after a failed accept, and what it logs. The
 * instructions are in README.adoc, next to this file.
 */
public final class AcceptBackoff {
    /** A backoff that has seen no failure yet. */
    public AcceptBackoff() {}

    /**
     * One more accept failed, right after the ones before it (or after a success): how long the
     * loop waits before it calls accept again.
     */
    public Duration failed() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** An accept succeeded: the next failure is counted from scratch. */
    public void succeeded() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The line the server logs for a failed accept with the message {@code error}, before it
     * waits {@code wait}: {@code http: Accept error: too many open files; retrying in 5ms}.
     */
    public static String logLine(String error, Duration wait) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
