package nethttp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listen queue is as long as the kernel allows, as Go's {@code maxListenerBacklog} asks. */
class ListenBacklogTest {

    @Test
    void theKernelsFigureIsReadAndABadOneFallsBackToSomaxconn(@TempDir Path dir) throws Exception {
        assertEquals(4096, Server.maxListenerBacklog(write(dir, "a", "4096\n")));
        assertEquals(70000, Server.maxListenerBacklog(write(dir, "b", "70000\n")));
        assertEquals(Server.SOMAXCONN, Server.maxListenerBacklog(write(dir, "c", "0\n")));
        assertEquals(Server.SOMAXCONN, Server.maxListenerBacklog(write(dir, "d", "\n")));
        assertEquals(Server.SOMAXCONN, Server.maxListenerBacklog(write(dir, "e", "many\n")));
        assertEquals(Server.SOMAXCONN, Server.maxListenerBacklog(dir.resolve("absent")));
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /**
     * With nobody accepting, the kernel queues each completed handshake while the queue has room
     * and drops the rest: of 1,100 connections, all wait to be accepted when the queue is the
     * kernel's (4096 here, usually), where a queue of 1024 would hold 1025.
     */
    @Test
    void aBurstLargerThan1024ConnectionsWaitsInTheQueue() throws Exception {
        int kernel = Server.maxListenerBacklog(Server.SOMAXCONN_FILE);
        int clients = 1100;
        int expected = Math.min(clients, kernel + 1);
        List<Socket> open = new ArrayList<>();
        try (ServerSocket l = Server.listen("127.0.0.1:0")) {
            try {
                for (int i = 0; i < clients; i++) {
                    Socket c = new Socket();
                    open.add(c);
                    c.connect(new InetSocketAddress("127.0.0.1", l.getLocalPort()), 2000);
                }
            } catch (SocketTimeoutException queueFull) {
                // the kernel dropped a handshake: the queue is full, as the count below shows
            }
            l.setSoTimeout(1000);
            int accepted = 0;
            try {
                while (accepted < clients) {
                    open.add(l.accept());
                    accepted++;
                }
            } catch (SocketTimeoutException queueEmpty) {
                // every queued connection was taken
            }
            assertTrue(accepted >= expected, accepted + " of " + clients + " queued; expected " + expected);
        } finally {
            for (Socket c : open) c.close();
        }
    }
}
