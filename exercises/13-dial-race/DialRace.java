package exercises;

import java.io.IOException;
import nethttp.exercises.Conn;
import nethttp.exercises.DialRaceSlot;
import nethttp.exercises.HostPool;

/**
 * Exercise 13: a request that found no idle connection waits for the first of its own dial, a
 * connection handed over by another request, or its cancellation; a dial that comes too late
 * cleans up after itself. The instructions are in README.adoc, next to this file.
 *
 * <p>The calls come from different threads, at any time. It implements {@link DialRaceSlot},
 * through which the grader calls it: keep the {@code implements}.
 */
public final class DialRace implements DialRaceSlot {
    /** The host's idle pool and dial count, for the clean-up after a dial that lost. */
    private final HostPool pool;

    /** A race that nothing has settled yet. */
    public DialRace(HostPool pool) {
        this.pool = pool;
    }

    /**
     * Another request's connection is offered: true when it settles the race (the request takes
     * it), false when the race was settled already (the giver keeps it).
     */
    @Override
    public boolean handOver(Conn conn) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The dial ended, with a connection ({@code err} null) or an error ({@code conn} null). It
     * settles the race if nothing did; otherwise its result is nobody's, and must not be lost.
     */
    @Override
    public void dialDone(Conn conn, IOException err) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The request gives up: settles the race with {@code err}, unless it is settled already. */
    @Override
    public void cancel(IOException err) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Waits until the race is settled; returns the winning connection, or throws the error. */
    @Override
    public Conn await() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
