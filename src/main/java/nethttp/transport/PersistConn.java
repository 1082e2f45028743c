package nethttp.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import nethttp.annotations.Mirrors;
import nethttp.concurrent.Mailbox;
import nethttp.concurrent.Signal;
import nethttp.core.Context;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.event.ThreadRole;
import nethttp.event.TracedThread;
import nethttp.getconn.ConnectMethodKey;
import nethttp.getconn.PoolErrors;
import nethttp.getconn.PooledConn;
import nethttp.httptrace.ClientTrace;
import nethttp.textproto.BufioReader;
import nethttp.textproto.BufioWriter;
import nethttp.textproto.Guts;
import nethttp.textproto.Quote;
import nethttp.transfer.ReaderStream;
import nethttp.transfer.TransferWriter;
import nethttp.wire.ReadResponse;
import nethttp.wire.RequestWriter;

/**
 * One kept-alive client connection, with its two virtual threads: a write loop that writes each
 * request handed to it, and a read loop that reads each response and decides, once its body is
 * read, whether the connection goes back to the pool. {@link #roundTrip} is the caller's side:
 * it hands the request to both loops and waits for whichever answer comes first.
 */
@Mirrors(file = "net/http/transport.go", func = "persistConn")
final class PersistConn implements PooledConn {
    final Transport t;
    final ConnectMethodKey cacheKey;
    final Socket conn;
    /** Numbered from 1 per transport, for events. */
    final long id;

    private BufioReader br;
    private BufioWriter bw;
    /** Bytes written to the socket so far: tells whether a failed request left any trace. */
    private volatile long nwrite;
    /** Response-header bytes still allowed; owned by the read loop. */
    private volatile long readLimit;
    /** Whether the socket reported its end; owned by the read loop. */
    private volatile boolean sawEOF;

    private final LinkedBlockingQueue<RequestAndChan> reqch = new LinkedBlockingQueue<>();
    private final Mailbox<WriteRequest> writech = new Mailbox<>();
    /** Fires when the connection is closed. */
    final Signal closech = new Signal();
    /** The write loop's result for each request, for the read loop (Go's buffered writeErrCh). */
    private final Mailbox<WriteResult> writeErrCh = new Mailbox<>();
    private final Signal writeLoopDone = new Signal();

    // Guarded by the pool's idleMu.
    long idleAt;
    ScheduledFuture<?> idleTimer;

    private final ReentrantLock mu = new ReentrantLock();
    private int numExpectedResponses;
    private IOException closed;
    private IOException canceledErr;
    private boolean reused;

    PersistConn(Transport t, ConnectMethodKey cacheKey, Socket conn, long id) {
        this.t = t;
        this.cacheKey = cacheKey;
        this.conn = conn;
        this.id = id;
    }

    // tag::pc-start[]
    /** Wraps the socket in buffers and starts the two loops: the end of {@code dialConn}. */
    void start() throws IOException {
        br = new BufioReader(new ConnInput(conn.getInputStream()), t.readBufferSize());
        bw = new BufioWriter(new ConnOutput(conn.getOutputStream()), t.writeBufferSize());
        closech.onFire(writech::close);
        TracedThread.start(t.events, ThreadRole.READ_LOOP, id, "read-loop-" + id,
                this::readLoop);
        TracedThread.start(t.events, ThreadRole.WRITE_LOOP, id, "write-loop-" + id,
                this::writeLoop);
    }
    // end::pc-start[]

    // ---- the caller's side ------------------------------------------------------------------

    /** What wakes {@link #roundTrip}: the cases of its select. */
    private sealed interface RoundTripEvent {}

    private record WriteDone(IOException err) implements RoundTripEvent {}

    private record Answer(Response res, IOException err) implements RoundTripEvent {}

    private record ConnClosed() implements RoundTripEvent {}

    private record ContextDone() implements RoundTripEvent {}

