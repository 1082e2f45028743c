package nethttp.exercises;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pretend client connection for the client-side exercises: a number to tell it apart, the key
 * of the host it was dialed to, and whether it is closed. It carries no socket; what the
 * exercises care about is where a connection is (in use, idle in a pool, handed over, closed),
 * and that none gets lost on the way.
 *
 * <p>{@link #close()} may be called any number of times, from any thread.
 */
public final class Conn {
    private final int id;
    private final String key;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A new open connection numbered {@code id}, dialed for {@code key}, written as a URL's
     * scheme and host, such as {@code http://a:80}.
     */
    public Conn(int id, String key) {
        this.id = id;
        this.key = key;
    }

    /** The connection's number, unique within one graded scenario. */
    public int id() {
        return id;
    }

    /** The host it is connected to, such as {@code http://a:80}: Go's connectMethodKey. */
    public String key() {
        return key;
    }

    /** Closes the connection; closing a closed connection does nothing. */
    public void close() {
        closed.set(true);
    }

    /** Whether it was closed, by its owner or by the server: Go's {@code persistConn.isBroken}. */
    public boolean isBroken() {
        return closed.get();
    }

    /** {@code conn#3}, as the graders show it. */
    @Override
    public String toString() {
        return "conn#" + id;
    }
}
