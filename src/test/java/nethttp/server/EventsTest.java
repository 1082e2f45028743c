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
        try (var ts = new TestServer((w, r) -> {})) {
            var sub = ts.srv.events.subscribe(events::add);
            assertTrue(ts.srv.events.active());
            sub.close();
            assertTrue(!ts.srv.events.active());
            // The accept loop may have reported itself while subscribed; only later events matter.
            events.clear();
            ts.roundTripAll("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        }
        assertEquals(List.of(), events);
    }
}