    private record WriteRequest(TransportRequest req, Mailbox<RoundTripEvent> ch, Mailbox<Boolean> continueCh) {}

    private record RequestAndChan(Request req, TransportRequest treq, Mailbox<RoundTripEvent> ch, boolean addedGzip,
            Mailbox<Boolean> continueCh) {}

    private record WriteResult(IOException err) {}

    /**
     * Sends one request on this connection and waits for its response header. The write loop
     * writes while the read loop waits for the answer, since a server may answer (and close)
     * before it has read the whole request. The wait ends with the first of: a write error, the
     * connection closing, the response-header timeout, the response, or the request's context
     * being done (which closes the connection, and the close ends the wait).
     */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.roundTrip")
    Response roundTrip(TransportRequest req) throws IOException {
        if (!t.replaceReqCanceler(req.cancelKey, this::cancelRequest)) {
            t.putOrCloseIdleConn(this);
            throw new RequestCanceledException(RequestCanceledException.CANCELED);
        }
        mu.lock();
        try {
            numExpectedResponses++;
        } finally {
            mu.unlock();
        }
        Request r = req.req;
        // tag::request-gzip[]
        boolean requestedGzip = false;
        if (!t.disableCompression && r.header.get("Accept-Encoding").isEmpty()
                && r.header.get("Range").isEmpty()
                && !"HEAD".equals(r.method)) {
            // Only gzip: deflate is ambiguous. Never for HEAD (a proxy bug) or a range (a
            // compressed part cannot be decompressed alone).
            requestedGzip = true;
            req.extraHeaders().set("Accept-Encoding", "gzip");
        }
        // end::request-gzip[]
        Mailbox<Boolean> continueCh = null;
        if (r.protoAtLeast(1, 1) && r.body != null && r.expectsContinue()) continueCh = new Mailbox<>();
        if (t.disableKeepAlives && !r.wantsClose() && !r.header.isProtocolSwitch()) {
            req.extraHeaders().set("Connection", "close");
        }

        // tag::pc-round-trip-select[]
        Mailbox<RoundTripEvent> events = new Mailbox<>();
        Context ctx = r.context();
        boolean ok = false;
        Signal.Registration onClose = () -> {};
        Signal.Registration onDone = () -> {};
        try {
            long startBytesWritten = nwrite;
            writech.post(new WriteRequest(req, events, continueCh));
            reqch.add(new RequestAndChan(r, req, events, requestedGzip, continueCh));
            onClose = closech.onFire(() -> events.post(new ConnClosed()));
            if (ctx.done() != null) {
                onDone = ctx.done().onFire(() -> events.post(new ContextDone()));
            }

            long headerDeadline = 0;
            boolean canceled = false;
            while (true) {
                RoundTripEvent ev = headerDeadline == 0
                        ? events.take()
                        : events.poll(headerDeadline - System.nanoTime());
                switch (ev) {
                    case null -> {
                        close(new ResponseHeaderTimeoutException());
                        throw new ResponseHeaderTimeoutException();
                    }
                    case WriteDone w -> {
                        if (w.err() != null) {
                            close(new IOException("write error: " + w.err().getMessage(),
                                    w.err()));
                            throw mapRoundTripError(req, startBytesWritten, w.err());
                        }
                        Duration d = t.responseHeaderTimeout;
                        if (d.isPositive()) {
                            headerDeadline = Math.max(1, System.nanoTime() + d.toNanos());
                        }
                    }
                    case ConnClosed c -> {
                        if (canceled || t.replaceReqCanceler(req.cancelKey, null)) {
                            throw mapRoundTripError(req, startBytesWritten, closedErr());
                        }
                    }
                    case Answer a -> {
                        if (a.err() != null) {
                            throw mapRoundTripError(req, startBytesWritten, a.err());
                        }
                        ok = true;
                        return a.res();
                    }
                    case ContextDone d -> canceled = t.cancelRequest(req.cancelKey, ctx.err());
                }
            }
        } finally {
            events.close(); // the read loop's hand-over fails from now on: Go's callerGone
            onClose.cancel();
            onDone.cancel();
            if (!ok) t.setReqCanceler(req.cancelKey, null);
        }
        // end::pc-round-trip-select[]
    }

