package nethttp.visualizer.model;

import nethttp.event.Event;

/** An event the library emitted on a server's (or, later, a client's) event bus. */
public record LibraryEvent(Event event) implements Happening {
    @Override
    public long nanos() {
        return event.nanos();
    }
}
