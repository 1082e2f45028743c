package nethttp.event;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Delivers events to the listeners subscribed at that moment.
 *
 * <p>Emitting code asks {@link #active()} first and only builds an event when someone listens,
 * so a bus nobody listens to costs one volatile read per would-be event:
 *
 * <pre>{@code
 * if (events.active()) events.emit(new ConnStateEvent(System.nanoTime(), id, addr, state));
 * }</pre>
 *
 * <p>Starting the JVM with {@code -Dnethttp.events=off} turns reporting off for the whole
 * process: {@link #active()} is then false whoever subscribes, and because the switch is a
 * {@code static final} field the JIT folds every {@code if (events.active())} away, as if the
 * event calls had never been written. The benchmarks use it to measure what the calls cost
 * when nobody listens.
 *
 * <p>Listeners run on the thread that emits, in subscription order, and must be quick and must
 * not throw; an exception from a listener is swallowed so it cannot break a connection.
 */
public final class EventBus {
    @SuppressWarnings("unchecked")
    private static final Consumer<Event>[] NONE = new Consumer[0];

    /** False when the JVM was started with {@code -Dnethttp.events=off}. */
    public static final boolean REPORTING = !"off".equals(System.getProperty("nethttp.events"));

    private volatile Consumer<Event>[] listeners = NONE;

    /** Whether anyone listens; always false when reporting is off. */
    public boolean active() {
        return REPORTING && listeners.length != 0;
    }

    /** Hands {@code e} to every listener. */
    public void emit(Event e) {
        if (!REPORTING) return;
        for (Consumer<Event> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ignored) {
                // A faulty listener must not take a connection down with it.
            }
        }
    }

    /** Adds a listener; closing the returned handle removes it. */
    public synchronized Subscription subscribe(Consumer<Event> listener) {
        Consumer<Event>[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[next.length - 1] = listener;
        listeners = next;
        return () -> unsubscribe(listener);
    }

    private synchronized void unsubscribe(Consumer<Event> listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(Consumer[]::new);
    }

    /** A subscription; {@link #close()} ends it. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
