package nethttp.core;

import java.util.Locale;
import nethttp.annotations.Mirrors;

/**
 * The states a server-side connection passes through, announced to a server's connection-state
 * hook and to event listeners.
 *
 * <pre>
 *   NEW ──► ACTIVE ──► IDLE ──► ACTIVE ──► ... ──► CLOSED
 *              └────────────────► HIJACKED
 * </pre>
 */
// tag::conn-states[]
@Mirrors(file = "net/http/server.go", func = "ConnState")
public enum ConnState {
    /** Accepted; no request has been read from it yet, though one may be arriving. */
    NEW,
    /**
     * A request's head has been read (or failed to be, after at least one of its bytes
     * came in); it is being answered. While a head is still arriving, the state stays NEW
     * or IDLE.
     */
    ACTIVE,
    /** The response is complete and the connection waits for the next request. */
    IDLE,
    /** A handler took the connection over; the server no longer tracks it. Terminal. */
    HIJACKED,
    /** Closed. Terminal. */
    CLOSED;

    /** The name Go prints for the state ({@code "new"}, {@code "active"}, ...). */
    @Mirrors(file = "net/http/server.go", func = "ConnState.String")
    public String goName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
// end::conn-states[]
