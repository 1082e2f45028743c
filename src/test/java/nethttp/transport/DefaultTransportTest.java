package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import nethttp.client.Client;
import nethttp.client.Requests;
import nethttp.core.Context;
import nethttp.core.Request;
import nethttp.core.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transport a {@link Client} uses by default behaves as Go's {@code DefaultTransport}. Its
 * settings are compared with Go's in {@link GoClientBytesTest}; here is what they do.
 */
@Timeout(60)
class DefaultTransportTest {

    @Test
    void dialsAsGosDefaultDialerAndAZeroTransportAsGosZeroDialer() throws Exception {
        assertEquals(new Dialer.NetDialer(Duration.ofSeconds(30), Duration.ofSeconds(30)), Transport.defaultTransport().dialer);
        try (ServerSocket ln = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String addr = "127.0.0.1:" + ln.getLocalPort();
            try (Socket zero = new Transport().dialer.dial(Context.background(), "tcp", addr);
                    Socket dflt = Transport.defaultTransport().dialer.dial(Context.background(), "tcp", addr)) {
                assertTrue(zero.getKeepAlive());
                assertTrue(zero.getTcpNoDelay());
                assertTrue(dflt.getKeepAlive());
                Assumptions.assumeTrue(zero.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE),
                        "the platform cannot set the keep-alive period");
                assertEquals(15, zero.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
                assertEquals(15, zero.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
                assertEquals(30, dflt.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
                assertEquals(30, dflt.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
            }
            try (Socket off = new Dialer.NetDialer(Duration.ZERO, Duration.ofSeconds(-1)).dial(Context.background(), "tcp", addr)) {
                assertTrue(!off.getKeepAlive(), "a negative period turns probes off");
            }
        }
    }

    /**
     * A request that expects {@code 100 Continue} holds its body back for a second, as with Go's
     * DefaultTransport, when the server says nothing. The time from the call to the body's
     * arrival is at least that second however slow the machine; without the wait it is a few
     * milliseconds (or, on a stalled machine, more: then this test cannot tell, but never fails).
     */
    @Test
    void theDefaultClientWaitsASecondForContinueBeforeSendingTheBody() throws Exception {
        try (ServerSocket ln = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> bodyNanos = CompletableFuture.supplyAsync(() -> {
                try (Socket c = ln.accept()) {
                    InputStream in = new BufferedInputStream(c.getInputStream());
                    ByteArrayOutputStream head = new ByteArrayOutputStream();
                    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) throw new IOException("no header");
                        head.write(b);
                    }
                    byte[] body = in.readNBytes(4); // says nothing, so the client must give up waiting
                    long bodyAt = System.nanoTime();
                    assertEquals("data", new String(body, StandardCharsets.ISO_8859_1));
                    c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    return bodyAt;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Request req = Requests.newRequest(Context.background(), "POST", "http://127.0.0.1:" + ln.getLocalPort() + "/", "data");
            req.header.set("Expect", "100-continue");
            long sentAt = System.nanoTime();
            Response resp = new Client().send(req);
            resp.body.close();
            assertEquals(200, resp.statusCode);
            long gap = bodyNanos.get(30, TimeUnit.SECONDS) - sentAt;
            assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(950), "the body came after " + gap / 1_000_000 + " ms");
        }
    }
}