    /**
     * The error a failed round trip reports. Waits for the write loop to stop first (a failed
     * round trip always means the connection is closing). Cancellation beats the errors it
     * caused; a request-body read error set by the write loop beats everything else; and an error
     * on a request that had not written a byte is marked as such, for the retry decision.
     */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.mapRoundTripError")
    private IOException mapRoundTripError(TransportRequest req, long startBytesWritten, IOException err) {
        writeLoopDone.await();
        IOException cerr = canceled();
        if (cerr != null) return cerr;
        IOException reqErr = req.error();
        if (reqErr != null) return reqErr;
        if (err instanceof ServerClosedIdleException) return err;
        if (err instanceof ConnErrors.ReadFromServerException) {
            return nwrite == startBytesWritten ? new ConnErrors.NothingWrittenException(err) : err;
        }
        if (isBroken()) {
            if (nwrite == startBytesWritten) {
                // The write loop may have said so already; once is enough, so that the caller gets the cause.
                return err instanceof ConnErrors.NothingWrittenException ? err : new ConnErrors.NothingWrittenException(err);
            }
            return new IOException("net/http: HTTP/1.x transport connection broken: " + err.getMessage(), err);
        }
        return err;
    }

    // ---- the write loop -------------------------------------------------------------------------

    // tag::write-loop[]
    @Mirrors(file = "net/http/transport.go", func = "persistConn.writeLoop")
    private void writeLoop(TracedThread self) {
        try {
            while (true) {
                self.parked("next request");
                WriteRequest wr = writech.take();
                self.running();
                if (wr == null) return; // closed
                long startBytesWritten = nwrite;
                IOException err = write(wr, self);
                if (err != null && nwrite == startBytesWritten) {
                    err = new ConnErrors.NothingWrittenException(err);
                }
                // for the read loop, which may pool the connection
                writeErrCh.post(new WriteResult(err));
                wr.ch().post(new WriteDone(err)); // for roundTrip
                if (err != null) {
                    close(err);
                    return;
                }
            }
        } finally {
            writeLoopDone.fire();
        }
    }
    // end::write-loop[]

