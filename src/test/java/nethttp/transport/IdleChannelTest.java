package nethttp.transport;

import static nethttp.transport.LocalServer.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nethttp.event.ClientTraceEvent.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bytes arriving on an idle connection: a 408 before the server closes is a polite goodbye
 * (closed quietly); anything else is logged as Go logs it, and the connection is closed too.
 */
@Timeout(30)
class IdleChannelTest {

    /** Answers one request with {@code reply}, then sends {@code afterwards} and keeps the connection. */
    private static ServerSocket server(String reply, String afterwards) throws IOException {
        ServerSocket ln = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket c = ln.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                while (!in.readLine().isEmpty()) {
                    // the request head
                }
                OutputStream out = c.getOutputStream();
                out.write((reply + afterwards).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                in.read(); // until the client hangs up
            } catch (IOException e) {
                // done
            }
        });
        return ln;
    }

    @Test
    void unsolicitedBytesAreLoggedAndCloseTheConnection() throws Exception {
        try (ServerSocket ln = server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", "junk")) {
            Transport t = new Transport();
            List<String> log = new CopyOnWriteArrayList<>();
            t.errorLog = log::add;
            EventLog events = new EventLog(t.events);
            assertEquals("ok", readAll(t.roundTrip(LocalServer.newRequest("GET", "http://127.0.0.1:" + ln.getLocalPort() + "/"))));
            assertEquals("readLoopPeekFailLocked: <nil>", events.awaitKind(Kind.CONN_CLOSED).detail());
            assertEquals(List.of("Unsolicited response received on idle HTTP channel starting with \"junk\"; err=<nil>"), log);
        }
    }

    @Test
    void a408OnAnIdleConnectionClosesItQuietly() throws Exception {
        try (ServerSocket ln = server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n")) {
            Transport t = new Transport();
            List<String> log = new CopyOnWriteArrayList<>();
            t.errorLog = log::add;
            EventLog events = new EventLog(t.events);
            assertEquals("ok", readAll(t.roundTrip(LocalServer.newRequest("GET", "http://127.0.0.1:" + ln.getLocalPort() + "/"))));
            assertEquals("http: server closed idle connection", events.awaitKind(Kind.CONN_CLOSED).detail());
            assertEquals(List.of(), log);
        }
    }

    @Test
    void expectContinueTimeoutSendsTheBodyAnyway() throws Exception {
        try (ServerSocket ln = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> received = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try (Socket c = ln.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                    while (!in.readLine().isEmpty()) {
                        // the request head; no 100 Continue is ever sent
                    }
                    char[] body = new char[4];
                    int n = 0;
                    while (n < 4) n += in.read(body, n, 4 - n);
                    received.add(new String(body));
                    c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    in.read();
                } catch (IOException e) {
                    // done
                }
            });
            Transport t = new Transport();
            t.expectContinueTimeout = java.time.Duration.ofMillis(50);
            nethttp.core.Request req = LocalServer.newRequest("PUT", "http://127.0.0.1:" + ln.getLocalPort() + "/");
            req.header.set("Expect", "100-continue");
            req.body = new java.io.ByteArrayInputStream("data".getBytes(StandardCharsets.ISO_8859_1));
            req.contentLength = 4;
            assertEquals(200, t.roundTrip(req).statusCode);
            assertEquals(List.of("data"), received);
        }
    }
}
