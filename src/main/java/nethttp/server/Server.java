package nethttp.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import nethttp.concurrent.Signal;
import nethttp.core.ConnState;
import nethttp.core.Context;
import nethttp.core.Handler;
import nethttp.annotations.Mirrors;
import nethttp.core.Request;
import nethttp.core.StdLog;
import nethttp.event.EventBus;
import nethttp.event.ThreadRole;
import nethttp.event.TracedThread;
import nethttp.mux.ServeMux;
import nethttp.transfer.Discard;

/**
 * An HTTP/1.1 server: it accepts connections and serves each on its own virtual thread, calling
 * {@link #handler} for every request.
 *
 * <p>Configure it through its public fields before serving, as Go's {@code http.Server} is
 * configured through its struct fields:
 *
 * <pre>{@code
 * Server srv = new Server();
 * srv.addr = "127.0.0.1:8080";
 * srv.handler = (w, r) -> w.writeString("hello\n");
 * srv.readHeaderTimeout = Duration.ofSeconds(5);
 * srv.listenAndServe();   // blocks until shutdown or close
 * }</pre>
 *
 * <p>Timeouts of zero mean none. {@link #readTimeout} covers the whole request including its
 * body; {@link #readHeaderTimeout} only the head (it defaults to {@link #readTimeout});
 * {@link #writeTimeout} runs from the end of the request head to the end of the response;
 * {@link #idleTimeout} is how long a kept-alive connection waits for its next request (it also
 * defaults to {@link #readTimeout}).
 */
@Mirrors(file = "net/http/server.go", func = "Server")
public final class Server {
    /** The default limit on a request head, 1 MiB. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 1 << 20;

    /** {@code host:port} for {@link #listenAndServe()}; empty means {@code ":80"}. */
    public String addr = "";
    /** The handler for every request; null means {@link ServeMux#DEFAULT}. */
    public Handler handler;
    public Duration readTimeout = Duration.ZERO;
    public Duration readHeaderTimeout = Duration.ZERO;
    public Duration writeTimeout = Duration.ZERO;
    public Duration idleTimeout = Duration.ZERO;
    /** The largest request head accepted, in bytes; 0 means {@link #DEFAULT_MAX_HEADER_BYTES}. */
    public int maxHeaderBytes;
    /** Called on every connection-state change, on the connection's own thread. */
    public BiConsumer<Socket, ConnState> connState;
    /** Where the server reports problems (handler failures, accept errors); Go's ErrorLog. */
    public Consumer<String> errorLog = StdLog.STDERR;
    /** Connection-state, thread and exchange events, for tracing and the visualizer. */
    public final EventBus events = new EventBus();

    private final ReentrantLock mu = new ReentrantLock();
    /** Signalled on every state change and whenever an accept loop ends: shutdown waits on it. */
    private final Condition changed = mu.newCondition();
    private final Set<ServerSocket> listeners = new HashSet<>();
    private final Set<Conn> activeConn = new HashSet<>();
    private final List<Runnable> onShutdown = new ArrayList<>();
    private int serveLoops;
    private volatile boolean inShutdown;
    private volatile boolean disableKeepAlives;
    private final AtomicLong nextConnId = new AtomicLong();

    /**
     * Listens on {@link #addr} and serves until {@link #shutdown} or {@link #close}.
     *
     * @throws ServerClosedException after a shutdown or close
     */
    @Mirrors(file = "net/http/server.go", func = "Server.ListenAndServe")
    public void listenAndServe() throws IOException {
        if (inShutdown) throw new ServerClosedException();
        serve(listen(addr.isEmpty() ? ":http" : addr));
    }

