package nethttp.transport;

import static nethttp.transport.LocalServer.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import nethttp.core.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that hangs up on a kept-alive connection right after reading the next request (as one
 * whose idle timeout strikes at that moment): a bodiless GET is sent again on a new connection,
 * a POST is not, as in Go.
 */
@Timeout(30)
class RetryTest {

    /** Answers the first request of each connection; on the first connection, reads a second and hangs up. */
    private static final class HangUpServer implements AutoCloseable {
        final ServerSocket ln = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> requestLines = new CopyOnWriteArrayList<>();
        private int conns;

        HangUpServer() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        Socket c = ln.accept();
                        boolean first = conns++ == 0;
                        Thread.ofVirtual().start(() -> serve(c, first));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket c, boolean hangUpAfterSecond) {
            try (c) {
                BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = c.getOutputStream();
                for (int n = 0; ; n++) {
                    String line = in.readLine();
                    if (line == null) return;
                    requestLines.add(line);
                    while (!in.readLine().isEmpty()) {
                        // skip the header
                    }
                    if (n == 1 && hangUpAfterSecond) return;
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
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

    @Test
    void idempotentRequestIsRetriedOnANewConnection() throws Exception {
        try (HangUpServer s = new HangUpServer()) {
            Transport t = new Transport();
            assertEquals("ok", readAll(t.roundTrip(LocalServer.newRequest("GET", s.base() + "/1"))));
            assertEquals("ok", readAll(t.roundTrip(LocalServer.newRequest("GET", s.base() + "/2"))));
            assertEquals(List.of("GET /1 HTTP/1.1", "GET /2 HTTP/1.1", "GET /2 HTTP/1.1"), s.requestLines);
            assertEquals(2, t.dialCount());
        }
    }

    @Test
    void postIsNotRetried() throws Exception {
        try (HangUpServer s = new HangUpServer()) {
            Transport t = new Transport();
            assertEquals("ok", readAll(t.roundTrip(LocalServer.newRequest("GET", s.base() + "/1"))));
            Request post = LocalServer.newRequest("POST", s.base() + "/2");
            IOException e = assertThrows(IOException.class, () -> t.roundTrip(post));
            assertInstanceOf(EOFException.class, e, "Go returns the io.EOF of the first read");
            assertEquals(List.of("GET /1 HTTP/1.1", "POST /2 HTTP/1.1"), s.requestLines);
            assertEquals(1, t.dialCount());
        }
    }
}
