package nethttp.exercises;

import java.io.IOException;

/**
 * What exercise 13's {@code DialRace} is to the grader: Go 1.12's {@code select} in
 * {@code getConn}, where a request that found no idle connection waits for the first of its own
 * dial, a connection handed over by another request, or its cancellation. The student's class
 * implements it, so that the grader calls the student's methods directly; see
 * {@code exercises/13-dial-race/README.adoc} for what each method must do.
 */
public interface DialRaceSlot {
    /**
     * Another request's connection became idle and is offered to this waiting request; true when
     * the request takes it, false when the race was settled already (the giver keeps it).
     */
    boolean handOver(Conn conn);

    /**
     * The dial started for this request ended, with a connection ({@code err} null) or an error
     * ({@code conn} null). If something else settled the race first, the dial's result is
     * disposed of here: the pending dial's clean-up.
     */
    void dialDone(Conn conn, IOException err);

    /** The request gives up: settles the race with {@code err} unless it is settled already. */
    void cancel(IOException err);

    /** Waits until the race is settled; returns the connection that won, or throws the error. */
    Conn await() throws IOException, InterruptedException;
}
