package nethttp.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import nethttp.annotations.Mirrors;
import nethttp.core.NetAddr;

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

    /**
     * Whether a failed accept is worth another try, by Go's rule ({@code net.Error.Temporary}
     * on an accept error): a timeout, no file descriptor left in the process or the system, an
     * interrupted call, or a connection reset or aborted before it was accepted. The JDK tells
     * these apart only by the system's message. Anything else, a broken listener or a bug, ends
     * the accept loop.
     */
    static boolean isTemporary(Throwable t) {
        if (t instanceof SocketTimeoutException) return true;
        if (!(t instanceof IOException) || t.getMessage() == null) return false;
        String m = t.getMessage().toLowerCase(Locale.ROOT);
        for (String temporary : TEMPORARY) {
            if (m.contains(temporary)) return true;
        }
        return false;
    }

    /** The system's words for EMFILE and ENFILE, EINTR, EAGAIN, ETIMEDOUT, ECONNRESET, ECONNABORTED. */
    private static final List<String> TEMPORARY = List.of("too many open files", "interrupted system call",
            "resource temporarily unavailable", "connection timed out", "connection reset", "connection abort");

    /** The system call Go's listener makes, which its accept errors name: accept4 on Linux. */
    static final String ACCEPT_CALL =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") ? "accept4" : "accept";

    /**
     * A failed accept in Go's words, its {@code net.OpError}:
     * {@code accept tcp 127.0.0.1:8080: accept4: too many open files}, or {@code ...: i/o timeout}
     * for a deadline. The JDK names the cause in words only (the C library's, or a few of its
     * own), which become Go's text for the same error number.
     */
    @Mirrors(file = "net/net.go", func = "OpError.Error")
    static String acceptError(ServerSocket l, Throwable e) {
        String addr = NetAddr.of(l.getLocalSocketAddress());
        String op = addr.isEmpty() ? "accept tcp" : "accept tcp " + addr;
        if (e instanceof SocketTimeoutException) return op + ": i/o timeout";
        return op + ": " + ACCEPT_CALL + ": " + errnoText(e.getMessage());
    }

    /** Go's text for the error a JDK message reports; the C library's words, in lower case, are Go's. */
    private static String errnoText(String jdk) {
        String m = jdk == null ? "" : jdk.toLowerCase(Locale.ROOT);
        if (m.contains("connection reset")) return "connection reset by peer";
        if (m.contains("connection abort")) return "software caused connection abort";
        return m;
    }

    /** A duration as Go prints it: {@code 5ms}, {@code 1s}. */
    static String goString(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