    /**
     * Opens a listening socket on {@code host:port}. An empty host means every interface; the
     * port may be a number or {@code http}. Port 0 picks a free port.
     */
    public static ServerSocket listen(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) throw new IOException("listen tcp " + hostPort + ": missing port in address");
        String host = hostPort.substring(0, colon);
        String port = hostPort.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int p = switch (port) {
            case "http" -> 80;
            case "https" -> 443;
            default -> {
                try {
                    yield Integer.parseInt(port);
                } catch (NumberFormatException e) {
                    throw new IOException("listen tcp " + hostPort + ": unknown port");
                }
            }
        };
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        InetSocketAddress where = host.isEmpty() ? new InetSocketAddress(p) : new InetSocketAddress(InetAddress.getByName(host), p);
        try {
            ss.bind(where, maxListenerBacklog(SOMAXCONN_FILE));
        } catch (IOException e) {
            ss.close();
            throw e;
        }
        return ss;
    }

    /** Where Linux keeps the largest listen queue it grants. */
    static final Path SOMAXCONN_FILE = Path.of("/proc/sys/net/core/somaxconn");

    /** The fallback when the kernel's figure cannot be read: Linux's own constant, as Go uses it. */
    static final int SOMAXCONN = 128;

    /**
     * The listen queue to ask for: as long as the kernel allows. A burst of thousands of clients
     * then waits in the kernel's queue for the accept loop instead of being refused or retried.
     */
    @Mirrors(file = "net/sock_linux.go", func = "maxListenerBacklog")
    static int maxListenerBacklog(Path somaxconn) {
        String line;
        // Read as a stream: a /proc file reports no size, and a read sized by it stops short.
        try (BufferedReader r = Files.newBufferedReader(somaxconn)) {
            line = r.readLine();
        } catch (IOException | UncheckedIOException e) {
            return SOMAXCONN;
        }
        line = line == null ? "" : line.strip();
        String first = line.isEmpty() ? "" : line.split("\\s+")[0];
        long n;
        try {
            n = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return SOMAXCONN;
        }
        if (n <= 0) return SOMAXCONN;
        return (int) Math.min(n, Integer.MAX_VALUE); // what a Java bind can ask for
    }

    /**
     * Accepts connections on {@code l} and serves each on a new virtual thread. Blocks until the
     * listener fails or the server is shut down or closed; {@code l} is closed on return.
     *
     * <p>A failed accept is retried after a pause that grows from 5 ms to 1 s (see
     * {@link AcceptBackoff}) when the failure is temporary, running out of file descriptors for
     * instance; any other failure ends the loop and is thrown, as Go's {@code Serve} returns it.
     *
     * @throws ServerClosedException after a shutdown or close
     */
    // tag::accept-loop[]
    @Mirrors(file = "net/http/server.go", func = "Server.Serve")
    public void serve(ServerSocket l) throws IOException {
        if (!trackListener(l, true)) throw new ServerClosedException();
        TracedThread loop = TracedThread.adopt(events, ThreadRole.ACCEPT, 0);
        try (l) {
            AcceptBackoff backoff = new AcceptBackoff();
            while (true) {
                Socket rw;
                try {
                    loop.parked("accept");
                    rw = l.accept();
                    loop.running();
                } catch (Throwable e) {
                    loop.running();
                    if (inShutdown) throw new ServerClosedException();
                    if (l.isClosed() || !AcceptBackoff.isTemporary(e)) throw e;
                    Duration pause = backoff.failed();
                    logf("http: Accept error: %s; retrying in %s",
                            AcceptBackoff.acceptError(l, e), AcceptBackoff.goString(pause));
                    try {
                        loop.parked("accept backoff");
                        Thread.sleep(pause);
                        loop.running();
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException(
                                "accept loop interrupted");
                    }
                    continue;
                }
                backoff.succeeded();
                startConn(rw);
            }
        } finally {
            loop.ended();
            trackListener(l, false);
        }
    }
    // end::accept-loop[]

    // tag::start-conn[]
    private void startConn(Socket rw) {
        try {
            rw.setTcpNoDelay(true);
            rw.setKeepAlive(true);
        } catch (IOException ignored) {
            // a socket that refuses options will fail on first use and be closed then
        }
        Conn c = new Conn(this, nextConnId.incrementAndGet(), rw);
        c.setState(ConnState.NEW); // before serve can return
        c.startThread(ThreadRole.CONN_SERVE, "conn-serve", c::serve);
    }
    // end::start-conn[]

    /**
     * Calls the handler for one request; {@code OPTIONS *} is answered by the server itself.
     *
     * <p>A query with a semicolon is logged once the handler has returned, unless the handler
     * went through {@link #allowQuerySemicolons}: the warning is about how the handler parsed
     * the query, which only the handler's way through can tell.
     */
    // tag::serve-handler[]
    @Mirrors(file = "net/http/server.go", func = "serverHandler.ServeHTTP")
    void serveHandler(Response w, Request req) throws Exception {
        Handler h = handler != null ? handler : ServeMux.DEFAULT;
        if (req.requestURI.equals("*") && req.method.equals("OPTIONS")) {
            h = (rw, r) -> globalOptions(w, r);
        }
        if (!req.url.rawQuery.contains(";")) {
            callHandler(h, w, req);
            return;
        }
        AtomicBoolean allowed = new AtomicBoolean();
        Runnable allow = () -> allowed.set(true);
        Request withHook = req.withContext(
                Context.withValue(req.context, SILENCE_SEMICOLONS_WARNING, allow));
        try {
            callHandler(h, w, withHook);
        } finally {
            if (!allowed.get()) {
                logf("http: URL query contains semicolon, which is no longer a supported"
                        + " separator; parts of the query may be stripped when parsed;"
                        + " see golang.org/issue/25192");
            }
        }
    }
    // end::serve-handler[]

    /**
     * Runs the handler. Where Go's {@code Write} returns an error, this library's throws it; a
     * handler that lets that exception out (as it is, or as the cause of another) has done what
     * a Go handler does that ignores the error and returns. So it counts as returning: nothing is
     * logged, and the server finishes the response as Go would (a broken connection is then
     * closed, a body refused for a 304 leaves the connection usable).
     */
    private static void callHandler(Handler h, Response w, Request req) throws Exception {
        try {
            h.serveHTTP(w, req);
        } catch (Exception e) {
            if (!w.isWriteError(e)) throw e;
        }
    }

    /** The key under which a request's context holds the hook that silences the semicolon warning. */
    private static final Object SILENCE_SEMICOLONS_WARNING = new Object() {
        @Override
        public String toString() {
            return "silence-semicolons";
        }
    };

    /**
     * Wraps {@code h} so that it sees every semicolon of the query as an ampersand, the separator
     * that Go before 1.17 accepted too, and so that the server does not log the semicolon warning
     * for its requests. The handler gets a copy of the request with its own URL; the caller's
     * request is left as it was.
     */
    @Mirrors(file = "net/http/server.go", func = "AllowQuerySemicolons")
    public static Handler allowQuerySemicolons(Handler h) {
        return (w, r) -> {
            if (r.context.value(SILENCE_SEMICOLONS_WARNING) instanceof Runnable silence) silence.run();
            if (r.url.rawQuery.contains(";")) {
                Request r2 = r.withContext(r.context);
                r2.url = r.url.copy();
                r2.url.rawQuery = r.url.rawQuery.replace(';', '&');
                h.serveHTTP(w, r2);
            } else {
                h.serveHTTP(w, r);
            }
        };
    }

    /** {@code OPTIONS *} asks about the server, not a resource: an empty 200. */
    @Mirrors(file = "net/http/server.go", func = "globalOptionsHandler.ServeHTTP")
    private static void globalOptions(Response w, Request r) throws IOException {
        w.header().set("Content-Length", "0");
        if (r.contentLength != 0) {
            // Read at most 4 KiB of the body; more makes the connection close after the reply.
            long limit = 4 << 10;
            try {
                if (Discard.upTo(r.body, limit + 1) > limit) w.requestTooLarge();
            } catch (IOException e) {
                // Go ignores the error of this read: the 200 goes out, and the unread rest of
                // the body makes the connection close after it.
            }
        }
    }

    /**
     * Stops the server gracefully: closes the listeners, then closes idle connections as they
     * become idle, and returns once none is left. Active requests run to completion. New
     * connections that have sent nothing for 5 seconds count as idle.
     *
     * <p>When {@code ctx} is done first, the remaining connections are left running (call
     * {@link #close()} to cut them) and its error is thrown: {@link
     * Context.DeadlineExceededException} ("context deadline exceeded") after its deadline,
     * {@link Context.CanceledException} ("context canceled") when canceled, as Go's
     * {@code Shutdown} returns {@code ctx.Err()}.
     *
     * @throws IOException {@code ctx}'s error, or the error of closing a listener
     */
    // tag::shutdown[]
    @Mirrors(file = "net/http/server.go", func = "Server.Shutdown")
    public void shutdown(Context ctx) throws IOException, InterruptedException {
        inShutdown = true;
        Signal done = ctx.done();
        Signal.Registration wake = done == null ? null : done.onFire(this::wakeShutdown);
        IOException lnerr;
        mu.lock();
        try {
            lnerr = closeListenersLocked();
            for (Runnable f : onShutdown) Thread.ofVirtual().start(f);
            while (true) {
                long staleNewAt = closeIdleConnsLocked();
                if (staleNewAt == 0 && serveLoops == 0) break;
                IOException err = ctx.err();
                if (err != null) throw err;
                if (staleNewAt == 0) changed.await();
                else changed.awaitNanos(Math.max(1, staleNewAt - System.nanoTime()));
            }
        } finally {
            mu.unlock();
            if (wake != null) wake.cancel();
        }
        if (lnerr != null) throw lnerr;
    }
    // end::shutdown[]

    /**
     * {@link #shutdown(Context)} with a context that passes its deadline after {@code timeout}.
     *
     * @throws Context.DeadlineExceededException when connections are still active after
     *     {@code timeout}; they are left running
     */
    public void shutdown(Duration timeout) throws IOException, InterruptedException {
        Context.Cancelable ctx = Context.withTimeout(Context.background(), timeout);
        try {
            shutdown(ctx);
        } finally {
            ctx.cancel();
        }
    }

    private void wakeShutdown() {
        mu.lock();
        try {
            changed.signalAll();
        } finally {
            mu.unlock();
        }
    }

    /**
     * Closes every idle connection. Returns 0 when none is left; otherwise the {@code nanoTime}
     * at which a connection still NEW will count as idle, or -1 when none is NEW.
     */
    // tag::close-idle-conns[]
    @Mirrors(file = "net/http/server.go", func = "Server.closeIdleConns")
    private long closeIdleConnsLocked() {
        boolean quiescent = true;
        long wakeAt = -1;
        long nowSec = System.currentTimeMillis() / 1000;
        for (var it = activeConn.iterator(); it.hasNext(); ) {
            Conn c = it.next();
            ConnState st = c.state();
            long since = c.stateSince();
            if (st == ConnState.NEW && since < nowSec - 5) st = ConnState.IDLE;
            if (st != ConnState.IDLE || since == 0) {
                quiescent = false;
                if (st == ConnState.NEW) {
                    long at = System.nanoTime()
                            + Duration.ofSeconds(since + 6 - nowSec).toNanos();
                    wakeAt = wakeAt < 0 ? at : Math.min(wakeAt, at);
                }
                continue;
            }
            c.closeSocket();
            it.remove();
        }
        return quiescent ? 0 : wakeAt;
    }
    // end::close-idle-conns[]

    /**
     * Closes the listeners and every connection at once, active or not. Handlers still running
     * see their writes fail.
     */
    // tag::server-close[]
    @Mirrors(file = "net/http/server.go", func = "Server.Close")
    public void close() throws IOException {
        inShutdown = true;
        IOException err;
        mu.lock();
        try {
            err = closeListenersLocked();
            while (serveLoops > 0) changed.awaitUninterruptibly();
            for (Conn c : activeConn) c.closeSocket();
            activeConn.clear();
        } finally {
            mu.unlock();
        }
        if (err != null) throw err;
    }
    // end::server-close[]

    /** Runs {@code f} on its own virtual thread when {@link #shutdown} begins. */
    @Mirrors(file = "net/http/server.go", func = "Server.RegisterOnShutdown")
    public void registerOnShutdown(Runnable f) {
        mu.lock();
        try {
            onShutdown.add(f);
        } finally {
            mu.unlock();
        }
    }

    /** Turns HTTP keep-alive on (the default) or off; off, every connection closes after one response. */
    @Mirrors(file = "net/http/server.go", func = "Server.SetKeepAlivesEnabled")
    public void setKeepAlivesEnabled(boolean v) {
        disableKeepAlives = !v;
        if (!v) {
            mu.lock();
            try {
                closeIdleConnsLocked();
            } finally {
                mu.unlock();
            }
        }
    }

    /** How many connections the server tracks now (not hijacked, not closed). */
    public int connectionCount() {
        mu.lock();
        try {
            return activeConn.size();
        } finally {
            mu.unlock();
        }
    }

    private IOException closeListenersLocked() {
        IOException err = null;
        for (ServerSocket l : listeners) {
            try {
                l.close();
            } catch (IOException e) {
                if (err == null) err = e;
            }
        }
        return err;
    }

    private boolean trackListener(ServerSocket l, boolean add) {
        mu.lock();
        try {
            if (add) {
                if (inShutdown) return false;
                listeners.add(l);
                serveLoops++;
            } else {
                listeners.remove(l);
                serveLoops--;
                changed.signalAll();
            }
            return true;
        } finally {
            mu.unlock();
        }
    }

    void trackConn(Conn c, boolean add) {
        mu.lock();
        try {
            if (add) activeConn.add(c);
            else activeConn.remove(c);
        } finally {
            mu.unlock();
        }
    }

    /** Wakes a waiting {@link #shutdown}: a connection may have become idle or gone. */
    void connStateChanged() {
        if (!inShutdown) return;
        mu.lock();
        try {
            changed.signalAll();
        } finally {
            mu.unlock();
        }
    }

    @Mirrors(file = "net/http/server.go", func = "Server.doKeepAlives")
    boolean doKeepAlives() {
        return !disableKeepAlives && !inShutdown;
    }

    @Mirrors(file = "net/http/server.go", func = "Server.initialReadLimitSize")
    long initialReadLimitSize() {
        return (long) (maxHeaderBytes > 0 ? maxHeaderBytes : DEFAULT_MAX_HEADER_BYTES) + Conn.READ_LIMIT_SLACK;
    }

    @Mirrors(file = "net/http/server.go", func = "Server.idleTimeout")
    Duration idleTimeoutOrReadTimeout() {
        return idleTimeout.isZero() ? readTimeout : idleTimeout;
    }

    @Mirrors(file = "net/http/server.go", func = "Server.readHeaderTimeout")
    Duration readHeaderTimeoutOrReadTimeout() {
        return readHeaderTimeout.isZero() ? readTimeout : readHeaderTimeout;
    }

    /**
     * Reports through {@link #errorLog}. A log that fails loses its line but never the caller:
     * the accept loop, say, must go on when the log cannot open a file because the descriptors
     * ran out.
     */
    void logf(String format, Object... args) {
        try {
            errorLog.accept(args.length == 0 ? format : String.format(format, args));
        } catch (Throwable ignored) {
            // Go's log.Printf cannot fail either; the line is lost
        }
    }

}
