package nethttp.visualizer.model;

import nethttp.event.Event;

/**
 * An event the library emitted on a server's or a client's event bus.
 *
 * @param source who emitted it: empty for the embedded server, else the label of one of the
 *               scenario's client transports ({@code go1.12}, {@code go1.13}); two transports
 *               number their connections and requests from 1 each, so the label keeps them apart
 */
public record LibraryEvent(Event event, String source) implements Happening {
    public LibraryEvent {
        if (source == null) throw new NullPointerException("source");
    }

    /** An event of the embedded server. */
    public LibraryEvent(Event event) {
        this(event, "");
    }

    /** Whether a client transport emitted it. */
    public boolean fromClient() {
        return !source.isEmpty();
    }

    @Override
    public long nanos() {
        return event.nanos();
    }
}
