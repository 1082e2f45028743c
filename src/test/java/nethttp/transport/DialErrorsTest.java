package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nethttp.client.Client;
import nethttp.client.ClientException;
import nethttp.client.Requests;
import nethttp.core.Context;
import nethttp.core.Request;
import nethttp.httptrace.ClientTrace;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every outcome of a dial settles the request that waits for it, and frees its place under
 * {@code maxConnsPerHost}, in both getConn strategies; the errors read as Go's.
 */
@Timeout(60)
class DialErrorsTest {
    /** Far above what any of these requests needs, once it fails at once as it should. */
    private static final Duration HANG = Duration.ofSeconds(20);

    private static Transport transport(GetConnStrategy strategy) {
        Transport t = new Transport();
        t.getConnStrategy = strategy;
        t.maxConnsPerHost = 1;
        return t;
    }

    private static ClientException fails(Client c, String url) {
        return assertTimeoutPreemptively(HANG, () -> assertThrows(ClientException.class, () -> c.get(url)));
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void aPortOutOfRangeFailsAtOnceAsGoSays(GetConnStrategy strategy) {
        Client c = new Client();
        Transport t = transport(strategy);
        c.transport = t;
        c.timeout = Duration.ofSeconds(30);
        for (int i = 0; i < 2; i++) { // the second would wait forever for a slot the first kept
            ClientException e = fails(c, "http://127.0.0.1:99999/");
            assertEquals("Get \"http://127.0.0.1:99999/\": dial tcp: address 99999: invalid port", e.getMessage());
            assertFalse(e.isTimeout());
        }
        assertEquals("Get \"http://[::1]:65536/x\": dial tcp: address 65536: invalid port",
                fails(c, "http://[::1]:65536/x").getMessage());
        assertEquals("Get \"http://127.0.0.1:99999999999999999999/\": dial tcp: address 99999999999999999999: invalid port",
                fails(c, "http://127.0.0.1:99999999999999999999/").getMessage());
    }

    /** A server can send a client to such a port: the redirect fails at once, naming the URL it led to. */
    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void aRedirectToAPortOutOfRangeFailsAtOnce(GetConnStrategy strategy) throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> {
            w.header().set("Location", "http://127.0.0.1:99999/trap");
            w.writeHeader(302);
        })) {
            Client c = new Client();
            c.transport = transport(strategy);
            c.timeout = Duration.ofSeconds(30);
            ClientException e = fails(c, "http://" + s.hostPort() + "/");
            assertEquals("Get \"http://127.0.0.1:99999/trap\": dial tcp: address 99999: invalid port", e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void aRefusedConnectReadsAsGosOpError(GetConnStrategy strategy) throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free once closed, so nothing listens there
        }
        Client c = new Client();
        c.transport = transport(strategy);
        String url = "http://127.0.0.1:" + port + "/";
        assertEquals("Get \"" + url + "\": dial tcp 127.0.0.1:" + port + ": connect: connection refused", fails(c, url).getMessage());
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void anUnknownHostReadsAsGosLookupError(GetConnStrategy strategy) {
        Client c = new Client();
        c.transport = transport(strategy);
        for (int i = 0; i < 2; i++) {
            assertEquals("Get \"http://nothing.invalid:81/\": dial tcp: lookup nothing.invalid: no such host",
                    fails(c, "http://nothing.invalid:81/").getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    void aDialerThatThrowsAnythingSettlesTheRequestAndFreesItsSlot(GetConnStrategy strategy) {
        Transport t = transport(strategy);
        List<String> connectDone = new CopyOnWriteArrayList<>();
        RuntimeException boom = new IllegalStateException("boom");
        t.dialer = (ctx, network, addr) -> {
            throw boom;
        };
        for (int i = 0; i < 2; i++) {
            Request req = assertTimeoutPreemptively(HANG, () -> Requests.newRequest("GET", "http://127.0.0.1:1/"));
            ClientTrace trace = new ClientTrace();
            trace.connectDone = (network, addr, err) -> connectDone.add(err == null ? "ok" : err.getMessage());
            req.context = ClientTrace.withClientTrace(Context.background(), trace);
            IOException e = assertTimeoutPreemptively(HANG, () -> assertThrows(IOException.class, () -> t.roundTrip(req)));
            assertEquals("nethttp: dial failed: java.lang.IllegalStateException: boom", e.getMessage());
            assertSame(boom, e.getCause());
        }
        assertEquals(List.of("nethttp: dial failed: java.lang.IllegalStateException: boom",
                "nethttp: dial failed: java.lang.IllegalStateException: boom"), connectDone);

        AssertionError error = new AssertionError("an Error, not an Exception");
        t.dialer = (ctx, network, addr) -> {
            throw error;
        };
        for (int i = 0; i < 2; i++) { // the slot is given back after the failure is delivered: the next request waits for it
            IOException e = assertTimeoutPreemptively(HANG,
                    () -> assertThrows(IOException.class, () -> t.roundTrip(Requests.newRequest("GET", "http://127.0.0.1:1/"))));
            assertSame(error, e.getCause());
        }
    }
}
