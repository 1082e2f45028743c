package nethttp.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.annotations.Mirrors;
import nethttp.core.BodyNotAllowedException;
import nethttp.core.ContentLengthExceededException;
import nethttp.core.Flusher;
import nethttp.core.GoStrings;
import nethttp.core.Header;
import nethttp.core.HijackedException;
import nethttp.core.Hijacker;
import nethttp.core.Request;
import nethttp.core.ResponseWriter;
import nethttp.textproto.BufioWriter;
import nethttp.textproto.CanonicalKey;
import nethttp.textproto.Guts;
import nethttp.textproto.Quote;
import nethttp.transfer.Body;
import nethttp.transfer.Transfer;

/**
 * The server's {@link ResponseWriter} for one request.
 *
 * <p>Writes pass through two buffers, as in Go. The first, 2 KiB, sits in front of the
 * {@link ChunkWriter}: a handler that writes a small body and returns fills only this buffer, so
 * when the header finally goes out the whole body is known and a {@code Content-Length} can be
 * sent instead of chunking. The second, 4 KiB, is the connection's and collects header and body
 * bytes into few socket writes.
 */
@Mirrors(file = "net/http/server.go", func = "response")
final class Response implements ResponseWriter, Flusher, Hijacker {
    /** The size of the buffer that decides between Content-Length and chunking. */
    static final int BUFFER_BEFORE_CHUNKING_SIZE = 2048;

    final Conn conn;
    final Request req;
    /** The body as read from the wire, before any wrapper a handler may see. */
    final InputStream reqBody;
    final ChunkWriter cw = new ChunkWriter(this);
    /**
     * Buffers of finished responses, for the next ones, as Go's {@code bufioWriter2kPool}: at
     * tens of thousands of requests a second, a fresh 2 KiB each was nearly half of what a
     * request allocated. Bounded, so an idle server holds at most this many.
     */
    private static final ArrayBlockingQueue<byte[]> SPARE_BUFFERS = new ArrayBlockingQueue<>(256);

    /** Buffers handler writes in front of {@link #cw}; null after a hijack. */
    BufioWriter w;

    final Header handlerHeader = new Header();
    boolean calledHeader;
    boolean wroteHeader;
    boolean wroteContinue;
    final boolean wants10KeepAlive;
    final boolean wantsClose;
    /** Set while a 100 Continue may still be sent; the body reader and writes race for it. */
    final AtomicBoolean canWriteContinue = new AtomicBoolean();
    final ReentrantLock writeContinueMu = new ReentrantLock();

    int status;
    long written;
    /** From an explicit Content-Length header, or -1. */
    long contentLength = -1;
    boolean closeAfterReply;
    boolean requestBodyLimitHit;
    List<String> trailers;
    volatile boolean handlerDone;

    Response(Conn conn, Request req) {
        this.conn = conn;
        this.req = req;
        this.reqBody = req.body;
        byte[] spare = SPARE_BUFFERS.poll();
        // Without a spare the writer allocates its buffer on the first write, so a handler that
        // waits for a slow body before it writes holds none meanwhile.
        this.w = spare != null ? new BufioWriter(cw, spare) : new BufioWriter(cw, BUFFER_BEFORE_CHUNKING_SIZE);
        this.wants10KeepAlive = req.wantsHttp10KeepAlive();
        this.wantsClose = req.wantsClose();
    }

    @Override
    @Mirrors(file = "net/http/server.go", func = "response.Header")
    public Header header() {
        if (cw.header == null && wroteHeader && !cw.wroteHeader) {
            // Changes after WriteHeader must not reach the wire: freeze what was there.
            cw.header = handlerHeader.copy();
        }
        calledHeader = true;
        return handlerHeader;
    }

    @Override
    @Mirrors(file = "net/http/server.go", func = "response.WriteHeader")
    public void writeHeader(int code) {
        if (conn.isHijacked()) {
            conn.server.logf("http: response.WriteHeader on hijacked connection from %s", RelevantCaller.describe());
            return;
        }
        if (wroteHeader) {
            conn.server.logf("http: superfluous response.WriteHeader call from %s", RelevantCaller.describe());
            return;
        }
        if (code < 100 || code > 999) throw new IllegalArgumentException("invalid WriteHeader code " + code);
        if (code >= 100 && code <= 199) {
            writeInformational(code);
            return;
        }
        wroteHeader = true;
        status = code;
        if (calledHeader && cw.header == null) cw.header = handlerHeader.copy();
        String cl = handlerHeader.get("Content-Length");
        if (!cl.isEmpty()) {
            long v = parseDeclaredLength(cl);
            if (v >= 0) {
                contentLength = v;
            } else {
                conn.server.logf("http: invalid Content-Length of %s", Quote.quote(GoStrings.wireForm(cl)));
                handlerHeader.del("Content-Length");
            }
        }
    }

    /** A 1xx status goes out at once; the final status follows later. */
    private void writeInformational(int code) {
        if (code == 100 && canWriteContinue.get()) {
            writeContinueMu.lock();
            canWriteContinue.set(false);
            writeContinueMu.unlock();
        }
        try {
            ChunkWriter.writeStatusLine(conn.bufw, req.protoAtLeast(1, 1), code);
            handlerHeader.write(conn.bufw, ChunkWriter.EXCLUDED_HEADERS_NO_BODY);
            conn.bufw.writeString("\r\n");
            conn.bufw.flush();
        } catch (IOException ignored) {
            // recorded in conn.werr; the connection will not be reused
        }
    }

