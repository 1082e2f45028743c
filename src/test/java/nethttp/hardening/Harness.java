package nethttp.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import nethttp.core.ConnState;
import nethttp.core.Handler;
import nethttp.event.ThreadEvent;
import nethttp.server.Server;
import nethttp.server.ServerClosedException;

/**
 * A server on 127.0.0.1 for one hardening test that keeps count of what could leak: open
 * connections (from its connection-state hook) and live virtual threads (STARTED minus ENDED
 * thread events), with a way to wait until both settle.
 */
final class Harness implements AutoCloseable {
    final Server srv = new Server();
    final InetSocketAddress addr;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Gauge openConns = new Gauge();
    final Gauge liveThreads = new Gauge();
    private final Thread acceptLoop;
    private final AtomicReference<Throwable> serveError = new AtomicReference<>();

    Harness(Handler h, Consumer<Server> configure) throws IOException {
        srv.handler = h;
        srv.errorLog = log::add;
        srv.connState = (c, st) -> {
            if (st == ConnState.NEW) openConns.add(1);
            if (st == ConnState.CLOSED || st == ConnState.HIJACKED) openConns.add(-1);
        };
        srv.events.subscribe(e -> {
            if (e instanceof ThreadEvent te) {
                if (te.kind() == ThreadEvent.Kind.STARTED) liveThreads.add(1);
                if (te.kind() == ThreadEvent.Kind.ENDED) liveThreads.add(-1);
            }
        });
        configure.accept(srv);
        ServerSocket ss = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        addr = (InetSocketAddress) ss.getLocalSocketAddress();
        acceptLoop = Thread.ofVirtual().start(() -> {
            try {
                srv.serve(ss);
            } catch (ServerClosedException expected) {
                // closed by the test
            } catch (Throwable e) {
                serveError.set(e);
            }
        });
    }

    String url(String path) {
        return "http://127.0.0.1:" + addr.getPort() + path;
    }

    /** A client socket with a read timeout as a guard against hangs: reaching it fails the test. */
    Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(addr, 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** A normal GET on a new connection; returns the status line. */
    String get(String path) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String all = readAll(s.getInputStream());
            int eol = all.indexOf("\r\n");
            return eol < 0 ? all : all.substring(0, eol);
        }
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Waits until every connection is closed and only the accept loop's thread is alive, within a
     * generous guard; returns whether that happened.
     */
    boolean awaitQuiet() throws InterruptedException {
        return openConns.awaitValue(0, 20) && liveThreads.awaitValue(1, 20) && srv.connectionCount() == 0;
    }

    @Override
    public void close() throws IOException {
        srv.close();
        try {
            if (!acceptLoop.join(java.time.Duration.ofSeconds(10))) throw new AssertionError("accept loop did not end");
            if (!liveThreads.awaitValue(0, 20)) throw new AssertionError("threads left after close: " + liveThreads.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (serveError.get() != null) throw new AssertionError("serve failed", serveError.get());
    }

    /** A counter that a test can wait on. */
    static final class Gauge {
        private final ReentrantLock mu = new ReentrantLock();
        private final Condition changed = mu.newCondition();
        private int n;

        void add(int d) {
            mu.lock();
            try {
                n += d;
                changed.signalAll();
            } finally {
                mu.unlock();
            }
        }

        int get() {
            mu.lock();
            try {
                return n;
            } finally {
                mu.unlock();
            }
        }

        /** Waits up to {@code seconds} for the count to be {@code want}. */
        boolean awaitValue(int want, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            mu.lock();
            try {
                while (n != want) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return false;
                    changed.awaitNanos(left);
                }
                return true;
            } finally {
                mu.unlock();
            }
        }
    }
}
