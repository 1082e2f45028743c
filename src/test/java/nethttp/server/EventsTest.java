package nethttp.server;

import static nethttp.server.TestServer.readResponse;
import static nethttp.server.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nethttp.core.ConnState;
import nethttp.event.ConnStateEvent;
import nethttp.event.Event;
import nethttp.event.ExchangeEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;
import org.junit.jupiter.api.Test;

/** The server reports connection states, its threads' lives and each exchange as events. */
class EventsTest {

    @Test
    void oneRequestProducesTheExpectedStory() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        // Both threads of the connection (conn-serve and the background read the handler's look
        // at its context started) must report their end.
        CountDownLatch threadsEnded = new CountDownLatch(2);
        try (var ts = new TestServer((w, r) -> w.writeString(r.context.isDone() ? "done" : "hi"), s -> s.events.subscribe(e -> {
            events.add(e);
            if (e instanceof ThreadEvent t && t.conn() == 1 && t.kind() == ThreadEvent.Kind.ENDED) threadsEnded.countDown();
        }))) {
            try (Socket s = ts.connect()) {
                send(s, "GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
                readResponse(s.getInputStream(), false);
            }
            assertTrue(threadsEnded.await(5, TimeUnit.SECONDS), events::toString);
        }
        List<ConnState> states = events.stream().filter(e -> e instanceof ConnStateEvent)
                .map(e -> ((ConnStateEvent) e).state()).toList();
        assertEquals(List.of(ConnState.NEW, ConnState.ACTIVE, ConnState.IDLE, ConnState.CLOSED), states);

        List<String> exchange = events.stream().filter(e -> e instanceof ExchangeEvent)
                .map(e -> ((ExchangeEvent) e).kind() + " " + ((ExchangeEvent) e).detail()).toList();
        assertEquals(List.of("REQUEST_READ GET /x HTTP/1.1", "RESPONSE_HEADER 200 OK, Content-Length 2", "RESPONSE_DONE 200"), exchange);

        // Every thread the server started for the connection started, parked at least once, and ended.
        Map<ThreadRole, List<ThreadEvent.Kind>> lives = new HashMap<>();
        for (Event e : events) {
            if (e instanceof ThreadEvent t && t.conn() == 1) {
                lives.computeIfAbsent(t.role(), k -> new CopyOnWriteArrayList<>()).add(t.kind());
            }
        }
        for (ThreadRole role : List.of(ThreadRole.CONN_SERVE, ThreadRole.BACKGROUND_READ)) {
            List<ThreadEvent.Kind> life = lives.get(role);
            assertEquals(ThreadEvent.Kind.STARTED, life.get(0), role + ": " + life);
            assertTrue(life.contains(ThreadEvent.Kind.PARKED), role + ": " + life);
            assertEquals(ThreadEvent.Kind.ENDED, life.get(life.size() - 1), role + ": " + life);
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof ThreadEvent t && t.role() == ThreadRole.ACCEPT
                && t.kind() == ThreadEvent.Kind.PARKED && t.on().equals("accept")));
    }

    @Test
    void aSubscriptionCanBeClosed() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        long closedAt;
        try (var ts = new TestServer((w, r) -> {})) {
            var sub = ts.srv.events.subscribe(events::add);
            assertTrue(ts.srv.events.active());
            sub.close();
            closedAt = System.nanoTime();
            assertTrue(!ts.srv.events.active());
            ts.roundTripAll("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        }
        // The accept loop may report itself while the subscription is being closed, and that
        // event can arrive a moment after close returns; nothing that happened later may arrive.
        assertEquals(List.of(), events.stream().filter(e -> e.nanos() >= closedAt).toList());
    }

    @Test
    void eachExchangeStepIsWordedByWhatHappened() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        String big = "a".repeat(3000);
        try (var ts = new TestServer((w, r) -> w.writeString(big), s -> s.events.subscribe(events::add))) {
            // Chunked on HTTP/1.1; on HTTP/1.0 without keep-alive the body runs to the close.
            ts.roundTripAll("GET /c HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
            ts.roundTripAll("GET /old HTTP/1.0\r\n\r\n");
            ts.roundTripAll("GET /bad HTTP/1.1\r\nHost: h\r\nNo colon here\r\n\r\n");
        }
        List<String> exchange = events.stream().filter(e -> e instanceof ExchangeEvent)
                .map(e -> ((ExchangeEvent) e).kind() + " " + ((ExchangeEvent) e).detail()).toList();
        assertEquals(List.of(
                "REQUEST_READ GET /c HTTP/1.1", "RESPONSE_HEADER 200 OK, chunked", "RESPONSE_DONE 200",
                "REQUEST_READ GET /old HTTP/1.0", "RESPONSE_HEADER 200 OK", "RESPONSE_DONE 200",
                "REQUEST_REJECTED 400 Bad Request (malformed MIME header: missing colon: \"No colon here\")"), exchange);
    }

    @Test
    void withNoListenerAReportAllocatesNothing() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (var ts = new TestServer((w, r) -> {})) {
            Conn c = new Conn(ts.srv, 1, new Socket());
            nethttp.core.Request req = new nethttp.core.Request();
            req.method = "GET";
            req.requestURI = "/";
            req.proto = "HTTP/1.1";
            java.io.IOException err = new java.io.IOException("bad");
            String reply = "HTTP/1.1 400 Bad Request\r\n";
            Runnable reports = () -> {
                ConnEvents.stateChanged(c, ConnState.ACTIVE);
                ConnEvents.requestRead(c, req);
                ConnEvents.responseHeader(c, 200, false, 2);
                ConnEvents.responseDone(c, 200);
                ConnEvents.requestRejected(c, reply, err);
            };
            reports.run(); // load and link everything once
            long id = Thread.currentThread().threadId();
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100_000; i++) reports.run();
            long allocated = threads.getThreadAllocatedBytes(id) - before;
            // Building even one event or string per round would take megabytes.
            assertTrue(allocated < 100_000, allocated + " bytes");
        }
    }
}
