package nethttp.event;

/**
 * A virtual thread started by the library changed what it is doing.
 *
 * @param thread the thread's id ({@link Thread#threadId()})
 * @param role   what the thread is for
 * @param kind   what happened
 * @param on     for {@link Kind#PARKED}, what it waits on ("read request", "accept", ...); else
 *               a short note or empty
 */
public record ThreadEvent(long nanos, long conn, long thread, ThreadRole role, Kind kind, String on)
        implements Event {

    /** The life of a thread: started, then parked and running in turns, then ended. */
    public enum Kind {
        STARTED,
        PARKED,
        RUNNING,
        ENDED
    }
}
