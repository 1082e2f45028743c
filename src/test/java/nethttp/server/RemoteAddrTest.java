package nethttp.server;

import static nethttp.server.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A request's {@code remoteAddr} is the peer as Go's {@code net} package writes it. */
@Timeout(30)
class RemoteAddrTest {

    private static List<String> remoteAddrsSeenOver(InetAddress loopback, List<Integer> clientPorts) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (var ts = new TestServer((w, r) -> seen.add(r.remoteAddr), s -> {}, loopback)) {
            try (Socket s = ts.connect()) {
                clientPorts.add(s.getLocalPort());
                send(s, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                TestServer.readAll(s.getInputStream());
            }
        }
        return seen;
    }

    @Test
    void anIpv4PeerIsItsDottedAddressAndPort() throws Exception {
        List<Integer> port = new CopyOnWriteArrayList<>();
        List<String> seen = remoteAddrsSeenOver(InetAddress.getByName("127.0.0.1"), port);
        assertEquals(List.of("127.0.0.1:" + port.get(0)), seen);
    }

    /** Go writes {@code [::1]:54321}: the address compressed (RFC 5952) and in brackets. */
    @Test
    void anIpv6PeerIsCompressedAndBracketed() throws Exception {
        List<Integer> port = new CopyOnWriteArrayList<>();
        List<String> seen = remoteAddrsSeenOver(InetAddress.getByName("::1"), port);
        assertEquals(List.of("[::1]:" + port.get(0)), seen);
    }
}
