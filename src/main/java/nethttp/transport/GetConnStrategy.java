package nethttp.transport;

import nethttp.getconn.ConnFinder;
import nethttp.getconn.GetConnGo112;
import nethttp.getconn.GetConnGo113;

/**
 * How a {@link Transport} finds a connection for a request: the two designs Go's transport has
 * had, each a {@link ConnFinder} of its own. Both are correct; chapter 9 compares how they
 * behave.
 */
public enum GetConnStrategy {
    /**
     * Go 1.13 and later: a request that finds no idle connection queues for the next one to
     * become idle <em>and</em> for permission to dial ({@code wantConn}, {@code queueForIdleConn},
     * {@code queueForDial}); whichever delivers first wins, exactly once, and a connection
     * that finds its request gone goes to the pool, where the oldest waiter gets it first.
     */
    GO_1_13(GetConnGo113.INSTANCE),
    /**
     * Go 1.12: a request that finds no idle connection starts a dial and then waits on two
     * things at once, its dial and a channel on which a connection that becomes idle is handed
     * to whoever is waiting. If the handed-over connection comes first, the dial still runs to
     * its end, and its connection is then parked in the pool (or closed, when the pool is full).
     */
    GO_1_12(GetConnGo112.INSTANCE);

    private final ConnFinder finder;

    GetConnStrategy(ConnFinder finder) {
        this.finder = finder;
    }

    /** The design this constant names. */
    ConnFinder finder() {
        return finder;
    }
}
