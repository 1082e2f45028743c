package nethttp.server;

import java.time.Duration;
import nethttp.core.Mirrors;

/**
 * How long the accept loop waits after a failed accept: 5 ms, doubling on each failure in a row,
 * never more than a second, back to nothing after a success. A server that runs out of file
 * descriptors thus keeps trying without spinning.
 */
@Mirrors(file = "net/http/server.go", func = "Server.Serve")
final class AcceptBackoff {
    static final Duration FIRST = Duration.ofMillis(5);
    static final Duration MAX = Duration.ofSeconds(1);

    private Duration delay = Duration.ZERO;

    /** The wait before the next attempt, after one more failure. */
    Duration failed() {
        delay = delay.isZero() ? FIRST : delay.multipliedBy(2);
        if (delay.compareTo(MAX) > 0) delay = MAX;
        return delay;
    }

    /** An accept succeeded: the next failure starts over at {@link #FIRST}. */
    void succeeded() {
        delay = Duration.ZERO;
    }

    /** A duration as Go prints it: {@code 5ms}, {@code 1s}. */
    static String goString(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