    /** Writes one request and flushes; returns the error, if any. A body read error is recorded as the request's error. */
    private IOException write(WriteRequest wr, TracedThread self) {
        TransportRequest req = wr.req();
        BooleanSupplier waitForContinue = waitForContinue(wr.continueCh(), self);
        Runnable wroteHeaders = req.trace.wantsWroteHeaders() ? () -> req.trace.wroteHeaders(id) : null;
        IOException err = null;
        try {
            RequestWriter.write(req.req, bw, false, req.extraOrNull(), wroteHeaders, waitForContinue, true);
        } catch (TransferWriter.BodyReadException e) {
            IOException cause = e.getCause() instanceof IOException c ? c : e;
            req.setError(cause); // wins over the errors that closing the connection causes
            err = cause;
        } catch (IOException e) {
            err = e;
        } catch (RuntimeException e) {
            err = new IOException(e);
        }
        // As Go's Request.write, WroteRequest is reported when the request is written to the
        // buffer, before the final flush: so it always comes before the response's first byte.
        req.trace.wroteRequest(id, err);
        if (err != null) return err;
        try {
            bw.flush();
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    /**
     * For a request with {@code Expect: 100-continue}: the wait between header and body. True
     * (send the body) on {@code 100 Continue} or when {@link Transport#expectContinueTimeout}
     * passes; false on a final response or when the connection closes.
     */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.waitForContinue")
    private BooleanSupplier waitForContinue(Mailbox<Boolean> continueCh, TracedThread self) {
        if (continueCh == null) return null;
        return () -> {
            Signal.Registration r = closech.onFire(() -> continueCh.post(false));
            try {
                self.parked("100 continue");
                Boolean answer = continueCh.poll(Math.max(0, t.expectContinueTimeout.toNanos()));
                self.running();
                return answer == null || answer;
            } finally {
                r.cancel();
            }
        };
    }

    /**
     * Whether the request just answered was written completely. Usually the write result is in
     * long before the response; if not, it is given 50 ms, and a write still running after that
     * (the server answered before reading the whole body) keeps the connection from reuse.
     */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.wroteRequest")
    private boolean wroteRequest() {
        WriteResult r = writeErrCh.poll(0);
        if (r == null) r = writeErrCh.poll(MAX_WRITE_WAIT_BEFORE_CONN_REUSE.toNanos());
        return r != null && r.err() == null;
    }

    @Mirrors(file = "net/http/transport.go", func = "maxWriteWaitBeforeConnReuse")
    private static final Duration MAX_WRITE_WAIT_BEFORE_CONN_REUSE = Duration.ofMillis(50);

    // ---- the read loop --------------------------------------------------------------------------

    /** What wakes the read loop while the caller reads a body. */
    private sealed interface BodyEvent {}

    private record BodyDone(boolean eof) implements BodyEvent {}

    private record BodyCanceled() implements BodyEvent {}

    private record BodyConnClosed() implements BodyEvent {}

    @Mirrors(file = "net/http/transport.go", func = "persistConn.readLoop")
    private void readLoop(TracedThread self) {
        IOException closeErr = ConnErrors.of(ConnErrors.READ_LOOP_EXITING);
        Signal eofc = null;
        try {
            boolean alive = true;
            while (alive) {
                readLimit = maxHeaderResponseSize();
                IOException err = null;
                self.parked("response");
                try {
                    if (br.peek(1).length == 0) err = new EOFException("EOF");
                } catch (IOException e) {
                    err = e;
                }
                self.running();
                mu.lock();
                try {
                    if (numExpectedResponses == 0) {
                        readLoopPeekFailLocked(err);
                        return;
                    }
                } finally {
                    mu.unlock();
                }
                RequestAndChan rc = takeUninterruptibly();
                RequestTrace trace = rc.treq().trace;

                Response resp = null;
                if (err == null) {
                    try {
                        resp = readResponse(rc, trace);
                    } catch (IOException e) {
                        err = e;
                    }
                } else {
                    err = new ConnErrors.ReadFromServerException(err);
                    closeErr = err;
                }
                if (err != null) {
                    if (readLimit <= 0) {
                        err = new ProtocolException("net/http: server response headers exceeded "
                                + maxHeaderResponseSize() + " bytes; aborted");
                    }
                    rc.ch().handOff(new Answer(null, err));
                    return;
                }
                readLimit = Long.MAX_VALUE; // bodies have no limit
                mu.lock();
                try {
                    numExpectedResponses--;
                } finally {
                    mu.unlock();
                }

                // tag::read-loop-no-body[]
                boolean hasBody = !"HEAD".equals(rc.req().method) && resp.contentLength != 0;
                if (resp.close || rc.req().close || resp.statusCode <= 199) alive = false;

                if (!hasBody) {
                    boolean replaced = t.replaceReqCanceler(rc.treq().cancelKey, null);
                    // Pool it before handing the response over, so a request made right after
                    // this one finds it.
                    if (alive && !sawEOF && wroteRequest() && replaced) {
                        IOException why = unsolicitedBytes();
                        if (why == null) why = tryPutIdleConn(trace);
                        if (why != null) closeErr = why;
                        alive = why == null;
                    } else {
                        alive = false;
                    }
                    if (!rc.ch().handOff(new Answer(resp, null))) return;
                    continue;
                }
                // end::read-loop-no-body[]

                // tag::read-loop-body[]
                Mailbox<BodyEvent> waitForBodyRead = new Mailbox<>();
                Signal bodyDecided = new Signal();
                eofc = bodyDecided;
                resp.body = wrapBody(resp, waitForBodyRead, bodyDecided);
                if (rc.addedGzip() && Guts.equalFoldASCII(resp.header.get("Content-Encoding"), "gzip")) {
                    resp.body = new GzipReader((BodyEOFSignal) resp.body);
                    resp.header.del("Content-Encoding");
                    resp.header.del("Content-Length");
                    resp.contentLength = -1;
                    resp.uncompressed = true;
                }
                if (!rc.ch().handOff(new Answer(resp, null))) return;

                Context ctx = rc.req().context();
                Signal.Registration onDone = ctx.done() == null ? () -> {}
                        : ctx.done().onFire(() -> waitForBodyRead.post(new BodyCanceled()));
                Signal.Registration onClose =
                        closech.onFire(() -> waitForBodyRead.post(new BodyConnClosed()));
                self.parked("response body read");
                BodyEvent ev = waitForBodyRead.take();
                self.running();
                onDone.cancel();
                onClose.cancel();
                switch (ev) {
                    case BodyDone d -> {
                        boolean replaced = t.replaceReqCanceler(rc.treq().cancelKey, null);
                        if (alive && d.eof() && !sawEOF && wroteRequest() && replaced) {
                            IOException why = unsolicitedBytes();
                            if (why == null) why = tryPutIdleConn(trace);
                            if (why != null) closeErr = why;
                            alive = why == null;
                        } else {
                            alive = false;
                        }
                        if (d.eof()) bodyDecided.fire();
                    }
                    case BodyCanceled c -> {
                        alive = false;
                        t.cancelRequest(rc.treq().cancelKey, ctx.err());
                    }
                    case BodyConnClosed c -> alive = false;
                }
                // end::read-loop-body[]
            }
        } finally {
            if (eofc != null) eofc.fire(); // a reader waiting at the end must not wait forever
            close(closeErr);
            t.removeIdleConn(this);
        }
    }

    /**
     * Before pooling: null when nothing follows the complete response, or else why the
     * connection must close. A server that sends more than its response (junk, or a body where
     * none was announced) would otherwise hand those bytes to the next request as its response.
     * Go pools the connection and closes it when the read loop's next look finds the bytes, which
     * leaves a moment in which a new request can take it; looking first, at what is buffered and
     * at what the socket already holds, leaves only bytes still on their way.
     */
    private IOException unsolicitedBytes() {
        try {
            if (br.buffered() == 0 && conn.getInputStream().available() > 0) br.peek(1); // will not block
        } catch (IOException e) {
            return e;
        }
        if (br.buffered() == 0) return null;
        mu.lock();
        try {
            return peekFailReason(null);
        } finally {
            mu.unlock();
        }
    }

    /** Pools the connection; returns null, or why not (reported to the trace unless keep-alives are off). */
    private IOException tryPutIdleConn(RequestTrace trace) {
        IOException why = t.idlePool.tryPutIdleConn(this);
        if (why == null || !PoolErrors.KEEP_ALIVES_DISABLED.equals(why.getMessage())) trace.putIdleConn(this, why);
        return why;
    }

    // tag::wrap-body[]
    /**
     * The caller's body: reports how reading ended to the read loop, which decides the
     * connection's fate.
     */
    private BodyEOFSignal wrapBody(Response resp, Mailbox<BodyEvent> waitForBodyRead,
            Signal decided) {
        return new BodyEOFSignal(resp.body, err -> {
            boolean isEOF = err == null;
            waitForBodyRead.post(new BodyDone(isEOF));
            if (isEOF) {
                // the connection is back in the pool (or closed) before the caller goes on
                decided.await();
            } else {
                IOException cerr = canceled();
                if (cerr != null) return cerr;
            }
            return err;
        }, () -> {
            waitForBodyRead.post(new BodyDone(false));
            decided.await();
        });
    }
    // end::wrap-body[]

    /**
     * Reads the response to {@code rc}, skipping up to five informational (1xx) responses; a
     * {@code 100 Continue} releases a body held back by {@code Expect: 100-continue}, and any
     * final response tells the write loop not to send it.
     */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.readResponse")
    private Response readResponse(RequestAndChan rc, RequestTrace trace) throws IOException {
        if (br.peek(1).length == 1) trace.gotFirstResponseByte(id);
        int num1xx = 0;
        Mailbox<Boolean> continueCh = rc.continueCh();
        while (true) {
            Response resp = ReadResponse.readResponse(br, rc.req());
            int code = resp.statusCode;
            if (continueCh != null) {
                if (code == 100) {
                    trace.got100Continue(id);
                    continueCh.post(true);
                    continueCh = null;
                } else if (code >= 200) {
                    continueCh.post(false);
                    continueCh = null;
                }
            }
            boolean is1xxNonTerminal = code >= 100 && code <= 199 && code != 101;
            if (is1xxNonTerminal) {
                if (++num1xx > 5) throw new ProtocolException("net/http: too many 1xx informational responses");
                readLimit = maxHeaderResponseSize();
                continue;
            }
            return resp;
        }
    }

    /**
     * The peek before a response found something while no request was waiting: the server
     * closed (the common case), sent a 408 before closing an idle connection, or sent junk.
     */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.readLoopPeekFailLocked")
    private void readLoopPeekFailLocked(IOException peekErr) {
        if (closed != null) return;
        closeLocked(peekFailReason(peekErr));
    }

    /** Why the connection closes after {@link #readLoopPeekFailLocked}'s peek; logs unsolicited bytes. */
    private IOException peekFailReason(IOException peekErr) {
        int n = br.buffered();
        if (n > 0) {
            byte[] buf;
            try {
                buf = br.peek(n);
            } catch (IOException e) {
                buf = new byte[0];
            }
            if (is408Message(buf)) return new ServerClosedIdleException();
            t.logf("Unsolicited response received on idle HTTP channel starting with "
                    + Quote.quote(new String(buf, StandardCharsets.ISO_8859_1))
                    + "; err=" + (peekErr == null ? "<nil>" : peekErr.getMessage()));
        }
        if (peekErr instanceof EOFException) return new ServerClosedIdleException(); // the common case
        if (peekErr == null) return new IOException("readLoopPeekFailLocked: <nil>");
        return new IOException("readLoopPeekFailLocked: " + peekErr.getMessage(), peekErr);
    }

    @Mirrors(file = "net/http/transport.go", func = "is408Message")
    static boolean is408Message(byte[] buf) {
        if (buf.length < "HTTP/1.x 408".length()) return false;
        String s = new String(buf, 0, 12, StandardCharsets.ISO_8859_1);
        return s.startsWith("HTTP/1.") && s.substring(8, 12).equals(" 408");
    }

    private RequestAndChan takeUninterruptibly() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return reqch.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Mirrors(file = "net/http/transport.go", func = "persistConn.maxHeaderResponseSize")
    private long maxHeaderResponseSize() {
        return t.maxResponseHeaderBytes != 0 ? t.maxResponseHeaderBytes : 10 << 20;
    }

    // ---- state ----------------------------------------------------------------------------------

    @Override
    public ConnectMethodKey cacheKey() {
        return cacheKey;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Socket conn() {
        return conn;
    }

    @Override
    public long idleAt() {
        return idleAt;
    }

    @Override
    public void idleAt(long nanos) {
        idleAt = nanos;
    }

    @Override
    public ScheduledFuture<?> idleTimer() {
        return idleTimer;
    }

    @Override
    public void idleTimer(ScheduledFuture<?> timer) {
        idleTimer = timer;
    }

    /** Whether the connection is closed (or closing): it must not be reused. */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.isBroken")
    public boolean isBroken() {
        mu.lock();
        try {
            return closed != null;
        } finally {
            mu.unlock();
        }
    }

    /** The cancellation error, when the connection was closed to cancel its request. */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.canceled")
    IOException canceled() {
        mu.lock();
        try {
            return canceledErr;
        } finally {
            mu.unlock();
        }
    }

    @Mirrors(file = "net/http/transport.go", func = "persistConn.isReused")
    public boolean isReused() {
        mu.lock();
        try {
            return reused;
        } finally {
            mu.unlock();
        }
    }

    @Mirrors(file = "net/http/transport.go", func = "persistConn.markReused")
    public void markReused() {
        mu.lock();
        try {
            reused = true;
        } finally {
            mu.unlock();
        }
    }

    /** The trace record of a connection taken from the pool, idle since {@code idleAt}. */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.gotIdleConnTrace")
    public ClientTrace.GotConnInfo gotIdleConnTrace(long idleAt) {
        return new ClientTrace.GotConnInfo(conn, isReused(), true, Duration.ofNanos(t.clock.getAsLong() - idleAt));
    }

    /** Cancels the request on this connection by closing it; the request then fails with {@code err}. */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.cancelRequest")
    void cancelRequest(IOException err) {
        mu.lock();
        try {
            canceledErr = err;
            closeLocked(new RequestCanceledException(RequestCanceledException.CANCELED));
        } finally {
            mu.unlock();
        }
    }

    public void closeConnIfStillIdle() {
        t.idlePool.closeConnIfStillIdle(this);
    }

    private IOException closedErr() {
        mu.lock();
        try {
            return closed;
        } finally {
            mu.unlock();
        }
    }

    /** Closes the connection, once; {@code err} says why (for events and for failing requests). */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.close")
    public void close(IOException err) {
        mu.lock();
        try {
            closeLocked(err);
        } finally {
            mu.unlock();
        }
    }

    @Mirrors(file = "net/http/transport.go", func = "persistConn.closeLocked")
    private void closeLocked(IOException err) {
        if (closed != null) return;
        closed = err;
        try {
            conn.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
        RequestTrace.connClosed(t.events, this, err);
        // Go frees the slot first; freeing it after the close keeps MaxConnsPerHost a limit on
        // open sockets, and lets the event say "closed" before a new dial can start.
        t.decConnsPerHost(cacheKey);
        closech.fire();
    }

    // ---- the socket, counted ----------------------------------------------------------------------

    /** The socket's input, limited while a response header is read; notes the end of the stream. */
    private final class ConnInput extends ReaderStream {
        private final InputStream in;
        private final String ends = ConnErrors.ends(conn);

        ConnInput(InputStream in) {
            this.in = in;
        }


        @Override
        @Mirrors(file = "net/http/transport.go", func = "persistConn.Read")
        public int read(byte[] b, int off, int len) throws IOException {
            long limit = readLimit;
            if (limit <= 0) throw new IOException("read limit of " + maxHeaderResponseSize() + " bytes exhausted");
            int n;
            try {
                n = in.read(b, off, (int) Math.min(len, limit));
            } catch (IOException e) {
                throw ConnErrors.opError("read", ends, conn, e);
            }
            if (n < 0) {
                sawEOF = true;
                return n;
            }
            if (limit != Long.MAX_VALUE) readLimit = limit - n;
            return n;
        }
    }

    /** The socket's output, counting what reached it. */
    @Mirrors(file = "net/http/transport.go", func = "persistConnWriter")
    private final class ConnOutput extends OutputStream {
        private final OutputStream out;
        private final String ends = ConnErrors.ends(conn);

        ConnOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw ConnErrors.opError("write", ends, conn, e);
            }
            nwrite++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw ConnErrors.opError("write", ends, conn, e);
            }
            nwrite += len;
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw ConnErrors.opError("write", ends, conn, e);
            }
        }
    }

    @Override
    public String toString() {
        return "conn " + id + " " + cacheKey;
    }
}
