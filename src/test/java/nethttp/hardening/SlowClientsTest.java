package nethttp.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow and oversized clients against the server's timeouts and limits: they are cut off, and
 * while they are connected the server goes on serving everyone else.
 */
@Timeout(120)
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 50;

    /** Clients that send part of a head and then nothing: ReadHeaderTimeout closes them all. */
    @Test
    void slowlorisClientsAreCutOffWhileOthersAreServed() throws Exception {
        try (Harness h = new Harness((w, r) -> w.writeString("hello\n"), srv -> srv.readHeaderTimeout = Duration.ofMillis(500))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    Socket s = h.connect();
                    slow.add(s);
                    send(s, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + i);
                }
                // Served while every slow client still holds its connection open.
                assertEquals("HTTP/1.1 200 OK", h.get("/"));
                for (Socket s : slow) {
                    assertEquals("", Harness.readAll(s.getInputStream()), "a slow client is closed without a reply");
                }
            } finally {
                for (Socket s : slow) s.close();
            }
            assertEquals("HTTP/1.1 200 OK", h.get("/"));
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
        }
    }

    /** A head larger than MaxHeaderBytes gets Go's 431 and a close; the next client is served. */
    @Test
    void oversizedHeadersGet431AndTheServerKeepsServing() throws Exception {
        try (Harness h = new Harness((w, r) -> w.writeString("hello\n"), srv -> srv.maxHeaderBytes = 4096)) {
            for (int i = 0; i < 10; i++) {
                try (Socket s = h.connect()) {
                    send(s, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
                    String reply = Harness.readAll(s.getInputStream());
                    assertTrue(reply.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), reply);
                }
            }
            assertEquals("HTTP/1.1 200 OK", h.get("/"));
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
        }
    }

    /**
     * A client that sends an endless header line: the server stops reading at its limit, answers
     * 431 and closes, so it holds no more than the limit in memory however much is sent.
     */
    @Test
    void anEndlessHeaderLineIsCutAtTheLimit() throws Exception {
        try (Harness h = new Harness((w, r) -> w.writeString("hello\n"), srv -> srv.maxHeaderBytes = 4096)) {
            try (Socket s = h.connect()) {
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write("GET / HTTP/1.1\r\nX-Endless: ".getBytes(StandardCharsets.ISO_8859_1));
                        byte[] more = "b".repeat(8192).getBytes(StandardCharsets.ISO_8859_1);
                        for (int i = 0; i < 8 * 1024; i++) out.write(more); // up to 64 MiB, if nothing stops it
                    } catch (IOException expected) {
                        // the server closed the connection: the point of the test
                    }
                });
                String reply = readReplyOrReset(s);
                assertTrue(reply.isEmpty() || reply.startsWith("HTTP/1.1 431 "), reply);
                s.close();
                assertTrue(writer.join(Duration.ofSeconds(30)), "the writer was never stopped");
            }
            assertEquals("HTTP/1.1 200 OK", h.get("/"));
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
        }
    }

    private static String readReplyOrReset(Socket s) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[1024];
        try {
            for (int n; (n = s.getInputStream().read(buf)) > 0; ) sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        } catch (SocketException reset) {
            // after its reply the server may reset a connection that still sends
        }
        return sb.toString();
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }
}
