package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.regex.Pattern;
import nethttp.client.Requests;
import nethttp.core.Context;
import nethttp.core.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Read and write errors read as Go's {@code net.OpError}; the read side is compared with Go in {@link GoClientBytesTest}. */
@Timeout(60)
class ConnErrorsTest {

    /** Each kind of failure the JDK reports, in Go's words, with the connection's two ends. */
    @Test
    void theJdksFailuresAreWordedAsGos() throws Exception {
        try (ServerSocket ln = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket conn = new Socket(ln.getInetAddress(), ln.getLocalPort());
                Socket peer = ln.accept()) {
            String pair = ConnErrors.ends(conn);
            assertEquals("127.0.0.1:" + conn.getLocalPort() + "->127.0.0.1:" + ln.getLocalPort(), pair);
            String ends = "tcp " + pair + ": ";
            assertEquals("read " + ends + "read: connection reset by peer",
                    ConnErrors.opError("read", pair, conn, new SocketException("Connection reset")).getMessage());
            assertEquals("write " + ends + "write: connection reset by peer",
                    ConnErrors.opError("write", pair, conn, new SocketException("Connection reset by peer")).getMessage());
            assertEquals("write " + ends + "write: broken pipe",
                    ConnErrors.opError("write", pair, conn, new SocketException("Broken pipe")).getMessage());
            assertEquals("read " + ends + "read: some other trouble",
                    ConnErrors.opError("read", pair, conn, new IOException("Some other trouble")).getMessage());
            IOException timeout = ConnErrors.opError("read", pair, conn, new SocketTimeoutException("Read timed out"));
            assertInstanceOf(SocketTimeoutException.class, timeout);
            assertEquals("read " + ends + "i/o timeout", timeout.getMessage());
            IOException once = ConnErrors.opError("read", pair, conn, new SocketException("Connection reset"));
            assertSame(once, ConnErrors.opError("read", pair, conn, once), "worded once, not twice");
            conn.close();
            assertEquals("read " + ends + "use of closed network connection",
                    ConnErrors.opError("read", pair, conn, new SocketException("Socket closed")).getMessage());
        }
    }

    /** Over IPv6 loopback the ends are written as Go writes them: compressed, in brackets. */
    @Test
    void ipv6EndsAreWrittenAsGosAre() throws Exception {
        try (ServerSocket ln = new ServerSocket(0, 1, InetAddress.getByName("::1"));
                Socket conn = new Socket(ln.getInetAddress(), ln.getLocalPort());
                Socket peer = ln.accept()) {
            assertEquals("[::1]:" + conn.getLocalPort() + "->[::1]:" + ln.getLocalPort(), ConnErrors.ends(conn));
        }
    }

    /**
     * The server reads the head and resets while the body is being sent. Go reports the write
     * or, as the race goes, the read that saw the reset, the same way; when the write took the
     * reset, the kernel gives the read a plain end of stream, which both report as {@code EOF}.
     */
    @Test
    void aResetWhileTheBodyIsWrittenReadsAsGosOpError() throws Exception {
        try (ServerSocket ln = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try (Socket c = ln.accept()) {
                    InputStream in = new BufferedInputStream(c.getInputStream());
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        if (b < 0) return;
                        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    c.setSoLinger(true, 0);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            Request req = Requests.newRequest(Context.background(), "POST", "http://127.0.0.1:" + ln.getLocalPort() + "/", new byte[32 << 20]);
            IOException e = assertThrows(IOException.class, () -> new Transport().roundTrip(req));
            server.join();
            Pattern goShape = Pattern.compile("(net/http: HTTP/1\\.x transport connection broken: )?(read|write) tcp "
                    + "127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:" + ln.getLocalPort() + ": (read|write): (connection reset by peer|broken pipe)");
            assertTrue(e.getMessage().equals("EOF") || goShape.matcher(e.getMessage()).matches(), e.getMessage());
        }
    }
}
