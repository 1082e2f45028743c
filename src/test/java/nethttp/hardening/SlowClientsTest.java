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

    /**
     * Slow, idle, vanishing and half-closing clients against a server with all four timeouts set:
     * each gets what Go gives it, and the log stays as empty as Go's.
     */
    @Test
    void clientsCutByEachTimeoutLeaveTheLogEmpty() throws Exception {
        try (Harness h = new Harness((w, r) -> w.writeString("hello\n"), srv -> {
            // Long enough that a whole request sent at once always beats them on a loaded machine.
            srv.readHeaderTimeout = Duration.ofSeconds(1);
            srv.readTimeout = Duration.ofSeconds(2);
            srv.writeTimeout = Duration.ofSeconds(5);
            srv.idleTimeout = Duration.ofSeconds(1);
        })) {
            String get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
            try (Socket halfLine = h.connect(); Socket halfField = h.connect(); Socket idle = h.connect();
                    Socket vanishing = h.connect(); Socket halfClosing = h.connect(); Socket halfBody = h.connect()) {
                send(halfLine, "GET / HT");
                send(halfField, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1");
                send(idle, get);
                send(vanishing, get);
                send(halfClosing, get + "GE");
                halfClosing.shutdownOutput();
                send(halfBody, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");

                assertTrue(Harness.readAll(halfLine.getInputStream()).startsWith("HTTP/1.1 400 Bad Request\r\n"),
                        "a request line cut by the deadline is parsed as it is, and fails");
                assertEquals("", Harness.readAll(halfField.getInputStream()), "a header field cut by the deadline parses; then silence");
                assertTrue(Harness.readAll(idle.getInputStream()).endsWith("hello\n"), "answered, then closed when idle");
                String reply = readReply(vanishing);
                assertTrue(reply.endsWith("hello\n"), reply);
                vanishing.setSoLinger(true, 0);
                vanishing.close(); // a reset while idle
                String both = Harness.readAll(halfClosing.getInputStream());
                assertEquals(1, both.split("HTTP/1.1 ", -1).length - 1, "no reply to two stray bytes: " + both);
                String late = Harness.readAll(halfBody.getInputStream());
                assertTrue(late.startsWith("HTTP/1.1 200 OK\r\n") && late.contains("Connection: close\r\n"), late);
            }
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
            assertEquals(List.of(), h.log);
        }
    }

    /** One response of the hello handler: its head and its 6-byte body. */
    private static String readReply(Socket s) throws IOException {
        StringBuilder b = new StringBuilder();
        var in = s.getInputStream();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) break;
            b.append((char) c);
        }
        b.append(new String(in.readNBytes(6), StandardCharsets.ISO_8859_1));
        return b.toString();
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
