package nethttp.visualizer.scenario;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import nethttp.core.ConnState;
import nethttp.core.Handler;
import nethttp.event.ConnStateEvent;
import nethttp.event.EventBus;
import nethttp.event.ThreadEvent;
import nethttp.server.Server;
import nethttp.server.ServerClosedException;
import nethttp.transport.GetConnStrategy;
import nethttp.transport.Transport;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Note;
import nethttp.visualizer.model.Recording;

/**
 * One run of a scenario: an embedded server on 127.0.0.1 with a free port, a recorder
 * subscribed to its events, and the scenario's clients, which add what they put on the wire.
 *
 * <p>Everything recorded also goes to a live listener as it happens, so the app animates the
 * run while it goes. The run ends when the scenario returns and the server, shut down, has
 * closed every connection and ended every thread it started.
 */
public final class ScenarioRun {
    private static final Duration QUIESCE = Duration.ofSeconds(10);

    /** The embedded server; a scenario may set its timeouts before {@link #start}. */
    public final Server server = new Server();

    private final Consumer<Happening> live;
    private final ReentrantLock mu = new ReentrantLock();
    private final Condition recorded = mu.newCondition();
    private final List<Happening> happenings = new ArrayList<>();
    private final Set<Long> openConns = new HashSet<>();
    private final Set<Long> liveThreads = new HashSet<>();
    private EventBus.Subscription subscription;
    private final List<Transport> transports = new ArrayList<>();
    private final List<EventBus.Subscription> clientSubscriptions = new ArrayList<>();
    private Thread acceptThread;
    private int port;

    ScenarioRun(Consumer<Happening> live) {
        this.live = live;
        server.errorLog = line -> record(new Note(System.nanoTime(), "server log: " + line.lines().findFirst().orElse("")));
    }

    /** Starts serving {@code handler} and returns once the accept loop is listening. */
    public void start(Handler handler) throws IOException {
        server.handler = handler;
        subscription = server.events.subscribe(e -> record(new LibraryEvent(e)));
        ServerSocket listener = Server.listen("127.0.0.1:0");
        port = listener.getLocalPort();
        acceptThread = Thread.ofVirtual().name("visualizer-serve").start(() -> {
            try {
                server.serve(listener);
            } catch (ServerClosedException expected) {
                // shut down by the scenario or by finish()
            } catch (IOException e) {
                note("serve ended: " + e.getMessage());
            }
        });
    }

    /** The server's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Opens a new client connection to the server. */
    public RawClient connect(String name) throws IOException {
        return new RawClient(this, name, port);
    }

    /**
     * A client transport whose events are recorded under {@code label}, dialing the embedded
     * server with a {@link HeldDialer} (holding every dial when {@code holdDials}). The run
     * closes its idle connections at the end.
     */
    ClientSide client(String label, GetConnStrategy strategy, boolean holdDials) {
        Transport t = new Transport();
        t.getConnStrategy = strategy;
        HeldDialer dialer = new HeldDialer(this, label, holdDials);
        t.dialer = dialer;
        t.errorLog = line -> note(label + " transport log: " + line);
        mu.lock();
        try {
            transports.add(t);
            clientSubscriptions.add(t.events.subscribe(e -> record(new LibraryEvent(e, label))));
        } finally {
            mu.unlock();
        }
        return new ClientSide(this, label, t, dialer);
    }

    /** The connection that the dial thread {@code thread} of transport {@code source} dials, 0 when unknown. */
    long dialFor(String source, long thread) {
        mu.lock();
        try {
            for (int i = happenings.size() - 1; i >= 0; i--) {
                if (happenings.get(i) instanceof LibraryEvent le && le.source().equals(source) && le.event() instanceof ThreadEvent t
                        && t.thread() == thread && t.role() == nethttp.event.ThreadRole.DIAL) {
                    return t.conn();
                }
            }
            return 0;
        } finally {
            mu.unlock();
        }
    }

    /** Adds a line of narration. */
    public void note(String text) {
        record(new Note(System.nanoTime(), text));
    }

    /** Records {@code h} and hands it to the live listener. */
    void record(Happening h) {
        mu.lock();
        try {
            happenings.add(h);
            track(h);
            live.accept(h);
            recorded.signalAll();
        } finally {
            mu.unlock();
        }
    }

    private void track(Happening h) {
        if (!(h instanceof LibraryEvent le)) return;
        if (le.event() instanceof ConnStateEvent s) {
            if (s.state() == ConnState.NEW) openConns.add(s.conn());
            if (s.state() == ConnState.CLOSED || s.state() == ConnState.HIJACKED) openConns.remove(s.conn());
        } else if (le.event() instanceof ThreadEvent t) {
            if (t.kind() == ThreadEvent.Kind.STARTED) liveThreads.add(t.thread());
            if (t.kind() == ThreadEvent.Kind.ENDED) liveThreads.remove(t.thread());
        }
    }

    /**
     * Waits until {@code count} recorded happenings match {@code what}: how a scenario waits for
     * the server to reach a point, without guessing a delay.
     */
    public void awaitCount(Predicate<Happening> what, int count) throws InterruptedException, TimeoutException {
        awaitState(() -> happenings.stream().filter(what).count() >= count);
    }

    private void awaitState(java.util.function.BooleanSupplier done) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + QUIESCE.toNanos();
        mu.lock();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new TimeoutException("the server did not get there in " + QUIESCE.toSeconds() + " s");
                recorded.awaitNanos(left);
            }
        } finally {
            mu.unlock();
        }
    }

    /**
     * Closes the client transports' idle connections, shuts the server down gracefully, waits
     * until every connection is closed and every thread (the clients' too) ended, and returns the
     * recording.
     */
    Recording finish(String scenario) throws IOException, InterruptedException, TimeoutException {
        try {
            transports.forEach(Transport::closeIdleConnections);
            server.shutdown(QUIESCE);
            acceptThread.join(QUIESCE);
            awaitState(() -> openConns.isEmpty() && liveThreads.isEmpty());
        } finally {
            if (subscription != null) subscription.close();
            clientSubscriptions.forEach(EventBus.Subscription::close);
            server.close();
        }
        mu.lock();
        try {
            return new Recording(scenario, happenings);
        } finally {
            mu.unlock();
        }
    }
}
