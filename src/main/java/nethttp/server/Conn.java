package nethttp.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.concurrent.Timers;
import java.util.function.Consumer;
import nethttp.annotations.Mirrors;
import nethttp.core.AbortHandlerException;
import nethttp.core.ConnState;
import nethttp.core.HijackedException;
import nethttp.core.NetAddr;
import nethttp.annotations.Mirrors;
import nethttp.core.Hijacker;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.Status;
import nethttp.core.StatusException;
import nethttp.core.UnsupportedTransferEncodingException;
import nethttp.event.ThreadRole;
import nethttp.event.TracedThread;
import nethttp.textproto.BufioReader;
import nethttp.textproto.BufioWriter;
import nethttp.transfer.Body;
import nethttp.transfer.WriterStream;
import nethttp.wire.ReadRequest;

/**
 * The server side of one connection: the loop that reads a request, calls the handler, finishes
 * the response and decides whether to read another. It runs on its own virtual thread, as Go's
 * {@code conn.serve} runs on its own goroutine.
 */
@Mirrors(file = "net/http/server.go", func = "conn")
final class Conn {
    /** Bytes of head a request may read beyond {@code MaxHeaderBytes}: Go's bufio slack. */
    static final int READ_LIMIT_SLACK = 4096;
    /** How long a connection closed after an oversized request keeps draining input. */
    static final Duration RST_AVOIDANCE_DELAY = Duration.ofMillis(500);

    private static final String ERROR_HEADERS =
            "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n";

    final Server server;
    final long id;
    final Socket socket;
    final String remoteAddr;

    ConnReader r;
    BufioReader bufr;
    BufioWriter bufw;

    private final ReentrantLock mu = new ReentrantLock();
    private boolean hijacked;
    private String lastMethod = "";
    /** The context of the request being served (or last served). */
    private volatile RequestContext reqCtx;
    /** The first error met writing to the socket; once set, the connection is not reused. */
    volatile IOException werr;
    /** The state and the second it was entered, packed as {@code seconds << 8 | ordinal}. */
    private final AtomicLong curState = new AtomicLong();

    private OutputStream socketOut;
    private int soTimeout = -1;
    private volatile long writeDeadline; // nanoTime; 0 for none
    private volatile boolean writing;
    private volatile boolean writeExpired;
    private ScheduledFuture<?> writeTimer;

    Conn(Server server, long id, Socket socket) {
        this.server = server;
        this.id = id;
        this.socket = socket;
        this.remoteAddr = addressOf(socket);
    }

    private static String addressOf(Socket s) {
        var a = s.getInetAddress();
        return a == null ? ":" + s.getPort() : NetAddr.of(new InetSocketAddress(a, s.getPort()));
    }

    /** Starts a virtual thread for this connection that reports its life as events. */
    Thread startThread(ThreadRole role, String name, Consumer<TracedThread> body) {
        return TracedThread.start(server.events, role, id, name + "#" + id, body);
    }

