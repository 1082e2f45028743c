package nethttp.getconn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import nethttp.core.Context;
import org.junit.jupiter.api.Test;

/**
 * The race's parts stand without a transport: a {@link WantConn} and {@link ConnsPerHost} driven
 * through the two interfaces alone, with stand-ins for the connection and the host.
 */
class WantConnTest {
    private static final ConnectMethodKey KEY = new ConnectMethodKey("http", "a:80");

    /** A connection that is only an identity: a WantConn never looks inside it. */
    private static PooledConn conn(String name) {
        return (PooledConn) Proxy.newProxyInstance(PooledConn.class.getClassLoader(), new Class<?>[] {PooledConn.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A host that records the connections given back to it, and supports nothing else. */
    @SuppressWarnings("unchecked")
    private static ConnHost<PooledConn> host(List<PooledConn> givenBack) {
        return (ConnHost<PooledConn>) Proxy.newProxyInstance(ConnHost.class.getClassLoader(), new Class<?>[] {ConnHost.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("putOrCloseIdleConn")) {
                        givenBack.add((PooledConn) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void theFirstDeliveryWinsAndACancelGivesItsConnectionBack() {
        List<PooledConn> givenBack = new ArrayList<>();
        WantConn<PooledConn> w = new WantConn<>(host(givenBack), KEY, Context.background(), null);
        PooledConn a = conn("a");
        assertTrue(w.waiting());
        assertTrue(w.tryDeliver(a, null), "the first delivery settles the wish");
        assertFalse(w.tryDeliver(conn("b"), null), "a second delivery loses");
        assertFalse(w.waiting());
        assertSame(a, w.pc());

        IOException why = new IOException("gone");
        w.cancel(why);
        assertEquals(List.of(a), givenBack, "the delivered connection is not lost");
        assertNull(w.pc());
        assertSame(why, w.err());
        assertFalse(w.tryDeliver(conn("c"), null), "nothing is delivered after a cancel");
    }

    @Test
    void aReleasedPermissionGoesToTheOldestWaiterStillWaiting() {
        ConnsPerHost limits = new ConnsPerHost();
        WantConn<PooledConn> gone = new WantConn<>(host(new ArrayList<>()), KEY, Context.background(), null);
        List<String> granted = new ArrayList<>();
        ConnsPerHost.Waiter next = new ConnsPerHost.Waiter() {
            public boolean waiting() {
                return true;
            }

            public boolean tryGrant() {
                granted.add("next");
                return true;
            }
        };
        assertTrue(limits.acquireOrQueue(KEY, 1, null), "the first dial is permitted at once");
        assertFalse(limits.acquireOrQueue(KEY, 1, gone));
        assertFalse(limits.acquireOrQueue(KEY, 1, next));
        gone.cancel(new IOException("no longer waiting"));
        limits.release(KEY, 1);
        assertEquals(List.of("next"), granted, "the canceled waiter is skipped");
        assertEquals(1, limits.count(KEY), "the permission passed on, so the count stays");
        limits.release(KEY, 1);
        assertEquals(0, limits.count(KEY));
    }

    /**
     * A dial's win is traced while the request still waits, so the request's "got conn", which
     * comes after it wakes, can never be printed before "dial won".
     */
    @Test
    @SuppressWarnings("unchecked")
    void aDialThatWinsIsTracedBeforeTheRequestWakes() {
        PooledConn dialed = conn("dialed");
        List<Boolean> stillWaiting = new ArrayList<>();
        WantConn<PooledConn>[] w = new WantConn[1];
        ConnTrace<PooledConn> trace = (ConnTrace<PooledConn>) Proxy.newProxyInstance(ConnTrace.class.getClassLoader(),
                new Class<?>[] {ConnTrace.class}, (proxy, m, args) -> {
                    if (m.getName().equals("dialWon")) stillWaiting.add(w[0].waiting());
                    return null;
                });
        ConnHost<PooledConn> host = (ConnHost<PooledConn>) Proxy.newProxyInstance(ConnHost.class.getClassLoader(),
                new Class<?>[] {ConnHost.class}, (proxy, m, args) -> {
                    if (m.getName().equals("dialConn")) return dialed;
                    throw new UnsupportedOperationException(m.getName());
                });
        w[0] = new WantConn<>(host, KEY, Context.background(), trace);
        GetConnGo113.dialConnFor(host, w[0], 1);
        assertEquals(List.of(true), stillWaiting, "traced once, before the request was woken");
        assertSame(dialed, w[0].pc());
    }
}
