package nethttp.exercises;

import java.io.IOException;

/**
 * What exercise 10's {@code WantConn} is to the grader: a request's one-shot slot for a
 * connection, which deliveries and the request's cancellation race to settle. The student's
 * class implements it, so that the grader calls the student's methods directly; see
 * {@code exercises/10-try-deliver/README.adoc} for what each method must do.
 */
public interface ConnSlot {
    /** Whether nothing has settled the outcome yet. */
    boolean waiting();

    /**
     * Settles the outcome with a connection ({@code err} null) or an error ({@code conn} null),
     * unless it is settled already; true for the one call that settled it.
     */
    boolean tryDeliver(Conn conn, IOException err);

    /** Waits until the outcome is settled; returns the connection, or throws the error. */
    Conn await() throws IOException, InterruptedException;

    /** Settles the outcome with {@code err} and gives back a connection delivered before. */
    void cancel(IOException err);
}
