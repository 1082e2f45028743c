package nethttp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
            super(0, 50, InetAddress.getLoopbackAddress());
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
        FailingListener l = new FailingListener(3);
        String addr = "127.0.0.1:" + l.getLocalPort();
        assertThrows(java.net.SocketException.class, () -> srv.serve(l));
        assertEquals(Stream.of("5ms", "10ms", "20ms")
                .map(d -> "http: Accept error: accept tcp " + addr + ": " + AcceptBackoff.ACCEPT_CALL
                        + ": too many open files; retrying in " + d).toList(), log);
    }

    /**
     * Go's text for each failure worth a retry: its net.OpError around the system call's error
     * (or, for a deadline, i/o timeout). The JDK gives the C library's words, or its own.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Too many open files                | too many open files
            Too many open files in system      | too many open files in system
            Interrupted system call            | interrupted system call
            Resource temporarily unavailable   | resource temporarily unavailable
            Connection timed out               | connection timed out
            Connection reset                   | connection reset by peer
            Connection reset by peer           | connection reset by peer
            Software caused connection abort   | software caused connection abort
            Connection aborted                 | software caused connection abort
            """)
    void anAcceptErrorReadsAsGos(String jdk, String errno) throws IOException {
        try (ServerSocket l = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String addr = "127.0.0.1:" + l.getLocalPort();
            assertEquals("accept tcp " + addr + ": " + AcceptBackoff.ACCEPT_CALL + ": " + errno,
                    AcceptBackoff.acceptError(l, new IOException(jdk)));
            assertEquals("accept tcp " + addr + ": i/o timeout",
                    AcceptBackoff.acceptError(l, new SocketTimeoutException("Accept timed out")));
        }
        try (ServerSocket unbound = new ServerSocket()) {
            assertEquals("accept tcp: " + AcceptBackoff.ACCEPT_CALL + ": " + errno,
                    AcceptBackoff.acceptError(unbound, new IOException(jdk)), "Go leaves out an address it lacks");
        }
    }

    @Test
    void theSystemCallIsGosOnThisSystem() {
        boolean linux = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux");
        assertEquals(linux ? "accept4" : "accept", AcceptBackoff.ACCEPT_CALL);
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
