package nethttp.server;

import java.time.Duration;

/**
 * Exercise 11's reference: the library's own {@link AcceptBackoff}, which is package-private,
 * reached from the exercises module through this class in its package, and the line
 * {@link Server#serve} logs for a failed accept.
 */
public final class AcceptBackoffReference {
    private final AcceptBackoff backoff = new AcceptBackoff();

    /** The wait after one more failed accept. */
    public Duration failed() {
        return backoff.failed();
    }

    /** An accept succeeded. */
    public void succeeded() {
        backoff.succeeded();
    }

    /** What {@link Server#serve} logs for a failed accept with message {@code error} before waiting {@code wait}. */
    public static String logLine(String error, Duration wait) {
        return String.format("http: Accept error: %s; retrying in %s", error, AcceptBackoff.goString(wait));
    }
}
