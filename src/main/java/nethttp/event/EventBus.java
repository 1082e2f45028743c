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
 * <p>Listeners run on the thread that emits, in subscription order, and must be quick and must
 * not throw; an exception from a listener is swallowed so it cannot break a connection.
 */
public final class EventBus {
    @SuppressWarnings("unchecked")
    private static final Consumer<Event>[] NONE = new Consumer[0];

    private volatile Consumer<Event>[] listeners = NONE;

    /** Whether anyone listens. */
    public boolean active() {
        return listeners.length != 0;
    }

    /** Hands {@code e} to every listener. */
    public void emit(Event e) {
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