    /** The per-connection loop. Returns when the connection is closed or hijacked. */
    // tag::serve-loop[]
    @Mirrors(file = "net/http/server.go", func = "conn.serve")
    void serve(TracedThread thread) {
        Response inFlight = null;
        try {
            r = new ConnReader(this, socket.getInputStream());
            socketOut = socket.getOutputStream();
            bufr = new BufioReader(r, BufioReader.DEFAULT_SIZE);
            bufw = new BufioWriter(new CheckedOutput(), 4 << 10);
            while (true) {
                Response w;
                try {
                    thread.parked("read request");
                    w = readRequest();
                    thread.running();
                } catch (IOException e) {
                    thread.running();
                    if (r.remain() != server.initialReadLimitSize()) {
                        setState(ConnState.ACTIVE);
                    }
                    replyToReadError(e);
                    return;
                }
                if (r.remain() != server.initialReadLimitSize()) {
                    setState(ConnState.ACTIVE);
                }
                Request req = w.req;
                ConnEvents.requestRead(this, req);
                if (req.expectsContinue()) {
                    if (req.protoAtLeast(1, 1) && req.contentLength != 0) {
                        req.body = new ExpectContinueReader(req.body, w);
                        w.canWriteContinue.set(true);
                    }
                } else if (!req.header.get("Expect").isEmpty()) {
                    w.sendExpectationFailed();
                    return;
                }
                RequestContext ctx = new RequestContext(() -> watchForHangUp(w));
                req.context = ctx;
                reqCtx = ctx;

                inFlight = w;
                try {
                    server.serveHandler(w, req);
                } catch (AbortHandlerException e) {
                    return; // the handler asked to cut the response short; nothing to report
                } catch (Throwable e) {
                    logHandlerFailure(e);
                    return;
                }
                inFlight = null;
                ctx.end();
                if (isHijacked()) return;
                w.finishRequest();
                ConnEvents.responseDone(this, w.status);
                if (!w.shouldReuseConnection()) {
                    if (w.requestBodyLimitHit || w.closedRequestBodyEarly()) {
                        closeWriteAndWait();
                    }
                    return;
                }
                setState(ConnState.IDLE);
                if (!server.doKeepAlives()) return;
                Duration idle = server.idleTimeoutOrReadTimeout();
                if (!idle.isZero()) {
                    r.setReadDeadline(System.nanoTime() + idle.toNanos());
                    thread.parked("idle: wait for next request");
                    // Like Go's Peek(4): anything short of four bytes (a timeout, a reset,
                    // an end of stream after a stray byte or three) ends it without a word.
                    byte[] next = bufr.peek(4);
                    thread.running();
                    if (next.length < 4) return;
                }
                r.setReadDeadline(0);
            }
        } catch (IOException e) {
            // Reading or writing outside the handler failed: the peer went away or was
            // too slow. Go's serve returns on such errors without logging them.
        } catch (Throwable e) {
            // a bug, or a ConnState hook that threw: Go would log the panic
            logHandlerFailure(e);
        } finally {
            RequestContext ctx = reqCtx;
            if (ctx != null) ctx.end();
            if (!isHijacked()) {
                // (a hijacked socket's bytes, body included, are the handler's)
                if (inFlight != null) inFlight.closeBodyQuietly();
                close();
                setState(ConnState.CLOSED);
            }
        }
    }
    // end::serve-loop[]

    /**
     * Starts the background read for the request being served, the first time someone looks at
     * its context: at once, or when the handler has read the body to its end, as Go's
     * {@code conn.serve} does for every request.
     */
    // tag::watch-for-hang-up[]
    private void watchForHangUp(Response w) {
        if (isHijacked()) return;
        if (!(w.reqBody instanceof Body b)
                || !b.registerOnHitEOF(r::startBackgroundRead)) {
            r.startBackgroundRead();
        }
    }
    // end::watch-for-hang-up[]

    /** The background read met the end of the input or an error: the client is gone. */
    @Mirrors(file = "net/http/server.go", func = "connReader.handleReadError")
    void handleReadError() {
        RequestContext ctx = reqCtx;
        if (ctx != null) ctx.end();
    }

    /** What Go's deferred recover prints, minus the noise of a peer that went away. */
    private void logHandlerFailure(Throwable e) {
        if (e instanceof IOException && (werr != null || socket.isClosed())) {
            // The handler stopped because the connection broke under it: not a bug worth a stack trace.
            return;
        }
        var trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        server.logf("http: panic serving %s: %s\n%s", remoteAddr, e.getMessage() != null ? e.getMessage() : e, trace);
    }

