package nethttp.server;

import static nethttp.server.TestServer.closedByServer;
import static nethttp.server.TestServer.maskDate;
import static nethttp.server.TestServer.readAll;
import static nethttp.server.TestServer.readResponse;
import static nethttp.server.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nethttp.core.ConnState;
import org.junit.jupiter.api.Test;

/**
 * What the server does when a read, a write or an accept fails outside a handler: Go's
 * {@code conn.serve} returns quietly on such errors, answers a partial head it could parse, and
 * keeps its accept loop going through temporary failures.
 */
class ConnErrorsTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

    /** Counts down when the server reports a connection CLOSED; the log is complete by then. */
    private static CountDownLatch closedLatch(Server s, int count) {
        CountDownLatch closed = new CountDownLatch(count);
        s.connState = (c, st) -> {
            if (st == ConnState.CLOSED) closed.countDown();
        };
        return closed;
    }

    @Test
    void anIdleTimeoutLeavesTheLogEmpty() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString("ok"), s -> s.idleTimeout = Duration.ofMillis(100))) {
            try (Socket s = ts.connect()) {
                send(s, GET);
                readResponse(s.getInputStream(), false);
                assertTrue(closedByServer(s));
            }
            assertEquals(List.of(), ts.log);
        }
    }

    @Test
    void aReadTimeoutWhileIdleLeavesTheLogEmpty() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString("ok"), s -> s.readTimeout = Duration.ofSeconds(1))) {
            try (Socket s = ts.connect()) {
                send(s, GET);
                readResponse(s.getInputStream(), false);
                assertTrue(closedByServer(s));
            }
            assertEquals(List.of(), ts.log);
        }
    }

    @Test
    void aResetWhileIdleLeavesTheLogEmpty() throws Exception {
        CountDownLatch[] closed = new CountDownLatch[1];
        try (var ts = new TestServer((w, r) -> w.writeString("ok"), s -> {
            s.idleTimeout = Duration.ofSeconds(30);
            closed[0] = closedLatch(s, 1);
        })) {
            Socket s = ts.connect();
            send(s, GET);
            readResponse(s.getInputStream(), false);
            s.setSoLinger(true, 0); // close with a reset
            s.close();
            assertTrue(closed[0].await(10, TimeUnit.SECONDS), "the server closes its side");
            assertEquals(List.of(), ts.log);
        }
    }

    @Test
    void aHalfCloseWhileIdleLeavesTheLogEmpty() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString("ok"), s -> s.idleTimeout = Duration.ofSeconds(30))) {
            String all = ts.roundTripAll(GET);
            assertTrue(all.endsWith("ok"), all);
            assertEquals(List.of(), ts.log);
        }
    }

    @Test
    void oneToThreeBytesAndEndOfStreamAfterARequestGetNoSecondReply() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString("ok"), s -> s.idleTimeout = Duration.ofSeconds(30))) {
            for (String tail : List.of("G", "GE", "GET", "\r\n\r")) {
                String all = ts.roundTripAll(GET + tail);
                assertEquals(1, all.split("HTTP/1.1 ", -1).length - 1, "one reply, nothing for " + tail + ": " + all);
                assertTrue(all.endsWith("ok"), all);
            }
            assertEquals(List.of(), ts.log);
        }
    }

    @Test
    void aTimeoutInsideAPartialRequestLineAnswers400AsGoDoes() throws Exception {
        // Roomy: the partial head must arrive before the deadline even on a loaded machine.
        try (var ts = new TestServer((w, r) -> w.writeString("ok"), s -> s.readHeaderTimeout = Duration.ofSeconds(1))) {
            try (Socket s = ts.connect()) {
                send(s, "GET / HT");
                String reply = readAll(s.getInputStream());
                assertEquals("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        + "Connection: close\r\n\r\n400 Bad Request", reply);
            }
            try (Socket s = ts.connect()) {
                send(s, "GET / HTTP/1.1\r\nHost: x\r\nNoColon");
                String reply = readAll(s.getInputStream());
                assertTrue(reply.startsWith("HTTP/1.1 400 Bad Request\r\n"), reply);
            }
            assertEquals(List.of(), ts.log);
        }
    }

    @Test
    void optionsStarWithABodyThatFailsToReadIsStillAnswered() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString("never"))) {
            String all = maskDate(ts.roundTripAll(
                    "OPTIONS * HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"));
            assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nDate: X\r\nConnection: close\r\n\r\n", all);
            assertEquals(List.of(), ts.log);
        }
    }

    /** A socket whose writes block until it is closed, as a write does when the client stops reading. */
    private static final class StuckWriteSocket extends Socket {
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new SocketException("Socket closed");
                }
            };
        }

        @Override
        public synchronized void close() throws IOException {
            closed.countDown();
            super.close();
        }
    }

    private static final class StuckWriteListener extends ServerSocket {
        StuckWriteListener() throws IOException {
            super(0, 50, InetAddress.getLoopbackAddress());
        }

        @Override
        public Socket accept() throws IOException {
            Socket s = new StuckWriteSocket();
            implAccept(s);
            return s;
        }
    }

    @Test
    void theWriteDeadlineCoversErrorReplies() throws Exception {
        Server srv = new Server();
        srv.handler = (w, r) -> w.writeString("never");
        srv.writeTimeout = Duration.ofMillis(200);
        List<String> log = new CopyOnWriteArrayList<>();
        srv.errorLog = log::add;
        CountDownLatch closed = closedLatch(srv, 1);
        StuckWriteListener l = new StuckWriteListener();
        Thread loop = Thread.ofVirtual().start(() -> {
            try {
                srv.serve(l);
            } catch (IOException expected) {
                // closed at the end of the test
            }
        });
        try (Socket s = new Socket(l.getInetAddress(), l.getLocalPort())) {
            send(s, "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n"); // a 400 whose write never finishes
            assertTrue(closed.await(10, TimeUnit.SECONDS), "the deadline closes the connection under the stuck reply");
        } finally {
            srv.close();
            loop.join(Duration.ofSeconds(5));
        }
        assertEquals(List.of(), log);
    }

    /** A listener whose accept fails as scripted, then accepts for real. */
    private static final class ScriptedListener extends ServerSocket {
        private final List<Throwable> failures;
        final AtomicInteger accepts = new AtomicInteger();

        ScriptedListener(Throwable... failures) throws IOException {
            super(0, 50, InetAddress.getLoopbackAddress());
            this.failures = new CopyOnWriteArrayList<>(failures);
        }

        @Override
        public Socket accept() throws IOException {
            accepts.incrementAndGet();
            if (!failures.isEmpty()) {
                Throwable t = failures.remove(0);
                if (t instanceof IOException io) throw io;
                if (t instanceof RuntimeException re) throw re;
                throw (Error) t;
            }
            return super.accept();
        }
    }

    @Test
    void theAcceptLoopSurvivesRunningOutOfFilesAndALogThatFails() throws Exception {
        Server srv = new Server();
        srv.handler = (w, r) -> w.writeString("still serving");
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger logCalls = new AtomicInteger();
        srv.errorLog = msg -> {
            if (logCalls.incrementAndGet() == 1) {
                // what the first log line met when the time-zone data could not be opened
                throw new Error("java.io.FileNotFoundException: tzdb.dat (Too many open files)");
            }
            log.add(msg);
        };
        ScriptedListener l = new ScriptedListener(
                new IOException("Too many open files"), new IOException("Too many open files in system"));
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                srv.serve(l);
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        try (Socket s = new Socket(l.getInetAddress(), l.getLocalPort())) {
            s.setSoTimeout(10_000);
            send(s, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(readAll(s.getInputStream()).endsWith("still serving"));
        }
        assertEquals(List.of("http: Accept error: accept tcp 127.0.0.1:" + l.getLocalPort() + ": "
                + AcceptBackoff.ACCEPT_CALL + ": too many open files in system; retrying in 10ms"), log);
        srv.close();
        assertTrue(ended.get(5, TimeUnit.SECONDS) instanceof ServerClosedException);
    }

    @Test
    void aPermanentAcceptErrorEndsServeWithoutRetrying() throws Exception {
        for (Throwable permanent : List.of(new IOException("Invalid argument"), new SocketException("Bad file descriptor"),
                new IllegalStateException("broken listener"))) {
            Server srv = new Server();
            srv.handler = (w, r) -> {};
            List<String> log = new CopyOnWriteArrayList<>();
            srv.errorLog = log::add;
            ScriptedListener l = new ScriptedListener(permanent);
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    srv.serve(l);
                    ended.complete(null);
                } catch (Throwable e) {
                    ended.complete(e);
                }
            });
            Throwable thrown;
            try {
                thrown = ended.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("serve still retries after " + permanent + "; log: " + log);
            } finally {
                srv.close();
            }
            assertTrue(thrown == permanent || (thrown != null && thrown.getCause() == permanent), String.valueOf(thrown));
            assertEquals(1, l.accepts.get(), "no retry after " + permanent);
            assertTrue(l.isClosed());
            assertEquals(List.of(), log);
        }
    }

    @Test
    void temporaryAcceptErrorsAreTheOnesGoRetries() {
        for (String m : List.of("Too many open files", "Too many open files in system", "Interrupted system call",
                "Resource temporarily unavailable", "Connection timed out", "Connection reset",
                "Software caused connection abort")) {
            assertTrue(AcceptBackoff.isTemporary(new IOException(m)), m);
        }
        assertTrue(AcceptBackoff.isTemporary(new java.net.SocketTimeoutException("Accept timed out")));
        for (String m : List.of("Invalid argument", "Bad file descriptor", "Socket closed", "Cannot allocate memory")) {
            assertTrue(!AcceptBackoff.isTemporary(new IOException(m)), m);
        }
        assertTrue(!AcceptBackoff.isTemporary(new OutOfMemoryError()));
    }

    @Test
    void closingAfterAnUnreadLargeBodyWaitsHalfASecondAsGoDoes() throws Exception {
        ConcurrentHashMap<ConnState, Long> at = new ConcurrentHashMap<>();
        CountDownLatch closed = new CountDownLatch(1);
        try (var ts = new TestServer((w, r) -> w.writeString("ignored the body"), s -> s.connState = (c, st) -> {
            at.putIfAbsent(st, System.nanoTime());
            if (st == ConnState.CLOSED) closed.countDown();
        })) {
            try (Socket s = ts.connect()) {
                send(s, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n" + "x".repeat(1000));
                String reply = readAll(s.getInputStream()); // to the server's half-close
                assertTrue(reply.contains("Connection: close\r\n"), reply);
            } // the client closes at once
            assertTrue(closed.await(10, TimeUnit.SECONDS));
            long waited = at.get(ConnState.CLOSED) - at.get(ConnState.ACTIVE);
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(500),
                    "closed " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms after the request began");
            assertEquals(List.of(), ts.log);
        }
    }
}
