package nethttp.visualizer.scenario;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;
import nethttp.event.EventBus;
import nethttp.server.Server;
import nethttp.server.ServerClosedException;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Note;

/**
 * The library's server with the demo routes, kept running for a class to talk to: every event it
 * emits and every byte its connections carry goes to a listener as it happens, however long it
 * runs. The clients are other programs (curl, a browser), so the bytes are recorded on the
 * server's side of each socket.
 *
 * <p>It listens on a loopback address unless told otherwise: a server reachable from the network
 * is something a teacher asks for, never a default.
 */
public final class LiveServer implements AutoCloseable {
    private final Server server = new Server();
    private final EventBus.Subscription subscription;
    private final ServerSocket listener;
    private final Thread acceptThread;

    private LiveServer(ServerSocket listener, Consumer<Happening> live) {
        this.listener = listener;
        server.handler = ScenarioRoutes.handler();
        server.errorLog = line -> live.accept(new Note(System.nanoTime(), "server log: " + line.lines().findFirst().orElse("")));
        subscription = server.events.subscribe(e -> live.accept(new LibraryEvent(e)));
        acceptThread = Thread.ofVirtual().name("visualizer-live").start(() -> {
            try {
                server.serve(listener);
            } catch (ServerClosedException expected) {
                // closed by close()
            } catch (IOException e) {
                live.accept(new Note(System.nanoTime(), "serve ended: " + e.getMessage()));
            }
        });
    }

    /**
     * Starts serving on {@code hostPort} ({@code 127.0.0.1:8080}; port 0 picks a free one).
     *
     * @param allowRemote whether an address other than loopback may be used
     * @throws IllegalArgumentException for a malformed address, or one that is not loopback when
     *                                  {@code allowRemote} is false
     */
    public static LiveServer start(String hostPort, boolean allowRemote, Consumer<Happening> live) throws IOException {
        InetSocketAddress where = parse(hostPort);
        if (!where.getAddress().isLoopbackAddress() && !allowRemote) {
            throw new IllegalArgumentException(hostPort + " is not a loopback address: anyone on the network could reach the"
                    + " server there. Add --allow-remote to listen on it anyway.");
        }
        ServerSocket ss = new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                if (isClosed()) throw new java.net.SocketException("Socket is closed");
                WireSocket s = WireSocket.server(live);
                implAccept(s);
                return s;
            }
        };
        ss.setReuseAddress(true);
        try {
            ss.bind(where, 128);
        } catch (IOException e) {
            ss.close();
            throw e;
        }
        return new LiveServer(ss, live);
    }

    /** {@code host:port} to an address; an empty host means every interface. */
    static InetSocketAddress parse(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("expected HOST:PORT, as in 127.0.0.1:8080, not " + hostPort);
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of " + hostPort + " is not a number");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("the port of " + hostPort + " is out of range");
        InetAddress addr = host.isEmpty() ? new InetSocketAddress(0).getAddress() : InetAddress.getByName(host);
        return new InetSocketAddress(addr, port);
    }

    /** Whether only this machine can reach the server. */
    public boolean loopbackOnly() {
        return listener.getInetAddress().isLoopbackAddress();
    }

    /** The address to give curl: {@code 127.0.0.1:8080}. */
    public String address() {
        InetAddress a = listener.getInetAddress();
        String host = a.isAnyLocalAddress() ? "0.0.0.0" : a.getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return host + ":" + listener.getLocalPort();
    }

    /** Closes the listener and every connection, and waits for the accept loop to end. */
    @Override
    public void close() {
        try {
            server.close();
            acceptThread.join(Duration.ofSeconds(5));
        } catch (IOException e) {
            // closing: nothing left to tell
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscription.close();
        }
    }
}