    /**
     * Reads the next request head, enforcing the header deadline and size limit, and checks it
     * as Go's server does before any handler sees it.
     */
    // tag::conn-read-request[]
    @Mirrors(file = "net/http/server.go", func = "conn.readRequest")
    private Response readRequest() throws IOException {
        if (isHijacked()) throw new HijackedException();
        long t0 = System.nanoTime();
        Duration hdr = server.readHeaderTimeoutOrReadTimeout();
        long hdrDeadline = hdr.isZero() ? 0 : t0 + hdr.toNanos();
        long wholeReqDeadline =
                server.readTimeout.isZero() ? 0 : t0 + server.readTimeout.toNanos();
        r.setReadDeadline(hdrDeadline);
        try {
            r.setReadLimit(server.initialReadLimitSize());
            if (lastMethod.equals("POST")) {
                // Some clients send an extra CRLF after a POST body; skip it.
                byte[] peek;
                try {
                    peek = bufr.peek(4);
                } catch (IOException e) {
                    // As Go's Peek: look at what arrived; readRequest meets the error again.
                    peek = bufr.peek(Math.min(4, bufr.buffered()));
                }
                bufr.discard(numLeadingCRorLF(peek));
            }
            Request req;
            try {
                req = ReadRequest.readRequest(bufr);
            } catch (IOException e) {
                if (r.hitReadLimit()) throw new RequestTooLargeException();
                throw e;
            }
            lastMethod = req.method;
            r.setInfiniteReadLimit();
            RequestChecks.validate(req);
            req.remoteAddr = remoteAddr;
            if (req.body instanceof Body b) b.setDoEarlyClose(true);
            if (hdrDeadline != wholeReqDeadline) r.setReadDeadline(wholeReqDeadline);
            return new Response(this, req);
        } finally {
            if (!server.writeTimeout.isZero()) {
                setWriteDeadline(System.nanoTime() + server.writeTimeout.toNanos());
            }
        }
    }
    // end::conn-read-request[]

    static int numLeadingCRorLF(byte[] v) {
        int n = 0;
        while (n < v.length && (v[n] == '\r' || v[n] == '\n')) n++;
        return n;
    }

    /** Answers a request that could not be read, in Go's exact words, or hangs up quietly. */
    // tag::reply-to-read-error[]
    private void replyToReadError(IOException err) {
        String reply;
        boolean lingering = false;
        if (err instanceof RequestTooLargeException) {
            String publicErr = "431 Request Header Fields Too Large";
            reply = "HTTP/1.1 " + publicErr + ERROR_HEADERS + publicErr;
            lingering = true;
        } else if (err instanceof UnsupportedTransferEncodingException) {
            int code = Status.NOT_IMPLEMENTED;
            reply = "HTTP/1.1 " + code + " " + Status.text(code) + ERROR_HEADERS
                    + "Unsupported transfer encoding";
        } else if (!(err instanceof ProtocolException)) {
            return; // the peer went away or timed out: Go's isCommonNetReadError
        } else if (err instanceof StatusException s) {
            String status = s.code() + " " + Status.text(s.code()) + ": " + s.reason();
            reply = "HTTP/1.1 " + status + ERROR_HEADERS + status;
        } else {
            String publicErr = "400 Bad Request";
            reply = "HTTP/1.1 " + publicErr + ERROR_HEADERS + publicErr;
        }
        ConnEvents.requestRejected(this, reply, err);
        try {
            // Through the checked output, so that the write deadline covers the reply too.
            CheckedOutput out = new CheckedOutput();
            out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException ignored) {
            return;
        }
        if (lingering) closeWriteAndWait();
    }
    // end::reply-to-read-error[]

    /** Hands the socket to a handler; afterwards the server leaves it alone. */
    @Mirrors(file = "net/http/server.go", func = "conn.hijackLocked")
    Hijacker.Hijacked hijack() throws IOException {
        mu.lock();
        try {
            if (hijacked) throw new HijackedException();
            hijacked = true;
        } finally {
            mu.unlock();
        }
        cancelWriteDeadline();
        r.setReadDeadline(0);
        setSocketTimeout(0);
        setState(ConnState.HIJACKED);
        return new Hijacker.Hijacked(socket, bufr, socket.getOutputStream());
    }

    boolean isHijacked() {
        mu.lock();
        try {
            return hijacked;
        } finally {
            mu.unlock();
        }
    }

    /** Flushes what is buffered, ignoring errors: the connection is going away. */
    @Mirrors(file = "net/http/server.go", func = "conn.finalFlush")
    private void finalFlush() {
        if (bufw != null) {
            try {
                bufw.flush();
            } catch (IOException ignored) {
                // recorded in werr already
            }
        }
    }

