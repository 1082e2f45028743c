package nethttp.server;

import static nethttp.server.TestServer.readResponse;
import static nethttp.server.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nethttp.core.Context;
import nethttp.event.Event;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;
import org.junit.jupiter.api.Test;

/**
 * A handler's {@code req.context} ends when the handler returns or the client hangs up, and the
 * background read that notices a hang-up starts only when someone looks at the context.
 */
class RequestContextTest {

    private static List<ThreadEvent> backgroundReads(List<Event> events) {
        return events.stream().filter(e -> e instanceof ThreadEvent t && t.role() == ThreadRole.BACKGROUND_READ)
                .map(e -> (ThreadEvent) e).toList();
    }

    @Test
    void aHandlerThatNeverLooksCostsNoBackgroundRead() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        CountDownLatch serveEnded = new CountDownLatch(1);
        try (var ts = new TestServer((w, r) -> w.writeString("hi"), s -> s.events.subscribe(e -> {
            events.add(e);
            if (e instanceof ThreadEvent t && t.role() == ThreadRole.CONN_SERVE && t.kind() == ThreadEvent.Kind.ENDED) {
                serveEnded.countDown();
            }
        }))) {
            try (Socket s = ts.connect()) {
                for (int i = 0; i < 3; i++) {
                    send(s, "GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
                    assertTrue(readResponse(s.getInputStream(), false).endsWith("hi"));
                }
            }
            assertTrue(serveEnded.await(5, TimeUnit.SECONDS), events::toString);
        }
        assertEquals(List.of(), backgroundReads(events));
    }

    @Test
    void theContextIsCanceledWhenTheClientHangsUp() throws Exception {
        BlockingQueue<Object> seen = new ArrayBlockingQueue<>(1);
        CountDownLatch waiting = new CountDownLatch(1);
        try (var ts = new TestServer((w, r) -> {
            var done = r.context.done();
            waiting.countDown();
            done.await();
            seen.add(r.context.err());
        })) {
            try (Socket s = ts.connect()) {
                send(s, "GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
                assertTrue(waiting.await(5, TimeUnit.SECONDS));
            } // the client hangs up while the handler waits
            Object err = seen.poll(5, TimeUnit.SECONDS);
            assertInstanceOf(Context.CanceledException.class, err);
        }
    }

    @Test
    void theContextEndsWhenTheHandlerReturnsAndALateLookStartsNothing() throws Exception {
        BlockingQueue<Context> contexts = new ArrayBlockingQueue<>(2);
        List<Event> events = new CopyOnWriteArrayList<>();
        try (var ts = new TestServer((w, r) -> {
            contexts.add(r.context);
            w.writeString(r.url.path);
        }, s -> s.events.subscribe(events::add))) {
            try (Socket s = ts.connect()) {
                send(s, "GET /first HTTP/1.1\r\nHost: h\r\n\r\n");
                assertTrue(readResponse(s.getInputStream(), false).endsWith("/first"));
                Context first = contexts.poll(5, TimeUnit.SECONDS);
                // Looked at for the first time after its handler returned: done, and no thread may
                // read the socket behind the server's back.
                assertTrue(first.isDone());
                assertInstanceOf(Context.CanceledException.class, first.err());
                send(s, "GET /second HTTP/1.1\r\nHost: h\r\n\r\n");
                assertTrue(readResponse(s.getInputStream(), false).endsWith("/second"));
                assertTrue(contexts.poll(5, TimeUnit.SECONDS).isDone());
            }
        }
        assertEquals(List.of(), backgroundReads(events));
    }

    @Test
    void aLookBeforeTheBodyIsReadWatchesOnlyAfterIt() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        BlockingQueue<String> starts = new ArrayBlockingQueue<>(4);
        try (var ts = new TestServer((w, r) -> {
            int atEntry = backgroundReads(events).size();
            boolean done = r.context.isDone();
            int afterLook = backgroundReads(events).size();
            String body = new String(r.body.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            int afterBody = backgroundReads(events).size();
            if (r.url.path.equals("/a") || r.url.path.equals("/b")) {
                starts.add(r.url.path + " done=" + done + " started by the look: " + (afterLook - atEntry)
                        + ", by the end of the body: " + (afterBody - afterLook));
            }
            w.writeString(body);
        }, s -> s.events.subscribe(e -> {
            if (e instanceof ThreadEvent t && t.kind() == ThreadEvent.Kind.STARTED) events.add(e);
        }))) {
            try (Socket s = ts.connect()) {
                send(s, "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello");
                assertTrue(readResponse(s.getInputStream(), false).endsWith("hello"));
                // The first watch is still parked; it reads the start of /b, which then needs a new one.
                send(s, "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nbye");
                assertTrue(readResponse(s.getInputStream(), false).endsWith("bye"));
                // Pipelined requests whose handlers look: the watch must not eat the second one.
                send(s, "POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nc1"
                        + "POST /d HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nd2");
                assertTrue(readResponse(s.getInputStream(), false).endsWith("c1"));
                assertTrue(readResponse(s.getInputStream(), false).endsWith("d2"));
            }
        }
        assertEquals(List.of("/a done=false started by the look: 0, by the end of the body: 1",
                "/b done=false started by the look: 0, by the end of the body: 1"), List.copyOf(starts));
    }

    @Test
    void anIdleConnectionKeepsNoRequestAlive() throws Exception {
        BlockingQueue<java.lang.ref.WeakReference<Object>> served = new ArrayBlockingQueue<>(1);
        try (var ts = new TestServer((w, r) -> {
            served.add(new java.lang.ref.WeakReference<>(r));
            w.writeString("hi");
        })) {
            try (Socket s = ts.connect()) {
                send(s, "GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
                assertTrue(readResponse(s.getInputStream(), false).endsWith("hi"));
                var request = served.poll(5, TimeUnit.SECONDS);
                // The connection stays open and idle; its request must be garbage by now.
                for (int i = 0; i < 50 && request.get() != null; i++) System.gc();
                assertEquals(null, request.get(), "an idle connection still holds its last request");
            }
        }
    }
}
