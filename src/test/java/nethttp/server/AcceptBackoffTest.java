package nethttp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The accept loop's pause after failures: 5 ms, doubling, at most 1 s, reset by a success. */
class AcceptBackoffTest {

    @Test
    void doublesFromFiveMillisecondsUpToOneSecond() {
        AcceptBackoff b = new AcceptBackoff();
        List<String> pauses = new ArrayList<>();
        for (int i = 0; i < 10; i++) pauses.add(AcceptBackoff.goString(b.failed()));
        assertEquals(List.of("5ms", "10ms", "20ms", "40ms", "80ms", "160ms", "320ms", "640ms", "1s", "1s"), pauses);
        b.succeeded();
        assertEquals(Duration.ofMillis(5), b.failed());
    }

    /** A listener whose accept fails a few times before the server closes it. */
    private static final class FailingListener extends ServerSocket {
        private int failuresLeft;

        FailingListener(int failures) throws IOException {
            this.failuresLeft = failures;
        }

        @Override
        public Socket accept() throws IOException {
            if (failuresLeft-- > 0) throw new IOException("Too many open files");
            close();
            throw new java.net.SocketException("Socket closed");
        }
    }

    @Test
    void serveLogsEachFailureWithItsPauseAndStopsWhenTheListenerCloses() throws Exception {
        Server srv = new Server();
        srv.handler = (w, r) -> {};
        List<String> log = new CopyOnWriteArrayList<>();
        srv.errorLog = log::add;
        assertThrows(java.net.SocketException.class, () -> srv.serve(new FailingListener(3)));
        assertEquals(Stream.of("5ms", "10ms", "20ms")
                .map(d -> "http: Accept error: Too many open files; retrying in " + d).toList(), log);
    }

    @Test
    void serveAfterCloseFailsWithServerClosed() throws Exception {
        Server srv = new Server();
        srv.handler = (w, r) -> {};
        srv.close();
        try (ServerSocket ss = new ServerSocket()) {
            assertThrows(ServerClosedException.class, () -> srv.serve(ss));
        }
        assertThrows(ServerClosedException.class, srv::listenAndServe);
    }
}
