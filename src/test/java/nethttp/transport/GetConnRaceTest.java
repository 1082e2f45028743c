package nethttp.transport;

import static nethttp.transport.LocalServer.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nethttp.core.Context;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.event.ClientTraceEvent.Kind;
import nethttp.httptrace.ClientTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The races of getConn, made deterministic: the dialer holds every dial until the test lets it
 * finish, and the test waits for the transport's events to know where each request stands.
 * Every case runs with both strategies.
 */
@Timeout(30)
class GetConnRaceTest {
    private LocalServer server;
    private final List<String> served = new CopyOnWriteArrayList<>();
    private LatchDialer dialer;
    private Transport t;
    private EventLog log;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer((w, r) -> {
            served.add(r.url.path);
            w.writeString("body of " + r.url.path);
        });
        dialer = new LatchDialer(server.addr);
    }

    private void transport(GetConnStrategy strategy) {
        t = new Transport();
        t.dialer = dialer;
        t.getConnStrategy = strategy;
        log = new EventLog(t.events);
    }

    @AfterEach
    void stop() throws IOException {
        if (t != null) t.closeIdleConnections();
        server.close();
    }

    /** A request named {@code name} for {@code path}, with its GotConn infos collected. */
    private record Call(CompletableFuture<Response> response, List<ClientTrace.GotConnInfo> gotConn) {
        Response get() throws Exception {
            return response.get(10, TimeUnit.SECONDS);
        }

        ClientTrace.GotConnInfo info() {
            assertEquals(1, gotConn.size());
            return gotConn.get(0);
        }
    }

    private Call call(String name, Context ctx, long expectedRequestId) throws Exception {
        Request req = server.get("/" + name);
        ClientTrace trace = new ClientTrace();
        List<ClientTrace.GotConnInfo> got = new CopyOnWriteArrayList<>();
        trace.gotConn = got::add;
        req.context = ClientTrace.withClientTrace(Context.withValue(ctx, LatchDialer.NAME, name), trace);
        CompletableFuture<Response> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(t.roundTrip(req));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        log.await(Kind.GET_CONN, expectedRequestId); // requests are numbered in the order they start
        return new Call(f, got);
    }

    private Call call(String name, long id) throws Exception {
        return call(name, Context.background(), id);
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void dialWins(GetConnStrategy strategy) throws Exception {
        transport(strategy);
        Call a = call("a", 1);
        LatchDialer.Pending d = dialer.next();
        assertEquals("a", d.name());
        d.release();
        assertEquals("body of /a", readAll(a.get()));
        assertFalse(a.info().reused());
        assertFalse(a.info().wasIdle());
        log.await(Kind.DIAL_WON, 1);
        assertEquals(1, t.idleConnCount());
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void idleConnectionArrivesBeforeTheDialFinishesAndTheLoserIsReusedNext(GetConnStrategy strategy) throws Exception {
        transport(strategy);
        Call a = call("a", 1);
        dialer.next().release();
        Response respA = a.get(); // A holds its connection: the body is unread

        Call b = call("b", 2);
        LatchDialer.Pending dialB = dialer.next(); // B is dialing, and waiting for an idle connection
        assertEquals("b", dialB.name());
        assertEquals("body of /a", readAll(respA)); // A's connection becomes idle: B takes it
        Response respB = b.get();
        assertTrue(b.info().reused(), "B got A's connection");
        assertEquals(0, t.idleConnCount());
        log.await(Kind.IDLE_WON, 2);

        dialB.release(); // B's dial ends after all, for nobody
        log.await(Kind.LOSER_PARKED, 2);
        assertEquals(1, t.idleConnCount());

        Call c = call("c", 3);
        Response respC = c.get();
        assertTrue(c.info().wasIdle(), "C took the parked connection");
        assertFalse(dialer.anyStarted(), "without dialing");
        assertEquals(2, dialer.dials.get());
        assertEquals("body of /b", readAll(respB));
        assertEquals("body of /c", readAll(respC));
        assertEquals(2, t.idleConnCount());
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void cancellationWhileDialing(GetConnStrategy strategy) throws Exception {
        transport(strategy);
        Context.Cancelable ctx = Context.withCancel(Context.background());
        Call a = call("a", ctx, 1);
        LatchDialer.Pending d = dialer.next();
        ctx.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, a::get);
        assertInstanceOf(Context.CanceledException.class, e.getCause());
        assertEquals("context canceled", e.getCause().getMessage());

        d.release(); // this dialer ignores the context: the connection arrives for nobody
        log.await(Kind.LOSER_PARKED, 1);
        assertEquals(1, t.idleConnCount());
        Call b = call("b", 2);
        assertEquals("body of /b", readAll(b.get()));
        assertTrue(b.info().wasIdle());
        assertEquals(1, dialer.dials.get());
        assertEquals(List.of("/b"), served);
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void maxConnsPerHostWaitersAreServedInOrder(GetConnStrategy strategy) throws Exception {
        transport(strategy);
        t.maxConnsPerHost = 1;
        Call a = call("a", 1);
        dialer.next().release();
        Response respA = a.get();
        Call b = call("b", 2);
        log.await(Kind.WAIT_FOR_SLOT, 2);
        Call c = call("c", 3);
        log.await(Kind.WAIT_FOR_SLOT, 3);
        Call d = call("d", 4);
        log.await(Kind.WAIT_FOR_SLOT, 4);

        readAll(respA);
        Response respB = b.get();
        assertFalse(c.response().isDone() || d.response().isDone(), "one connection, held by B");
        readAll(respB);
        Response respC = c.get();
        assertFalse(d.response().isDone());
        readAll(respC);
        readAll(d.get());
        assertEquals(List.of("/a", "/b", "/c", "/d"), served);
        assertEquals(1, dialer.dials.get());
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void aClosedConnectionPassesItsPermissionToTheOldestWaiter(GetConnStrategy strategy) throws Exception {
        transport(strategy);
        t.maxConnsPerHost = 1;
        Call a = call("a", 1);
        dialer.next().release();
        Response respA = a.get();
        Call b = call("b", 2);
        log.await(Kind.WAIT_FOR_SLOT, 2);
        Call c = call("c", 3);
        log.await(Kind.WAIT_FOR_SLOT, 3);

        respA.body.close(); // early close: the connection closes, its permission goes on
        LatchDialer.Pending next = dialer.next();
        assertEquals("b", next.name());
        next.release();
        Response respB = b.get();
        respB.body.close();
        LatchDialer.Pending last = dialer.next();
        assertEquals("c", last.name());
        last.release();
        assertEquals("body of /c", readAll(c.get()));
        assertEquals(3, dialer.dials.get());
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void aFailedDialReturnsItsErrorAndItsPermission(GetConnStrategy strategy) throws Exception {
        transport(strategy);
        t.maxConnsPerHost = 1;
        Call a = call("a", 1);
        dialer.next().fail(new IOException("dial tcp: connection refused"));
        ExecutionException e = assertThrows(ExecutionException.class, a::get);
        assertEquals("dial tcp: connection refused", e.getCause().getMessage());
        Call b = call("b", 2);
        dialer.next().release();
        assertEquals("body of /b", readAll(b.get()));
    }
}
