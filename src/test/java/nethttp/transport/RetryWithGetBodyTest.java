package nethttp.transport;

import static nethttp.transport.LocalServer.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nethttp.client.Requests;
import nethttp.core.Context;
import nethttp.core.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request with a body is sent again after its reused connection fails, when it is replayable
 * (an idempotent method or an {@code Idempotency-Key}) and {@link Request#getBody} can reopen
 * the body, as Go's {@code rewindBody} does; without {@code getBody} it is not.
 */
@Timeout(30)
class RetryWithGetBodyTest {

    /** The first connection answers one request and hangs up on the next; later ones echo bodies. */
    private static final class Server implements AutoCloseable {
        final ServerSocket ln = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> seen = new CopyOnWriteArrayList<>();

        Server() throws IOException {
            Thread.ofVirtual().start(() -> {
                for (int conn = 0; ; conn++) {
                    try {
                        Socket c = ln.accept();
                        boolean first = conn == 0;
                        Thread.ofVirtual().start(() -> serve(c, first));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket c, boolean hangUpOnSecond) {
            try (c) {
                BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = c.getOutputStream();
                for (int n = 0; ; n++) {
                    String line = in.readLine();
                    if (line == null) return;
                    int length = 0;
                    for (String h; !(h = in.readLine()).isEmpty(); ) {
                        if (h.startsWith("Content-Length: ")) length = Integer.parseInt(h.substring(16));
                    }
                    if (n == 1 && hangUpOnSecond) return;
                    char[] body = new char[length];
                    for (int off = 0; off < length; ) off += in.read(body, off, length - off);
                    seen.add(line + " " + new String(body));
                    String reply = "got " + new String(body);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + reply.length() + "\r\n\r\n" + reply).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException e) {
                // gone
            }
        }

        String base() {
            return "http://127.0.0.1:" + ln.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            ln.close();
        }
    }

    private static Request idempotentPut(String url) throws Exception {
        Request r = Requests.newRequest(Context.background(), "PUT", url, "payload");
        r.header.set("Idempotency-Key", "k1");
        return r;
    }

    @Test
    void replayableBodyIsReopenedAndSentAgain() throws Exception {
        try (Server s = new Server()) {
            Transport t = new Transport();
            assertEquals("got ", readAll(t.roundTrip(LocalServer.newRequest("GET", s.base() + "/1"))));
            assertEquals("got payload", readAll(t.roundTrip(idempotentPut(s.base() + "/2"))));
            assertEquals(List.of("GET /1 HTTP/1.1 ", "PUT /2 HTTP/1.1 payload"), s.seen);
            assertEquals(2, t.dialCount());
        }
    }

    /** A socket whose writes fail, before a byte gets through, once {@code fail} is set. */
    private static final class WriteFailingSocket extends Socket {
        private final java.util.concurrent.atomic.AtomicBoolean fail;

        WriteFailingSocket(String addr, java.util.concurrent.atomic.AtomicBoolean fail) throws IOException {
            super(InetAddress.getLoopbackAddress(), Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1)));
            this.fail = fail;
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new java.io.FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (fail.get()) throw new IOException("write: broken pipe");
                    out.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }
            };
        }
    }

    /** A transport whose first connection's writes fail once {@code fail} is set. */
    private static Transport withFailingFirstConnection(java.util.concurrent.atomic.AtomicBoolean fail) {
        Transport t = new Transport();
        java.util.concurrent.atomic.AtomicInteger dials = new java.util.concurrent.atomic.AtomicInteger();
        t.dialer = (ctx, network, addr) -> dials.getAndIncrement() == 0 ? new WriteFailingSocket(addr, fail) : Dialer.TCP.dial(ctx, network, addr);
        return t;
    }

    /**
     * Nothing of the request reached the reused connection: Go sends it again when it has no
     * body or {@code GetBody} can reopen the body, whatever the method. A POST made by
     * {@link Requests#newRequest} has one.
     */
    @Test
    void postWithGetBodyIsRetriedWhenNothingWasWritten() throws Exception {
        try (Server s = new Server()) {
            var fail = new java.util.concurrent.atomic.AtomicBoolean();
            Transport t = withFailingFirstConnection(fail);
            assertEquals("got ", readAll(t.roundTrip(LocalServer.newRequest("GET", s.base() + "/1"))));
            fail.set(true);
            Request post = Requests.newRequest(Context.background(), "POST", s.base() + "/2", "payload");
            assertEquals("got payload", readAll(t.roundTrip(post)));
            assertEquals(List.of("GET /1 HTTP/1.1 ", "POST /2 HTTP/1.1 payload"), s.seen);
            assertEquals(2, t.dialCount());
        }
    }

    @Test
    void postWithoutGetBodyIsNotRetriedEvenWhenNothingWasWritten() throws Exception {
        try (Server s = new Server()) {
            var fail = new java.util.concurrent.atomic.AtomicBoolean();
            Transport t = withFailingFirstConnection(fail);
            readAll(t.roundTrip(LocalServer.newRequest("GET", s.base() + "/1")));
            fail.set(true);
            Request post = Requests.newRequest(Context.background(), "POST", s.base() + "/2", "payload");
            post.getBody = null;
            IOException e = assertThrows(IOException.class, () -> t.roundTrip(post));
            assertTrue(e.getMessage().matches(
                    "write tcp 127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:\\d+: write: broken pipe"),
                    e.getMessage());
            assertEquals(1, t.dialCount());
        }
    }

    @Test
    void withoutGetBodyTheFailureStands() throws Exception {
        try (Server s = new Server()) {
            Transport t = new Transport();
            readAll(t.roundTrip(LocalServer.newRequest("GET", s.base() + "/1")));
            Request put = idempotentPut(s.base() + "/2");
            put.getBody = null;
            IOException e = assertThrows(IOException.class, () -> t.roundTrip(put));
            assertInstanceOf(EOFException.class, e);
            assertEquals(1, t.dialCount());
        }
    }
}