    /** Go's strconv.ParseInt(cl, 10, 64) accepting only non-negative values; -1 when invalid. */
    private static long parseDeclaredLength(String s) {
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '+')) i = 1;
        if (i == s.length()) return -1;
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    // tag::response-write[]
    @Override
    @Mirrors(file = "net/http/server.go", func = "response.write")
    public int write(byte[] b, int off, int len) throws IOException {
        if (conn.isHijacked()) {
            if (len > 0) {
                conn.server.logf("http: response.Write on hijacked connection from %s",
                        RelevantCaller.describe());
            }
            throw new HijackedException();
        }
        if (canWriteContinue.get()) {
            // The handler answers without reading the body: no 100 Continue may follow.
            writeContinueMu.lock();
            canWriteContinue.set(false);
            writeContinueMu.unlock();
        }
        if (!wroteHeader) writeHeader(200);
        if (len == 0) return 0;
        if (!bodyAllowed()) throw new BodyNotAllowedException();
        written += len;
        if (contentLength != -1 && written > contentLength) {
            throw new ContentLengthExceededException();
        }
        w.write(b, off, len);
        return len;
    }
    // end::response-write[]

    /**
     * Whether {@code e}, or an exception that caused it, is what a write or flush of this
     * response threw: an error Go's {@code Write} would have returned instead.
     */
    boolean isWriteError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyNotAllowedException || t instanceof ContentLengthExceededException) return true;
            if (t instanceof HijackedException && conn.isHijacked()) return true;
            if (t instanceof IOException && conn.werr != null) return true;
        }
        return false;
    }

    @Mirrors(file = "net/http/server.go", func = "response.bodyAllowed")
    boolean bodyAllowed() {
        if (!wroteHeader) throw new IllegalStateException("bodyAllowed before WriteHeader");
        return Transfer.bodyAllowedForStatus(status);
    }

    @Override
    @Mirrors(file = "net/http/server.go", func = "response.Flush")
    public void flush() throws IOException {
        if (!wroteHeader) writeHeader(200);
        w.flush();
        cw.flush();
    }

    @Override
    @Mirrors(file = "net/http/server.go", func = "response.Hijack")
    public Hijacked hijack() throws IOException {
        if (handlerDone) throw new IllegalStateException("Hijack called after the handler returned");
        if (wroteHeader) cw.flush();
        Hijacked h = conn.hijack();
        w = null;
        return h;
    }

    /** After the handler: send what is left, end a chunked body, and put the request body away. */
    // tag::finish-request[]
    @Mirrors(file = "net/http/server.go", func = "response.finishRequest")
    void finishRequest() {
        handlerDone = true;
        if (!wroteHeader) writeHeader(200);
        try {
            w.flush();
            // for the next response; a late write, a misuse, gets a buffer of its own
            byte[] done = w.release();
            if (done != null) SPARE_BUFFERS.offer(done);
            cw.close();
            conn.bufw.flush();
        } catch (IOException ignored) {
            // recorded in conn.werr; shouldReuseConnection sees it
        }
        closeBodyQuietly();
    }
    // end::finish-request[]

    void closeBodyQuietly() {
        try {
            reqBody.close();
        } catch (IOException ignored) {
            // a body that cannot be drained only means the connection is not reused
        }
    }

    // tag::should-reuse[]
    @Mirrors(file = "net/http/server.go", func = "response.shouldReuseConnection")
    boolean shouldReuseConnection() {
        if (closeAfterReply) return false;
        if (!req.method.equals("HEAD") && contentLength != -1 && bodyAllowed()
                && contentLength != written) {
            // The handler promised more (or less) than it wrote: the client would be
            // confused.
            return false;
        }
        if (conn.werr != null) return false;
        return !closedRequestBodyEarly();
    }
    // end::should-reuse[]

    /**
     * Whether the request's body, as the request holds it now, stopped short of its end. Go
     * asks {@code w.req.Body}, not the body it read from the wire: a handler that put another
     * stream in its place turns this check off.
     */
    @Mirrors(file = "net/http/server.go", func = "response.closedRequestBodyEarly")
    boolean closedRequestBodyEarly() {
        return req.body instanceof Body b && b.didEarlyClose();
    }

    /** Answers an {@code Expect} other than 100-continue. */
    @Mirrors(file = "net/http/server.go", func = "response.sendExpectationFailed")
    void sendExpectationFailed() {
        header().set("Connection", "close");
        writeHeader(417);
        finishRequest();
    }

    /** The request body was bigger than the handler allowed: close after this response. */
    @Mirrors(file = "net/http/server.go", func = "response.requestTooLarge")
    void requestTooLarge() {
        closeAfterReply = true;
        requestBodyLimitHit = true;
        if (!wroteHeader) header().set("Connection", "close");
    }

    @Mirrors(file = "net/http/server.go", func = "response.declareTrailer")
    void declareTrailer(String k) {
        k = CanonicalKey.canonicalize(k);
        if (!Guts.validTrailerHeader(k)) return;
        if (trailers == null) trailers = new ArrayList<>();
        trailers.add(k);
    }

    /** The trailers to send after a chunked body, or null for none. */
    @Mirrors(file = "net/http/server.go", func = "response.finalTrailers")
    Header finalTrailers() {
        Header t = null;
        for (String k : handlerHeader.keys()) {
            if (k.startsWith(TRAILER_PREFIX)) {
                if (t == null) t = new Header();
                t.setRaw(k.substring(TRAILER_PREFIX.length()), handlerHeader.values(k));
            }
        }
        if (trailers != null) {
            for (String k : trailers) {
                if (t == null) t = new Header();
                for (String v : handlerHeader.values(k)) t.add(k, v);
            }
        }
        return t;
    }
}
