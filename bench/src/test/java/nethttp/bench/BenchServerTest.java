package nethttp.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import nethttp.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The routes the load driver measures answer as the wrk script and the Go peer expect: the body
 * echoed whatever its framing, the stream as many bytes as asked for, and every event counted
 * when watching.
 */
class BenchServerTest {
    private Server srv;
    private Thread serving;

    int start(LongAdder events) throws IOException {
        srv = BenchServer.server(events);
        ServerSocket ss = Server.listen("127.0.0.1:0");
        serving = Thread.ofVirtual().start(() -> {
            try {
                srv.serve(ss);
            } catch (IOException closed) {
                // ends when the test closes the server
            }
        });
        return ss.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (srv != null) srv.close();
        if (serving != null) serving.join();
    }

    /** Sends raw bytes on a connection the request closes, and reads the whole reply. */
    static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String body(String reply) {
        return reply.substring(reply.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void echoesABodyFramedByLength() throws Exception {
        int port = start(null);
        String reply = exchange(port, "POST /body HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello");
        assertTrue(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply);
        assertTrue(reply.contains("Content-Length: 5\r\n"), reply);
        assertEquals("hello", body(reply));
    }

    @Test
    void echoesALargeChunkedBodyChunked() throws Exception {
        int port = start(null);
        String data = "x".repeat(4096);
        String chunks = ("1000\r\n" + data + "\r\n").repeat(16) + "0\r\n\r\n";
        String reply = exchange(port, "POST /body HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
        assertTrue(reply.contains("Transfer-Encoding: chunked\r\n"), reply.substring(0, 200));
        assertEquals(65536, unchunk(body(reply)).length);
    }

    @Test
    void streamsTheKibibytesAskedFor() throws Exception {
        int port = start(null);
        String reply = exchange(port, "GET /stream?kib=40 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        byte[] got = unchunk(body(reply));
        byte[] want = new byte[40 * 1024];
        for (int i = 0; i < want.length; i++) want[i] = (byte) ('a' + (i % BenchServer.PIECE) % 26);
        assertArrayEquals(want, got);
        // 16 KiB, 16 KiB, 8 KiB: one chunk per flush
        assertTrue(body(reply).startsWith("4000\r\n"), body(reply).substring(0, 10));
        assertTrue(body(reply).contains("\r\n2000\r\n"));
    }

    @Test
    void theWatchedServerCountsEvents() throws Exception {
        LongAdder events = new LongAdder();
        int port = start(events);
        assertEquals("Hello from nethttp!\n", body(exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
        assertTrue(events.sum() > 0, "no events counted");
    }

    /** Decodes a chunked body without trailers. */
    static byte[] unchunk(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int eol = s.indexOf("\r\n", i);
            int n = Integer.parseInt(s.substring(i, eol), 16);
            if (n == 0) return out.toByteArray();
            out.writeBytes(s.substring(eol + 2, eol + 2 + n).getBytes(StandardCharsets.ISO_8859_1));
            i = eol + 2 + n + 2;
        }
    }
}
