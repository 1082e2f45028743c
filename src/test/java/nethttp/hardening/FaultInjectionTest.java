package nethttp.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;
import nethttp.transport.Transport;
import nethttp.url.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults injected from either side of a connection: clients that reset in the middle of a body,
 * a server that closes idle connections under the Transport, handlers that throw. After each,
 * nothing is left behind: no connection, no server thread, no Transport read or write loop.
 */
@Timeout(120)
class FaultInjectionTest {
    private static final int ROUNDS = 20;

    @Test
    void clientsResettingMidBodyLeaveNothingBehind() throws Exception {
        Queue<Throwable> seenByHandler = new ConcurrentLinkedQueue<>();
        Semaphore handlerReading = new Semaphore(0);
        try (Harness h = new Harness((w, r) -> {
            handlerReading.release();
            try {
                r.body.transferTo(java.io.OutputStream.nullOutputStream());
                w.writeString("whole body read\n");
            } catch (IOException e) {
                seenByHandler.add(e);
            }
        }, srv -> {})) {
            for (int i = 0; i < ROUNDS; i++) {
                Socket s = h.connect();
                s.getOutputStream().write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().write(new byte[10_000]);
                // Reset only once the handler is reading: a reset that overtakes the head would
                // drop the request before any handler sees it.
                assertTrue(handlerReading.tryAcquire(10, TimeUnit.SECONDS), "the handler never started");
                s.setSoLinger(true, 0); // close with a reset, in the middle of the body
                s.close();
            }
            assertEquals("HTTP/1.1 200 OK", h.get("/"));
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
            assertEquals(ROUNDS, seenByHandler.size(), "each handler saw its body fail");
            for (Throwable e : seenByHandler) assertTrue(e instanceof IOException, e.toString());
        }
    }

    @Test
    void handlersThatThrowCloseTheirConnectionAndNothingElse() throws Exception {
        try (Harness h = new Harness((w, r) -> {
            switch (r.url.path) {
                case "/throw" -> throw new IllegalStateException("handler bug");
                case "/throw-after-flush" -> {
                    w.writeString("partial");
                    ((nethttp.core.Flusher) w).flush();
                    throw new IllegalStateException("handler bug after the header went out");
                }
                default -> w.writeString("fine\n");
            }
        }, srv -> {})) {
            for (int i = 0; i < ROUNDS; i++) {
                String path = i % 2 == 0 ? "/throw" : "/throw-after-flush";
                try (Socket s = h.connect()) {
                    s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    String reply = Harness.readAll(s.getInputStream()); // ends: the server closed it
                    if (path.equals("/throw")) assertEquals("", reply);
                    else assertTrue(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply);
                }
            }
            assertEquals("HTTP/1.1 200 OK", h.get("/"));
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
            assertEquals(ROUNDS, h.log.stream().filter(l -> l.startsWith("http: panic serving")).count(), String.join("\n", h.log));
        }
    }

    /**
     * The server closes every idle connection between two requests, as an idle timeout would: the
     * Transport notices, ends that connection's read and write loops, and the next request goes
     * out on a fresh connection. (A close that crosses a request already sent on the dead
     * connection, which Go's Transport answers by retrying, is RetryTest's case.)
     */
    @Test
    void serverClosingIdleConnectionsUnderTheTransport() throws Exception {
        try (Harness h = new Harness((w, r) -> w.writeString("n=" + r.url.rawQuery), srv -> {})) {
            Transport t = new Transport();
            Harness.Gauge loops = new Harness.Gauge();
            t.events.subscribe(e -> {
                if (e instanceof ThreadEvent te && (te.role() == ThreadRole.READ_LOOP || te.role() == ThreadRole.WRITE_LOOP)) {
                    if (te.kind() == ThreadEvent.Kind.STARTED) loops.add(1);
                    if (te.kind() == ThreadEvent.Kind.ENDED) loops.add(-1);
                }
            });
            for (int i = 0; i < ROUNDS; i++) {
                assertEquals("n=" + i, get(t, h.url("/?" + i)));
                // The server drops its idle connections, and takes keep-alives back up for the next round.
                h.srv.setKeepAlivesEnabled(false);
                assertTrue(h.openConns.awaitValue(0, 20), "the server did not close its idle connection");
                assertTrue(loops.awaitValue(0, 20), "the Transport kept a closed connection's loops: " + loops.get());
                assertEquals(0, t.idleConnCount());
                h.srv.setKeepAlivesEnabled(true);
            }
            assertEquals(ROUNDS, t.dialCount(), "one fresh connection per round, no more");
            t.closeIdleConnections();
            assertEquals(0, t.idleConnCount());
            assertTrue(loops.awaitValue(0, 20), "Transport loops left: " + loops.get());
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
            assertEquals(List.of(), h.log);
        }
    }

    /**
     * The server takes a request on a reused connection and hangs up without a byte of reply, as
     * when its idle timeout strikes just as the request arrives: the Transport sends the GET again
     * on a new connection, as Go's does, and the caller sees only the reply.
     */
    @Test
    void aGetOnAConnectionTheServerDropsIsRetried() throws Exception {
        java.util.concurrent.atomic.AtomicInteger hangUps = new java.util.concurrent.atomic.AtomicInteger();
        try (Harness h = new Harness((w, r) -> {
            if (r.url.path.equals("/drop") && hangUps.getAndIncrement() % 2 == 0) {
                ((nethttp.core.Hijacker) w).hijack().socket().close();
                return;
            }
            w.writeString("served " + r.url.path);
        }, srv -> {})) {
            Transport t = new Transport();
            for (int i = 0; i < ROUNDS; i++) {
                assertEquals("served /", get(t, h.url("/")));
                assertEquals("served /drop", get(t, h.url("/drop")));
            }
            assertEquals(2 * ROUNDS, hangUps.get(), "every dropped GET was sent again");
            assertEquals(ROUNDS + 1, t.dialCount(), "one connection, then one per retry");
            t.closeIdleConnections();
            assertEquals(0, t.idleConnCount());
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
        }
    }

    static String get(Transport t, String url) throws Exception {
        Request req = new Request();
        req.method = "GET";
        req.url = URL.parse(url);
        req.host = req.url.host;
        req.body = null;
        Response resp = t.roundTrip(req);
        try (InputStream b = resp.body) {
            assertEquals(200, resp.statusCode);
            return new String(b.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
