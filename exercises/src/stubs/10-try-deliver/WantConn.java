package exercises;

import java.io.IOException;
import java.util.function.Consumer;
import nethttp.exercises.Conn;
import nethttp.exercises.ConnSlot;

/**
 * Exercise 10: a request's wish for a connection, settled exactly once. The instructions are in
 * README.adoc, next to this file.
 *
 * <p>Many threads call it at once. It implements {@link ConnSlot}, through which the grader
 * calls it: keep the {@code implements}.
 */
public final class WantConn implements ConnSlot {
    /** Where {@link #cancel} gives back a connection that was delivered too late. */
    private final Consumer<Conn> putOrCloseIdleConn;

    /** A slot, not settled yet; {@code putOrCloseIdleConn} is the Transport's, for {@link #cancel}. */
    public WantConn(Consumer<Conn> putOrCloseIdleConn) {
        this.putOrCloseIdleConn = putOrCloseIdleConn;
    }

    /** Whether nothing has settled the outcome yet. */
    @Override
    public boolean waiting() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Settles the outcome with a connection ({@code err} null) or an error ({@code conn} null),
     * unless it is settled already. Returns true for the one call that settled it, false for
     * every other: that caller keeps its connection.
     */
    @Override
    public boolean tryDeliver(Conn conn, IOException err) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Waits until the outcome is settled; returns the connection, or throws the error. */
    @Override
    public Conn await() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The request no longer wants a connection: settles the outcome with {@code err}, so that
     * later deliveries fail, and gives a connection delivered meanwhile back to the pool.
     */
    @Override
    public void cancel(IOException err) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
