package nethttp.transport;

import static nethttp.transport.LocalServer.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;
import nethttp.core.Context;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.httptrace.ClientTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transport against this project's server on 127.0.0.1: reuse, bodies, gzip, timeouts, cancellation. */
@Timeout(30)
class TransportTest {


    /** A trace that records GotConn infos. */
    static List<ClientTrace.GotConnInfo> traceGotConn(Request req) {
        List<ClientTrace.GotConnInfo> got = new CopyOnWriteArrayList<>();
        ClientTrace trace = new ClientTrace();
        trace.gotConn = got::add;
        req.context = ClientTrace.withClientTrace(req.context, trace);
        return got;
    }

    @Test
    void connectionIsReusedAfterTheBodyIsReadToItsEnd() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> w.writeString("hello " + r.url.path))) {
            Transport t = new Transport();
            for (int i = 0; i < 3; i++) {
                Request req = s.get("/x" + i);
                List<ClientTrace.GotConnInfo> got = traceGotConn(req);
                Response resp = t.roundTrip(req);
                assertEquals(200, resp.statusCode);
                assertEquals("hello /x" + i, readAll(resp));
                assertEquals(1, got.size());
                assertEquals(i > 0, got.get(0).reused(), "request " + i);
                assertEquals(i > 0, got.get(0).wasIdle(), "request " + i);
                assertEquals(1, t.idleConnCount(), "back in the pool after the body's end");
            }
            assertEquals(1, t.dialCount());
            t.closeIdleConnections();
            assertEquals(0, t.idleConnCount());
        }
    }

    @Test
    void readingExactlyTheLengthAndClosingKeepsTheConnection() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> w.writeString("12345"))) {
            Transport t = new Transport();
            Response resp = t.roundTrip(s.get("/"));
            assertEquals(5, resp.contentLength);
            byte[] five = resp.body.readNBytes(5);
            assertEquals("12345", new String(five, StandardCharsets.ISO_8859_1));
            resp.body.close();
            assertEquals(1, t.idleConnCount());
        }
    }

    @Test
    void closingTheBodyEarlyClosesTheConnection() throws Exception {
        byte[] big = new byte[256 << 10];
        try (LocalServer s = new LocalServer((w, r) -> w.write(big, 0, big.length))) {
            Transport t = new Transport();
            Response resp = t.roundTrip(s.get("/"));
            assertEquals(10, resp.body.readNBytes(10).length);
            resp.body.close();
            assertEquals(0, t.idleConnCount());
            assertEquals(200, t.roundTrip(s.get("/")).statusCode);
            assertEquals(2, t.dialCount(), "the early-closed connection was not reused");
            IOException e = assertThrows(IOException.class, () -> resp.body.read());
            assertEquals("http: read on closed response body", e.getMessage());
        }
    }

    @Test
    void headAndNoContentResponsesReturnTheConnectionAtOnce() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> {
            if (r.url.path.equals("/204")) w.writeHeader(204);
            else w.writeString("body");
        })) {
            Transport t = new Transport();
            Response head = t.roundTrip(s.request("HEAD", "/"));
            assertEquals(4, head.contentLength);
            assertEquals(1, t.idleConnCount(), "pooled before the caller even looks at the body");
            assertEquals("", readAll(head));
            Response none = t.roundTrip(s.get("/204"));
            assertEquals(204, none.statusCode);
            assertEquals(1, t.idleConnCount());
            assertEquals(1, t.dialCount());
        }
    }

    @Test
    void postSendsTheBodyWithItsLength() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> w.writeString(r.contentLength + ":" + new String(r.body.readAllBytes(), StandardCharsets.ISO_8859_1)))) {
            Transport t = new Transport();
            Request req = s.request("POST", "/");
            req.body = new ByteArrayInputStream("payload".getBytes(StandardCharsets.ISO_8859_1));
            req.contentLength = 7;
            assertEquals("7:payload", readAll(t.roundTrip(req)));
            Request chunked = s.request("PUT", "/");
            chunked.body = new ByteArrayInputStream("streamed".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("-1:streamed", readAll(t.roundTrip(chunked)));
        }
    }

    @Test
    void gzipIsRequestedAndDecodedTransparently() throws Exception {
        byte[] gz = gzip("compressed hello");
        List<String> acceptEncoding = new CopyOnWriteArrayList<>();
        try (LocalServer s = new LocalServer((w, r) -> {
            acceptEncoding.add(r.header.get("Accept-Encoding"));
            w.header().set("Content-Encoding", "gzip");
            w.header().set("Content-Length", Integer.toString(gz.length));
            w.write(gz, 0, gz.length);
        })) {
            Transport t = new Transport();
            Response resp = t.roundTrip(s.get("/"));
            assertTrue(resp.uncompressed);
            assertEquals(-1, resp.contentLength);
            assertEquals("", resp.header.get("Content-Encoding"));
            assertEquals("", resp.header.get("Content-Length"));
            assertEquals("compressed hello", readAll(resp));
            assertEquals(1, t.idleConnCount(), "the gzip body was read to the end of the framing");

            Request own = s.get("/");
            own.header.set("Accept-Encoding", "gzip");
            Response raw = t.roundTrip(own);
            assertFalse(raw.uncompressed);
            assertEquals("gzip", raw.header.get("Content-Encoding"));
            assertEquals(gz.length, raw.contentLength);
            assertEquals(new String(gz, StandardCharsets.ISO_8859_1), readAll(raw));

            Request head = s.request("HEAD", "/");
            t.roundTrip(head).body.close();
            Request range = s.get("/");
            range.header.set("Range", "bytes=0-1");
            t.roundTrip(range).body.close();
            t.disableCompression = true;
            t.roundTrip(s.get("/")).body.close();
            assertEquals(List.of("gzip", "gzip", "", "", ""), acceptEncoding);
        }
    }

    @Test
    void disableKeepAlivesSendsConnectionCloseAndNeverPools() throws Exception {
        List<String> connection = new CopyOnWriteArrayList<>();
        try (LocalServer s = new LocalServer((w, r) -> {
            connection.add(r.close + "");
            w.writeString("x");
        })) {
            Transport t = new Transport();
            t.disableKeepAlives = true;
            for (int i = 0; i < 3; i++) assertEquals("x", readAll(t.roundTrip(s.get("/"))));
            assertEquals(List.of("true", "true", "true"), connection);
            assertEquals(3, t.dialCount());
            assertEquals(0, t.idleConnCount());
        }
    }

    @Test
    void requestsThatCannotBeSentFailWithGoText() {
        Transport t = new Transport();
        record Case(String want, Request req) {}
        List<Case> cases = new java.util.ArrayList<>();
        try {
            Request ftp = LocalServer.newRequest("GET", "ftp://example.com/");
            cases.add(new Case("unsupported protocol scheme \"ftp\"", ftp));
            Request badMethod = LocalServer.newRequest("GET", "http://example.com/");
            badMethod.method = "BAD METHOD";
            cases.add(new Case("net/http: invalid method \"BAD METHOD\"", badMethod));
            Request noHost = LocalServer.newRequest("GET", "http:///path");
            cases.add(new Case("http: no Host in request URL", noHost));
            Request badKey = LocalServer.newRequest("GET", "http://example.com/");
            badKey.header.add("Bad Key", "v");
            cases.add(new Case("net/http: invalid header field name \"Bad Key\"", badKey));
            Request badValue = LocalServer.newRequest("GET", "http://example.com/");
            badValue.header.add("X-Token", "a\nb");
            cases.add(new Case("net/http: invalid header field value for \"X-Token\"", badValue));
            Request nilURL = LocalServer.newRequest("GET", "http://example.com/");
            nilURL.url = null;
            cases.add(new Case("http: nil Request.URL", nilURL));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        for (Case c : cases) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> t.roundTrip(c.req()));
            assertEquals(c.want(), e.getMessage());
        }
        assertEquals(0, t.dialCount());
    }

    @Test
    void responseHeaderTimeoutClosesTheConnection() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalServer s = new LocalServer((w, r) -> {
            release.await();
            w.writeString("late");
        })) {
            Transport t = new Transport();
            t.responseHeaderTimeout = Duration.ofMillis(100);
            ResponseHeaderTimeoutException e = assertThrows(ResponseHeaderTimeoutException.class, () -> t.roundTrip(s.get("/")));
            assertEquals("net/http: timeout awaiting response headers", e.getMessage());
            release.countDown();
            assertEquals(0, t.idleConnCount());
        }
    }

    @Test
    void cancelingTheContextAbortsAWaitingRequest() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LocalServer s = new LocalServer((w, r) -> {
            inHandler.countDown();
            release.await();
        })) {
            Transport t = new Transport();
            Request req = s.get("/");
            Context.Cancelable ctx = Context.withCancel(Context.background());
            req.context = ctx;
            Thread.ofVirtual().start(() -> {
                try {
                    inHandler.await();
                } catch (InterruptedException e) {
                    return;
                }
                ctx.cancel();
            });
            IOException e = assertThrows(IOException.class, () -> t.roundTrip(req));
            assertInstanceOf(Context.CanceledException.class, e);
            assertEquals("context canceled", e.getMessage());
            release.countDown();
        }
    }

    @Test
    void aDeadlineEndsTheRequestWhileTheBodyIsRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalServer s = new LocalServer((w, r) -> {
            w.writeString("first part");
            ((nethttp.core.Flusher) w).flush();
            release.await();
        })) {
            Transport t = new Transport();
            Request req = s.get("/");
            Context.Cancelable ctx = Context.withTimeout(Context.background(), Duration.ofMillis(200));
            req.context = ctx;
            Response resp = t.roundTrip(req);
            byte[] buf = new byte[100];
            int n = resp.body.read(buf);
            assertTrue(n > 0);
            IOException e = assertThrows(IOException.class, () -> resp.body.readAllBytes());
            assertEquals("context deadline exceeded", e.getMessage());
            release.countDown();
            ctx.cancel();
        }
    }

    @Test
    void expectContinueWaitsForTheServersGoAhead() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> w.writeString("got " + new String(r.body.readAllBytes(), StandardCharsets.ISO_8859_1)))) {
            Transport t = new Transport();
            t.expectContinueTimeout = Duration.ofSeconds(20);
            Request req = s.request("POST", "/");
            req.header.set("Expect", "100-continue");
            req.body = new ByteArrayInputStream("abc".getBytes(StandardCharsets.ISO_8859_1));
            req.contentLength = 3;
            List<String> steps = new CopyOnWriteArrayList<>();
            ClientTrace trace = new ClientTrace();
            trace.wroteHeaders = () -> steps.add("headers");
            trace.got100Continue = () -> steps.add("100");
            trace.wroteRequest = err -> steps.add("request " + err);
            trace.gotFirstResponseByte = () -> steps.add("first byte");
            req.context = ClientTrace.withClientTrace(req.context, trace);
            assertEquals("got abc", readAll(t.roundTrip(req)));
            // The header hook runs after the header was flushed, so it races the server's 100;
            // what is certain: the 100 came before the body went out, the header before both.
            assertEquals(4, steps.size(), steps.toString());
            assertTrue(steps.indexOf("first byte") < steps.indexOf("100"), steps.toString());
            assertTrue(steps.indexOf("100") < steps.indexOf("request null"), steps.toString());
            assertTrue(steps.indexOf("headers") < steps.indexOf("request null"), steps.toString());
        }
    }

    @Test
    void expectContinueAnsweredWithAFinalStatusSkipsTheBody() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> {
            w.writeHeader(403);
        })) {
            Transport t = new Transport();
            t.expectContinueTimeout = Duration.ofSeconds(20);
            Request req = s.request("POST", "/");
            req.header.set("Expect", "100-continue");
            CountDownLatch closed = new CountDownLatch(1);
            boolean[] read = {false};
            req.body = new ByteArrayInputStream("never sent".getBytes(StandardCharsets.ISO_8859_1)) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    read[0] = true;
                    return super.read(b, off, len);
                }

                @Override
                public void close() {
                    closed.countDown();
                }
            };
            req.contentLength = 10;
            Response resp = t.roundTrip(req);
            assertEquals(403, resp.statusCode);
            resp.body.close();
            // The write loop closes the unsent body once it learns of the final status.
            assertTrue(closed.await(10, java.util.concurrent.TimeUnit.SECONDS));
            assertFalse(read[0], "the body was not sent");
        }
    }

    static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}