    @Mirrors(file = "net/http/server.go", func = "conn.close")
    void close() {
        finalFlush();
        cancelWriteDeadline();
        closeSocket();
    }

    void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed or broken: nothing more to do
        }
    }

    /**
     * Closes the sending half so the client sees the whole reply, then waits half a second before
     * the caller closes the socket. Closing at once while the client's input is still unread would
     * make the kernel send a reset, which can destroy the reply before the client reads it; the
     * pause gives the client time to read it first. As in Go, the wait is the same whether or not
     * the client has closed its end meanwhile.
     */
    // tag::close-write-and-wait[]
    @Mirrors(file = "net/http/server.go", func = "conn.closeWriteAndWait")
    void closeWriteAndWait() {
        finalFlush();
        try {
            socket.shutdownOutput();
        } catch (IOException ignored) {
            // already closed or broken: the pause below still applies, as in Go
        }
        try {
            Thread.sleep(RST_AVOIDANCE_DELAY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
    // end::close-write-and-wait[]

    /** Records the new state, tells the hook and the event listeners. */
    // tag::set-state[]
    @Mirrors(file = "net/http/server.go", func = "conn.setState")
    void setState(ConnState state) {
        switch (state) {
            case NEW -> server.trackConn(this, true);
            case HIJACKED, CLOSED -> server.trackConn(this, false);
            default -> {}
        }
        curState.set((System.currentTimeMillis() / 1000) << 8 | state.ordinal());
        var hook = server.connState;
        if (hook != null) hook.accept(socket, state);
        ConnEvents.stateChanged(this, state);
        server.connStateChanged();
    }
    // end::set-state[]

    ConnState state() {
        return ConnState.values()[(int) (curState.get() & 0xff)];
    }

    /** The second, on the wall clock, the current state began; 0 before any. */
    long stateSince() {
        return curState.get() >>> 8;
    }

    void setSocketTimeout(long millis) throws SocketException {
        int ms = (int) Math.min(millis, Integer.MAX_VALUE);
        if (ms != soTimeout) {
            socket.setSoTimeout(ms);
            soTimeout = ms;
        }
    }

    /**
     * Writes after {@code nanoTime} fail with a timeout, and a write still blocked then has its
     * socket closed under it. Java sockets have no write timeout of their own, so a timer enforces
     * Go's SetWriteDeadline.
     */
    // tag::write-deadline[]
    void setWriteDeadline(long nanoTime) {
        cancelWriteDeadline();
        writeExpired = false;
        writeDeadline = nanoTime;
        long delay = nanoTime - System.nanoTime();
        writeTimer = Timers.schedule(this::writeDeadlinePassed, Math.max(0, delay),
                TimeUnit.NANOSECONDS);
    }
    // end::write-deadline[]

    // tag::write-deadline-passed[]
    private void writeDeadlinePassed() {
        writeExpired = true;
        if (writing) closeSocket();
    }
    // end::write-deadline-passed[]

    private void cancelWriteDeadline() {
        ScheduledFuture<?> t = writeTimer;
        if (t != null) t.cancel(false);
        writeTimer = null;
        writeDeadline = 0;
        writeExpired = false;
    }

    /**
     * The socket's output, remembering the first failure in {@link #werr} and honouring the write
     * deadline. Go calls this checkConnErrorWriter.
     */
    @Mirrors(file = "net/http/server.go", func = "checkConnErrorWriter")
    private final class CheckedOutput extends WriterStream {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writing = true;
            try {
                if (writeExpired || (writeDeadline != 0 && System.nanoTime() - writeDeadline >= 0)) {
                    throw new SocketTimeoutException("i/o timeout");
                }
                socketOut.write(b, off, len);
            } catch (IOException e) {
                if (werr == null) werr = e;
                throw e;
            } finally {
                writing = false;
            }
        }

        @Override
        public void flush() throws IOException {
            socketOut.flush();
        }
    }

    /** The head of a request grew past the read limit. Go's errTooLarge. */
    @Mirrors(file = "net/http/server.go", func = "errTooLarge")
    static final class RequestTooLargeException extends IOException {
        RequestTooLargeException() {
            super("http: request too large");
        }
    }
}
