package nethttp.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated and random requests sent to a live server over real sockets: each one gets a reply or a
 * close (never a hang, guarded by the socket timeout), the server goes on serving a normal
 * request, and afterwards no connection and no thread is left.
 */
@Timeout(120)
class LiveFuzzTest {
    private static final int CASES = 150;

    @Test
    void hostileRequestsGetAReplyOrACloseAndTheServerKeepsServing() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        Random seeds = new Random(Long.getLong("QT_SEED", 20261123L));
        for (int i = 0; i < CASES; i++) {
            Random rnd = new Random(seeds.nextLong());
            byte[] b = Mutations.VALID_REQUESTS[rnd.nextInt(Mutations.VALID_REQUESTS.length)]
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            if (i % 3 == 2) {
                b = new byte[rnd.nextInt(300)];
                rnd.nextBytes(b);
            } else {
                for (int m = 1 + rnd.nextInt(4); m > 0; m--) b = Mutations.mutateOnce(b, rnd);
            }
            inputs.add(b);
        }

        try (Harness h = new Harness((w, r) -> {
            long n = r.body == null ? 0 : r.body.transferTo(java.io.OutputStream.nullOutputStream());
            w.writeString("read " + n + " body bytes\n");
        }, srv -> {})) {
            for (byte[] input : inputs) {
                try (Socket s = h.connect()) {
                    s.getOutputStream().write(input);
                    s.shutdownOutput();
                    assertRepliesOrCloses(s.getInputStream(), input);
                }
            }
            assertEquals("HTTP/1.1 200 OK", h.get("/"));
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
        }
    }

    /** Reads to the end of the stream: the server must end the exchange, not leave it hanging. */
    private static void assertRepliesOrCloses(InputStream in, byte[] input) throws IOException {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (SocketException reset) {
            // a reset also ends the exchange
        } catch (java.net.SocketTimeoutException hang) {
            throw new AssertionError("no reply and no close for " + ParserFuzzTest.show(input), hang);
        }
    }
}
