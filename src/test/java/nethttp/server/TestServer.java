package nethttp.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import nethttp.core.Handler;

/**
 * A server on 127.0.0.1 for one test, with what it logged, and raw-socket helpers: bytes in,
 * bytes out.
 */
final class TestServer implements AutoCloseable {
    final Server srv = new Server();
    final List<String> log = new CopyOnWriteArrayList<>();
    final InetSocketAddress addr;
    private final Thread acceptLoop;
    final AtomicReference<Throwable> serveError = new AtomicReference<>();

    TestServer(Handler h) throws IOException {
        this(h, s -> {});
    }

    TestServer(Handler h, java.util.function.Consumer<Server> configure) throws IOException {
        this(h, configure, InetAddress.getLoopbackAddress());
    }

    /** A server listening on {@code bind} (a loopback address) instead of 127.0.0.1. */
    TestServer(Handler h, java.util.function.Consumer<Server> configure, InetAddress bind) throws IOException {
        srv.handler = h;
        srv.errorLog = log::add;
        configure.accept(srv);
        ServerSocket ss = new ServerSocket(0, 50, bind);
        addr = (InetSocketAddress) ss.getLocalSocketAddress();
        acceptLoop = Thread.ofVirtual().start(() -> {
            try {
                srv.serve(ss);
            } catch (ServerClosedException expected) {
                // normal end
            } catch (Throwable e) {
                serveError.set(e);
            }
        });
    }

    Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(addr, 5000);
        s.setSoTimeout(10_000); // a guard against hangs: reaching it fails the test
        return s;
    }

    /** Sends {@code request} on a new connection, half-closes, and returns all the server sent. */
    String roundTripAll(String request) throws IOException {
        try (Socket s = connect()) {
            send(s, request);
            s.shutdownOutput();
            return readAll(s.getInputStream());
        }
    }

    static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads one response: the head up to the blank line, then a body of Content-Length bytes,
     * or chunks up to the last one and its trailer, or nothing when {@code noBody}.
     */
    static String readResponse(InputStream in, boolean noBody) throws IOException {
        StringBuilder sb = new StringBuilder();
        String head = readUntil(in, "\r\n\r\n");
        sb.append(head);
        if (noBody) return sb.toString();
        String lower = head.toLowerCase();
        int cl = lower.indexOf("\r\ncontent-length: ");
        if (cl >= 0) {
            int end = lower.indexOf("\r\n", cl + 2);
            int n = Integer.parseInt(head.substring(cl + 18, end).trim());
            sb.append(new String(in.readNBytes(n), StandardCharsets.ISO_8859_1));
        } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
            while (true) {
                String sizeLine = readUntil(in, "\r\n");
                sb.append(sizeLine);
                int size = Integer.parseInt(sizeLine.trim(), 16);
                if (size == 0) {
                    String line;
                    do {
                        line = readUntil(in, "\r\n");
                        sb.append(line);
                    } while (!line.equals("\r\n"));
                    break;
                }
                sb.append(new String(in.readNBytes(size + 2), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }

    /** Reads up to and including {@code end}; fails on end of stream. */
    static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith(end)) {
            int c = in.read();
            if (c < 0) throw new java.io.EOFException("stream ended after: " + sb);
            sb.append((char) c);
        }
        return sb.toString();
    }

    /** Whether the server closed the connection: reads to end of stream (within the guard). */
    static boolean closedByServer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    /** Replaces the Date header's value, which changes every second. */
    static String maskDate(String response) {
        return response.replaceAll("Date: [^\r]*\r\n", "Date: X\r\n");
    }

    @Override
    public void close() throws IOException {
        srv.close();
        try {
            if (!acceptLoop.join(java.time.Duration.ofSeconds(5))) throw new AssertionError("accept loop did not end");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (serveError.get() != null) throw new AssertionError("serve failed", serveError.get());
    }
}
