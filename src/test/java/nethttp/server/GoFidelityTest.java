package nethttp.server;

import static nethttp.server.TestServer.readResponse;
import static nethttp.server.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nethttp.core.Context;
import nethttp.core.Flusher;
import nethttp.core.Hijacker;
import nethttp.core.Replies;
import nethttp.core.ResponseWriter;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;
import nethttp.mux.ServeMux;
import org.junit.jupiter.api.Test;

/**
 * Behaviour read off Go 1.19's server.go and matched here: what the log says and when, what a
 * handler's failed write means, the request context's first look, and the smaller rules of
 * {@code conn.serve} and {@code serverHandler.ServeHTTP}.
 */
class GoFidelityTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final String SEMICOLON_WARNING = "http: URL query contains semicolon, which is no longer a supported"
            + " separator; parts of the query may be stripped when parsed; see golang.org/issue/25192";

    /** The line after the caller's: where a test handler makes the call the log must name. */
    private static int nextLine() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow().getLineNumber()) + 1;
    }

    /** Waits until the server has closed or handed off every connection, so that the log is complete. */
    private static void awaitNoConnections(TestServer ts, CountDownLatch ended) throws InterruptedException {
        assertTrue(ended.await(10, TimeUnit.SECONDS), "the connection's thread did not end; log: " + ts.log);
    }

    private static TestServer serverCountingEnds(nethttp.core.Handler h, CountDownLatch ended) throws IOException {
        return new TestServer(h, s -> s.events.subscribe(e -> {
            if (e instanceof ThreadEvent t && t.role() == ThreadRole.CONN_SERVE && t.kind() == ThreadEvent.Kind.ENDED) {
                ended.countDown();
            }
        }));
    }

    // ---- log texts ----

    @Test
    void superfluousWriteHeaderNamesTheHandlersFrame() throws Exception {
        AtomicInteger line = new AtomicInteger();
        try (var ts = new TestServer((w, r) -> {
            w.writeHeader(201);
            line.set(nextLine());
            w.writeHeader(500);
        })) {
            assertTrue(ts.roundTripAll(GET).startsWith("HTTP/1.1 201 Created\r\n"));
            String expected = "http: superfluous response.WriteHeader call from nethttp.server.GoFidelityTest.";
            String logged = ts.log.stream().filter(l -> l.startsWith(expected)).findFirst().orElse(String.join("\n", ts.log));
            assertTrue(logged.matches("\\Q" + expected + "\\E\\S+ \\(GoFidelityTest\\.java:" + line.get() + "\\)"), logged);
        }
    }

    @Test
    void aSuperfluousWriteHeaderInsideALibraryHelperNamesTheHandlerThatCalledIt() throws Exception {
        AtomicInteger line = new AtomicInteger();
        try (var ts = new TestServer((w, r) -> {
            w.writeHeader(202);
            line.set(nextLine());
            Replies.error(w, "too late", 500);
        })) {
            assertTrue(ts.roundTripAll(GET).startsWith("HTTP/1.1 202 Accepted\r\n"));
            assertTrue(ts.log.stream().anyMatch(l -> l.startsWith("http: superfluous response.WriteHeader call from nethttp.server.GoFidelityTest.")
                    && l.endsWith("(GoFidelityTest.java:" + line.get() + ")")), ts.log.toString());
        }
    }

    @Test
    void aWriteOnAHijackedConnectionNamesTheCallerAndIsNoPanic() throws Exception {
        AtomicInteger line = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);
        try (var ts = serverCountingEnds((w, r) -> {
            Hijacker.Hijacked h = ((Hijacker) w).hijack();
            h.out().write("bye".getBytes(StandardCharsets.ISO_8859_1));
            h.socket().close();
            line.set(nextLine());
            w.writeString("too late"); // throws, as Go's Write returns ErrHijacked
        }, ended)) {
            assertEquals("bye", ts.roundTripAll(GET));
            awaitNoConnections(ts, ended);
            assertEquals(List.of("http: response.Write on hijacked connection from nethttp.server.GoFidelityTest."),
                    ts.log.stream().map(l -> l.substring(0, l.indexOf("GoFidelityTest.") + "GoFidelityTest.".length())).toList());
            assertTrue(ts.log.get(0).endsWith("(GoFidelityTest.java:" + line.get() + ")"), ts.log.toString());
        }
    }

    @Test
    void aPanicLinePrintsTheMessageAsGoPrintsThePanicValueAndKeepsTheStack() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        try (var ts = serverCountingEnds((w, r) -> {
            throw new IllegalStateException("kaboom");
        }, ended)) {
            assertEquals("", ts.roundTripAll(GET));
            awaitNoConnections(ts, ended);
            assertEquals(1, ts.log.size(), ts.log.toString());
            String line = ts.log.get(0);
            assertTrue(line.matches("(?s)http: panic serving 127\\.0\\.0\\.1:\\d+: kaboom\n.*"), line);
            assertTrue(line.contains("java.lang.IllegalStateException: kaboom"), "the stack trace stays: " + line);
            assertTrue(line.contains("at nethttp.server.GoFidelityTest."), line);
        }
    }

    @Test
    void anInvalidContentLengthIsQuotedAsGoQuotesIt() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.header().set("Content-Length", "1\"\t2");
            w.writeHeader(200);
        })) {
            assertTrue(ts.roundTripAll(GET).startsWith("HTTP/1.1 200 OK\r\n"));
            assertEquals(List.of("http: invalid Content-Length of \"1\\\"\\t2\""), ts.log);
        }
    }

    // ---- API gaps ----

    @Test
    void shutdownTakesAContextAndThrowsItsError() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var ts = new TestServer((w, r) -> {
            inHandler.countDown();
            release.await();
        })) {
            try (Socket busy = ts.connect()) {
                send(busy, GET);
                assertTrue(inHandler.await(5, TimeUnit.SECONDS));
                Context.Cancelable canceled = Context.withCancel(Context.background());
                canceled.cancel();
                var err = assertThrows(Context.CanceledException.class, () -> ts.srv.shutdown(canceled));
                assertEquals("context canceled", err.getMessage());
                Context.Cancelable soon = Context.withTimeout(Context.background(), Duration.ofMillis(30));
                var late = assertThrows(Context.DeadlineExceededException.class, () -> ts.srv.shutdown(soon));
                assertEquals("context deadline exceeded", late.getMessage());
                release.countDown();
                // Once the handler is done, the same call succeeds.
                ts.srv.shutdown(Context.background());
                assertEquals(0, ts.srv.connectionCount());
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void trailerPrefixIsPublicAndDeclaresATrailerAfterTheHeaderWentOut() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.writeString("abc");
            ((Flusher) w).flush();
            w.header().set(ResponseWriter.TRAILER_PREFIX + "X-Sum", "42");
        })) {
            String resp = TestServer.maskDate(ts.roundTripAll(GET));
            assertEquals("HTTP/1.1 200 OK\r\nDate: X\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-Sum: 42\r\n\r\n", resp);
        }
    }

    @Test
    void writingAfterTheClientLeftIsNoPanic() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        BlockingQueue<Throwable> thrown = new ArrayBlockingQueue<>(1);
        CountDownLatch writing = new CountDownLatch(1);
        try (var ts = serverCountingEnds((w, r) -> {
            byte[] chunk = new byte[16 << 10];
            writing.countDown();
            r.context.done().await(); // the client hangs up
            try {
                for (int i = 0; i < 100_000; i++) {
                    w.write(chunk);
                    ((Flusher) w).flush();
                }
            } catch (IOException e) {
                thrown.add(e);
                throw new UncheckedIOException(e); // even wrapped, it is the write's error
            }
        }, ended)) {
            try (Socket s = ts.connect()) {
                send(s, GET);
                assertTrue(writing.await(5, TimeUnit.SECONDS));
            }
            assertInstanceOf(IOException.class, thrown.poll(10, TimeUnit.SECONDS));
            awaitNoConnections(ts, ended);
            assertEquals(List.of(), ts.log);
        }
    }

    @Test
    void aBodyRefusedForA304LeavesTheConnectionUsableAndLogsNothing() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            if (r.url.path.equals("/304")) {
                w.writeHeader(304);
                w.writeString("no body here"); // Go returns ErrBodyNotAllowed; the handler ignores it
            }
            w.writeString("second");
        })) {
            try (Socket s = ts.connect()) {
                send(s, "GET /304 HTTP/1.1\r\nHost: x\r\n\r\n");
                assertTrue(readResponse(s.getInputStream(), true).startsWith("HTTP/1.1 304 Not Modified\r\n"));
                send(s, "GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
                assertTrue(readResponse(s.getInputStream(), false).endsWith("second"));
            }
            assertEquals(List.of(), ts.log);
        }
    }

    // ---- the request context's first look ----

    /**
     * A client that sent its request and hung up before the handler looked: Go's background read
     * noticed long before, and so must the first look here. Nine runs, as a hang-up noticed only
     * by a thread that the look starts would be missed in most of them.
     */
    @Test
    void theFirstLookSeesAHangUpThatAlreadyHappened() throws Exception {
        BlockingQueue<Object> firstLooks = new ArrayBlockingQueue<>(9);
        BlockingQueue<CountDownLatch> gates = new ArrayBlockingQueue<>(9);
        try (var ts = new TestServer((w, r) -> {
            gates.take().await();
            IOException err = r.context.err();
            firstLooks.add(err == null ? "not done" : err);
        })) {
            for (int i = 0; i < 9; i++) {
                CountDownLatch hungUp = new CountDownLatch(1);
                gates.add(hungUp);
                try (Socket s = ts.connect()) {
                    send(s, GET);
                }
                hungUp.countDown();
                Object seen = firstLooks.poll(10, TimeUnit.SECONDS);
                assertInstanceOf(Context.CanceledException.class, seen, "run " + (i + 1) + ": " + seen);
            }
        }
    }

    @Test
    void aFirstLookWhileTheClientWaitsFindsTheContextNotDone() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString(r.context.err() == null ? "not done" : "done"))) {
            try (Socket s = ts.connect()) {
                send(s, GET);
                assertTrue(readResponse(s.getInputStream(), false).endsWith("not done"));
                // The watch's probe found nothing; the connection still serves its next request.
                send(s, GET);
                assertTrue(readResponse(s.getInputStream(), false).endsWith("not done"));
            }
        }
    }

    // ---- smaller rules of serve and serverHandler ----

    @Test
    void theSemicolonWarningIsLoggedAfterTheHandler() throws Exception {
        AtomicReference<List<String>> log = new AtomicReference<>();
        try (var ts = new TestServer((w, r) -> {
            log.get().add("handler returns");
            w.writeString(r.url.rawQuery);
        })) {
            log.set(ts.log);
            assertTrue(ts.roundTripAll("GET /?a=1;b=2 HTTP/1.1\r\nHost: x\r\n\r\n").endsWith("a=1;b=2"));
            assertEquals(List.of("handler returns", SEMICOLON_WARNING), ts.log);
        }
    }

    @Test
    void allowQuerySemicolonsRewritesTheQueryAndSilencesTheWarning() throws Exception {
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(2);
        try (var ts = new TestServer(Server.allowQuerySemicolons((w, r) -> {
            seen.add(r.url.rawQuery);
            w.writeString("ok");
        }))) {
            assertTrue(ts.roundTripAll("GET /?a=1;b=2&c HTTP/1.1\r\nHost: x\r\n\r\n").endsWith("ok"));
            assertEquals("a=1&b=2&c", seen.poll(5, TimeUnit.SECONDS));
            assertEquals(List.of(), ts.log);
        }
    }

    @Test
    void aNullHandlerMeansTheDefaultServeMux() throws Exception {
        String pattern = "/go-fidelity-default-mux";
        ServeMux.DEFAULT.handleFunc(pattern, (w, r) -> w.writeString("from the default mux"));
        try (var ts = new TestServer(null)) {
            assertTrue(ts.roundTripAll("GET " + pattern + " HTTP/1.1\r\nHost: x\r\n\r\n").endsWith("from the default mux"));
        }
    }

    @Test
    void serveLeavesTheBodyOfAHijackedConnectionToTheHandler() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Hijacker.Hijacked> hijacked = new AtomicReference<>();
        try (var ts = serverCountingEnds((w, r) -> {
            hijacked.set(((Hijacker) w).hijack());
            throw new IllegalStateException("after the hijack");
        }, ended)) {
            try (Socket s = ts.connect()) {
                send(s, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789TAIL");
                s.shutdownOutput();
                awaitNoConnections(ts, ended);
                // serve's cleanup must not have read the body: those bytes belong to the hijacker.
                InputStream in = hijacked.get().in();
                assertEquals("0123456789TAIL", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                hijacked.get().socket().close();
            }
        }
    }

    @Test
    void aHandlerThatSwappedTheBodyTurnsOffTheEarlyCloseCheckAsInGo() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            InputStream original = r.body;
            r.body = new ByteArrayInputStream(new byte[0]);
            original.close(); // far more than 256 KiB unread: closed early
            w.writeString("ok");
        })) {
            try (Socket s = ts.connect()) {
                send(s, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 300000\r\n\r\nabc");
                String head = readResponse(s.getInputStream(), false);
                // Go asks w.req.Body, which is no longer the wire's body: no Connection: close.
                assertEquals("HTTP/1.1 200 OK\r\nDate: X\r\nContent-Length: 2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok",
                        TestServer.maskDate(head));
            }
        }
    }

    @Test
    void withContextSharesEverythingButTheContext() {
        nethttp.core.Request r = new nethttp.core.Request();
        Context ctx = Context.withValue(Context.background(), "k", "v");
        nethttp.core.Request c = r.withContext(ctx);
        assertTrue(c.url == r.url && c.header == r.header && c.body == r.body);
        assertEquals("v", c.context.value("k"));
        assertNull(r.context.value("k"));
        c.body = InputStream.nullInputStream();
        assertFalse(c.body == r.body, "setting a field of the copy leaves the original");
    }
}
