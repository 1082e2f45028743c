package nethttp.event;

import java.util.function.Consumer;

/**
 * A virtual thread that reports its life as {@link ThreadEvent}s: started, parked on something,
 * running again, ended. The goroutines of Go's net/http become these.
 *
 * <p>The body receives the {@code TracedThread} and calls {@link #parked(String)} just before it
 * blocks (on a socket read, a lock, a queue) and {@link #running()} right after. With no listener
 * on the bus both calls cost one volatile read.
 */
public final class TracedThread {
    private final EventBus bus;
    private final ThreadRole role;
    private final long conn;
    private volatile long threadId;

    private TracedThread(EventBus bus, ThreadRole role, long conn) {
        this.bus = bus;
        this.role = role;
        this.conn = conn;
    }

    /**
     * Starts {@code body} on a new virtual thread named {@code name}.
     *
     * @return the started thread
     */
    // tag::traced-thread-start[]
    public static Thread start(EventBus bus, ThreadRole role, long conn, String name,
            Consumer<TracedThread> body) {
        TracedThread t = new TracedThread(bus, role, conn);
        Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                body.accept(t);
            } finally {
                t.emit(ThreadEvent.Kind.ENDED, "");
            }
        });
        // Reported by the starting thread, so STARTED comes before anything the new
        // thread does.
        t.threadId = thread.threadId();
        t.emit(ThreadEvent.Kind.STARTED, "");
        thread.start();
        return thread;
    }
    // end::traced-thread-start[]

    /**
     * Reports the calling thread, which the library did not start itself (a caller's thread
     * running {@code Server.serve}, say), as a thread of this role; call {@link #ended()} when it
     * leaves the library.
     */
    public static TracedThread adopt(EventBus bus, ThreadRole role, long conn) {
        TracedThread t = new TracedThread(bus, role, conn);
        t.threadId = Thread.currentThread().threadId();
        t.emit(ThreadEvent.Kind.STARTED, "");
        return t;
    }

    /** The adopted thread leaves the library. */
    public void ended() {
        emit(ThreadEvent.Kind.ENDED, "");
    }

    /** About to block on {@code on}, for example {@code "read request"}. */
    public void parked(String on) {
        emit(ThreadEvent.Kind.PARKED, on);
    }

    /** Unblocked and running again. */
    public void running() {
        emit(ThreadEvent.Kind.RUNNING, "");
    }

    public ThreadRole role() {
        return role;
    }

    private void emit(ThreadEvent.Kind kind, String on) {
        if (bus.active()) bus.emit(new ThreadEvent(System.nanoTime(), conn, threadId, role, kind, on));
    }
}
