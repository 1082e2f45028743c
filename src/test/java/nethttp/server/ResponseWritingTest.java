package nethttp.server;

import static nethttp.server.TestServer.maskDate;
import static nethttp.server.TestServer.readResponse;
import static nethttp.server.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import nethttp.core.ContentLengthExceededException;
import nethttp.core.Flusher;
import nethttp.core.BodyNotAllowedException;
import org.junit.jupiter.api.Test;

/** Raw bytes in, exact bytes out: how the server frames what a handler writes. */
class ResponseWritingTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

    @Test
    void smallBodyGetsContentLengthAndSniffedType() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString("hello\n"))) {
            assertEquals("HTTP/1.1 200 OK\r\nDate: X\r\nContent-Length: 6\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\nhello\n",
                    maskDate(ts.roundTripAll(GET)));
        }
    }

    @Test
    void dateHeaderHasGoFormat() throws Exception {
        try (var ts = new TestServer((w, r) -> {})) {
            String resp = ts.roundTripAll(GET);
            assertTrue(resp.matches("(?s).*\r\nDate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n.*"), resp);
        }
    }

    @Test
    void emptyHandlerSendsZeroLength() throws Exception {
        try (var ts = new TestServer((w, r) -> {})) {
            assertEquals("HTTP/1.1 200 OK\r\nDate: X\r\nContent-Length: 0\r\n\r\n", maskDate(ts.roundTripAll(GET)));
        }
    }

    @Test
    void bodyBeyondTheBufferIsChunkedOnHttp11() throws Exception {
        String big = "a".repeat(3000);
        try (var ts = new TestServer((w, r) -> {
            w.header().set("Content-Type", "text/plain");
            w.writeString(big);
        })) {
            // One write larger than the 2 KiB buffer goes through as one chunk.
            assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: X\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "bb8\r\n" + big + "\r\n0\r\n\r\n", maskDate(ts.roundTripAll(GET)));
        }
    }

    @Test
    void writesFillTheBufferBeforeAChunkGoesOut() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.header().set("Content-Type", "text/plain");
            w.writeString("x".repeat(1500));
            w.writeString("y".repeat(1500));
        })) {
            // As Go's bufio.Writer: the second write tops the buffer up to 2048 bytes first.
            String body = "800\r\n" + "x".repeat(1500) + "y".repeat(548) + "\r\n"
                    + "3b8\r\n" + "y".repeat(952) + "\r\n0\r\n\r\n";
            String resp = maskDate(ts.roundTripAll(GET));
            assertTrue(resp.endsWith("\r\n\r\n" + body), resp);
        }
    }

    @Test
    void http10WithoutLengthClosesTheConnection() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.writeString("z".repeat(3000));
        })) {
            String resp = maskDate(ts.roundTripAll("GET / HTTP/1.0\r\n\r\n"));
            assertEquals("HTTP/1.0 200 OK\r\nDate: X\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + "z".repeat(3000), resp);
        }
    }

    @Test
    void http10KeepAliveIsHonouredWithAKnownLength() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString("ok"))) {
            try (Socket s = ts.connect()) {
                send(s, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                assertEquals("HTTP/1.0 200 OK\r\nDate: X\r\nContent-Length: 2\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        + "Connection: keep-alive\r\n\r\nok", maskDate(readResponse(s.getInputStream(), false)));
                send(s, "GET / HTTP/1.0\r\n\r\n");
                assertTrue(readResponse(s.getInputStream(), false).endsWith("ok"));
                assertTrue(TestServer.closedByServer(s));
            }
        }
    }

    @Test
    void headGetsLengthButNoBody() throws Exception {
        CompletableFuture<Throwable> writeError = new CompletableFuture<>();
        try (var ts = new TestServer((w, r) -> {
            w.writeString("hello");
            writeError.complete(null);
        })) {
            assertEquals("HTTP/1.1 200 OK\r\nDate: X\r\nContent-Length: 5\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
                    maskDate(ts.roundTripAll("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")));
            assertEquals(null, writeError.get());
        }
    }

    @Test
    void noContentAndNotModifiedCarryNoBody() throws Exception {
        CompletableFuture<Throwable> error = new CompletableFuture<>();
        try (var ts = new TestServer((w, r) -> {
            w.header().set("Content-Type", "text/plain");
            w.writeHeader(r.url.path.equals("/204") ? 204 : 304);
            try {
                w.writeString("not allowed");
                error.complete(null);
            } catch (IOException e) {
                error.complete(e);
            }
        })) {
            assertEquals("HTTP/1.1 204 No Content\r\nContent-Type: text/plain\r\nDate: X\r\n\r\n",
                    maskDate(ts.roundTripAll("GET /204 HTTP/1.1\r\nHost: x\r\n\r\n")));
            assertInstanceOf(BodyNotAllowedException.class, error.get());
        }
        CompletableFuture<Throwable> error304 = new CompletableFuture<>();
        try (var ts = new TestServer((w, r) -> {
            w.header().set("Content-Type", "text/plain");
            w.writeHeader(304);
            error304.complete(null);
        })) {
            assertEquals("HTTP/1.1 304 Not Modified\r\nDate: X\r\n\r\n", maskDate(ts.roundTripAll(GET)));
        }
    }

    @Test
    void writingPastTheDeclaredLengthFailsAndClosesTheConnection() throws Exception {
        CompletableFuture<Throwable> error = new CompletableFuture<>();
        try (var ts = new TestServer((w, r) -> {
            w.header().set("Content-Length", "3");
            w.writeString("abc");
            try {
                w.writeString("d");
                error.complete(null);
            } catch (IOException e) {
                error.complete(e);
            }
        })) {
            try (Socket s = ts.connect()) {
                send(s, GET);
                assertTrue(readResponse(s.getInputStream(), false).endsWith("\r\n\r\nabc"));
                assertInstanceOf(ContentLengthExceededException.class, error.get());
                assertTrue(TestServer.closedByServer(s), "a broken length promise must end the connection");
            }
        }
    }

    @Test
    void secondWriteHeaderIsLoggedAndIgnored() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.writeHeader(201);
            w.writeHeader(500);
        })) {
            assertTrue(ts.roundTripAll(GET).startsWith("HTTP/1.1 201 Created\r\n"));
            assertTrue(ts.log.stream().anyMatch(l -> l.contains("superfluous response.WriteHeader call")), ts.log.toString());
        }
    }

    /**
     * Go quotes the handler's value with {@code %q}, so a quote or a tab in it is escaped; text
     * in it is the UTF-8 Go would hold (the log line is bytes, one char each, as Go's log writes).
     */
    @Test
    void bothTransferEncodingAndContentLengthIsLoggedWithTheValueQuotedAsGoQuotesIt() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.header().set("Transfer-Encoding", "a\"b\t\u00e9\u2603");
            w.header().set("Content-Length", "3");
            w.writeString("abc");
        })) {
            ts.roundTripAll(GET);
            assertEquals(java.util.List.of("http: WriteHeader called with both Transfer-Encoding of "
                    + "\"a\\\"b\\t\u00c3\u00a9\u00e2\u0098\u0083\" and a Content-Length of 3"), ts.log);
        }
    }

    @Test
    void headerChangesAfterWriteHeaderDoNotReachTheWire() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.header().set("A", "1");
            w.writeHeader(200);
            w.header().set("B", "2");
        })) {
            String resp = maskDate(ts.roundTripAll(GET));
            assertEquals("HTTP/1.1 200 OK\r\nA: 1\r\nDate: X\r\nContent-Length: 0\r\n\r\n", resp);
        }
    }

    @Test
    void flushForcesChunking() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.writeString("one");
            ((Flusher) w).flush();
            w.writeString("two");
        })) {
            assertEquals("HTTP/1.1 200 OK\r\nDate: X\r\nContent-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\none\r\n3\r\ntwo\r\n0\r\n\r\n", maskDate(ts.roundTripAll(GET)));
        }
    }

    @Test
    void trailersFollowTheLastChunk() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.header().set("Trailer", "X-Sum");
            w.writeString("data");
            w.header().set("X-Sum", "42");
        })) {
            assertEquals("HTTP/1.1 200 OK\r\nTrailer: X-Sum\r\nDate: X\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n4\r\ndata\r\n0\r\nX-Sum: 42\r\n\r\n", maskDate(ts.roundTripAll(GET)));
        }
    }

    /** A handler's trailer text above U+00FF goes out as UTF-8, bytes from a request as themselves. */
    @Test
    void trailerTextGoesOutAsUtf8() throws Exception {
        try (var ts = new TestServer((w, r) -> {
            w.header().set("Trailer", "X-Snow, X-Echo");
            w.writeString("data");
            w.header().set("X-Snow", "\u2603");
            w.header().set("X-Echo", r.header.get("X-In"));
        })) {
            String resp = ts.roundTripAll("GET / HTTP/1.1\r\nHost: x\r\nX-In: caf\u00c3\u00a9\r\n\r\n");
            assertTrue(resp.endsWith("0\r\nX-Echo: caf\u00c3\u00a9\r\nX-Snow: \u00e2\u0098\u0083\r\n\r\n"), resp);
        }
    }

    @Test
    void unknownStatusCodeIsWrittenAsGoDoes() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeHeader(599))) {
            assertTrue(ts.roundTripAll(GET).startsWith("HTTP/1.1 599 status code 599\r\n"));
        }
    }

    @Test
    void connectionCloseFromTheHandlerEndsTheConnection() throws Exception {
        try (var ts = new TestServer((w, r) -> w.header().set("Connection", "close"))) {
            try (Socket s = ts.connect()) {
                send(s, GET);
                assertEquals("HTTP/1.1 200 OK\r\nConnection: close\r\nDate: X\r\nContent-Length: 0\r\n\r\n",
                        maskDate(readResponse(s.getInputStream(), false)));
                assertTrue(TestServer.closedByServer(s));
            }
        }
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString(r.url.path))) {
            try (Socket s = ts.connect()) {
                for (int i = 0; i < 5; i++) {
                    send(s, "GET /" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
                    assertTrue(readResponse(s.getInputStream(), false).endsWith("\r\n\r\n/" + i));
                }
            }
            assertFalse(ts.log.stream().anyMatch(l -> l.contains("panic")), ts.log.toString());
        }
    }
}
