package nethttp.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import nethttp.core.Header;
import nethttp.annotations.Mirrors;
import nethttp.core.ProtocolException;
import nethttp.core.UnexpectedEOFException;
import nethttp.textproto.BufioReader;
import nethttp.textproto.Reader;

/**
 * A message body as read from a connection, framed by Content-Length, by chunked encoding, or
 * (for a response, later) by the connection closing.
 *
 * <p><b>End of body.</b> A Content-Length body that ends before its length was reached fails
 * with {@link UnexpectedEOFException}; later reads report the end. A chunked body, when it
 * reaches its last chunk, goes on to read the trailer fields from the connection and stores them
 * in the message's trailer. A broken trailer fails the read and leaves the body closed, so that
 * neither this body nor the connection can be used further. When the last bytes of a body are
 * read, the end is noticed in the same read where possible (Content-Length reached, last chunk
 * seen), so that the callback of {@link #registerOnHitEOF} runs without an extra read.
 *
 * <p><b>Close.</b> Closing reads the rest of the body, so that the connection is positioned at
 * the next message, unless the connection is closing anyway. A server asks for early close
 * ({@link #setDoEarlyClose}): it reads and throws away at most
 * {@link #MAX_POST_HANDLER_READ_BYTES}; when the body is longer (or announces a longer length),
 * it gives up, {@link #didEarlyClose()} says so, and the server must close the connection.
 * Reading after close fails with {@code "http: invalid Read on closed Body"}; a second close
 * does nothing.
 *
 * <p><b>Threads.</b> Reads, close and the queries take one lock, as Go's do, so a handler
 * reading on one thread and the server closing on another never interleave. The lock is a
 * {@link ReentrantLock}, which a virtual thread can wait on without pinning its carrier.
 *
 * <p><b>Errors with data.</b> Where Go returns some bytes and an error from one read, this body
 * returns the bytes and throws the error from the next read.
 */
@Mirrors(file = "net/http/transfer.go", func = "body")
public final class Body extends ReaderStream {
    /** How much of an unread request body the server reads and throws away to keep a connection. */
    @Mirrors(file = "net/http/server.go", func = "maxPostHandlerReadBytes")
    public static final long MAX_POST_HANDLER_READ_BYTES = 256 << 10;

    /** The text of the error for a read after close. */
    @Mirrors(file = "net/http/transfer.go", func = "ErrBodyReadAfterClose")
    public static final String READ_AFTER_CLOSE = "http: invalid Read on closed Body";

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] DOUBLE_CRLF = {'\r', '\n', '\r', '\n'};
    private static final String TRAILER_EOF = "http: unexpected EOF reading trailer";

    private final InputStream src;
    /** The connection's reader, where the trailer follows a chunked body. */
    private final BufioReader wire;
    /** Where trailer fields go; null once read, or when the body has no trailer to read. */
    private Consumer<Header> trailerSink;
    /** The connection closes after this message, so the rest of the body need not be read. */
    private final boolean closing;

    private final ReentrantLock mu = new ReentrantLock();
    private boolean doEarlyClose;
    private boolean sawEOF;
    private boolean closed;
    private boolean earlyClose;
    private Runnable onHitEOF;
    /** An error found by a read that also returned data; the next read throws it. */
    private IOException pending;

    private Body(InputStream src, BufioReader wire, Consumer<Header> trailerSink, boolean closing) {
        this.src = src;
        this.wire = wire;
        this.trailerSink = trailerSink;
        this.closing = closing;
    }

    /** A body of exactly {@code length} bytes read from {@code r}. */
    static Body ofLength(BufioReader r, long length, boolean closing) {
        return new Body(new LimitedInput(r, length), null, null, closing);
    }

    /**
     * A chunked body read from {@code r}, whose trailer fields are handed to {@code trailerSink}
     * once the last chunk is read.
     */
    static Body chunked(BufioReader r, Consumer<Header> trailerSink, boolean closing) {
        return new Body(new ChunkedReader(r), r, Objects.requireNonNull(trailerSink), closing);
    }

    /** A body that runs until the connection closes (responses without a length, later). */
    static Body untilClose(InputStream r) {
        return new Body(r, null, null, true);
    }

    /** A body over any framed source; a non-null {@code trailerSink} reads a trailer at its end. */
    static Body over(InputStream src, BufioReader wire, Consumer<Header> trailerSink, boolean closing) {
        return new Body(src, wire, trailerSink, closing);
    }

    @Override
    @Mirrors(file = "net/http/transfer.go", func = "body.Read")
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        mu.lock();
        try {
            return readLocked(b, off, len);
        } finally {
            mu.unlock();
        }
    }

    @Mirrors(file = "net/http/transfer.go", func = "body.readLocked")
    private int readLocked(byte[] b, int off, int len) throws IOException {
        if (pending != null) {
            IOException e = pending;
            pending = null;
            throw e;
        }
        if (closed) throw new ReadAfterCloseException();
        if (sawEOF) return -1;
        if (len == 0) return 0;

        int n = src.read(b, off, len);
        boolean atEnd = n < 0 || (n > 0 && src instanceof ChunkedReader cr && cr.reachedEnd());
        if (n < 0) n = 0;
        IOException err = null;
        if (atEnd) {
            sawEOF = true;
            if (trailerSink != null) {
                try {
                    readTrailer();
                } catch (IOException e) {
                    // A broken trailer poisons the body and, through it, the connection.
                    err = e;
                    sawEOF = false;
                    closed = true;
                }
                trailerSink = null;
            } else if (src instanceof LimitedInput lr && lr.remaining() > 0) {
                err = new UnexpectedEOFException();
            }
        }
        if (err == null && n > 0 && src instanceof LimitedInput lr && lr.remaining() == 0) {
            sawEOF = true; // report the end with the last bytes, no extra read needed
        }
        if (sawEOF && onHitEOF != null) onHitEOF.run();

        if (err != null) {
            if (n == 0) throw err;
            pending = err;
        }
        return atEnd && n == 0 ? -1 : n;
    }

    /** After a chunked body: reads the trailer fields and the blank line that ends the message. */
    @Mirrors(file = "net/http/transfer.go", func = "body.readTrailer")
    private void readTrailer() throws IOException {
        byte[] two = wire.peek(2);
        if (Arrays.equals(two, CRLF)) { // no trailer, the usual case
            wire.discard(2);
            return;
        }
        if (two.length < 2) throw new ProtocolException(TRAILER_EOF);
        // The trailer must end within one buffer, so a peer cannot make it grow without bound.
        if (!seeUpcomingDoubleCRLF(wire)) {
            throw new ProtocolException("http: suspiciously long trailer after chunked body");
        }
        Header fields;
        try {
            fields = Header.read(new Reader(wire));
        } catch (EOFException e) {
            throw new ProtocolException(TRAILER_EOF);
        }
        trailerSink.accept(fields);
    }

    /** Whether {@code \r\n\r\n} occurs within the first buffer-full of upcoming bytes. */
    @Mirrors(file = "net/http/transfer.go", func = "seeUpcomingDoubleCRLF")
    static boolean seeUpcomingDoubleCRLF(BufioReader r) throws IOException {
        int want = DOUBLE_CRLF.length;
        while (true) {
            byte[] seen = r.peek(Math.min(want, r.size()));
            if (indexOf(seen, DOUBLE_CRLF) >= 0) return true;
            if (seen.length < want || want >= r.size()) return false;
            // Examine everything buffered so far, and at least one byte more.
            want = Math.min(r.size(), Math.max(want + 1, r.buffered()));
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /**
     * Finishes with the body: reads what is left so the connection can carry the next message
     * (all of it, or at most {@link #MAX_POST_HANDLER_READ_BYTES} with early close), unless the
     * end was already seen or the connection closes anyway. Reports a read error met on the way.
     */
    @Override
    @Mirrors(file = "net/http/transfer.go", func = "body.Close")
    public void close() throws IOException {
        mu.lock(); // reentrant: the reads that drain the rest take it again
        try {
            if (closed) return;
            try {
                if (sawEOF) {
                    // nothing left to read
                } else if (trailerSink == null && closing) {
                    // nothing to learn from the rest, and the connection goes away
                } else if (doEarlyClose) {
                    discardUpToLimit();
                } else {
                    Discard.upTo(this, Long.MAX_VALUE);
                }
            } finally {
                closed = true;
            }
        } finally {
            mu.unlock();
        }
    }

    private void discardUpToLimit() throws IOException {
        if (src instanceof LimitedInput lr && lr.remaining() > MAX_POST_HANDLER_READ_BYTES) {
            earlyClose = true; // the announced rest is too long to be worth reading
            return;
        }
        long n = 0;
        try {
            n = Discard.upTo(this, MAX_POST_HANDLER_READ_BYTES);
        } finally {
            // Reading exactly the limit counts as giving up, even if the end was right there.
            if (n == MAX_POST_HANDLER_READ_BYTES) earlyClose = true;
        }
    }

    /** A consistent view of the body's progress, taken under its lock. */
    public record State(boolean closed, boolean sawEOF, long unreadDataSize) {}

    /**
     * Whether the body was closed, whether its end was reached, and how many bytes a
     * Content-Length still promises (-1 when not length-framed): what the server needs to decide
     * whether to drain the rest before answering.
     */
    @Mirrors(file = "net/http/transfer.go", func = "body.unreadDataSizeLocked")
    public State state() {
        mu.lock();
        try {
            long unread = src instanceof LimitedInput lr ? lr.remaining() : -1;
            return new State(closed, sawEOF, unread);
        } finally {
            mu.unlock();
        }
    }

    /** Reading a body after it was closed. */
    @Mirrors(file = "net/http/transfer.go", func = "ErrBodyReadAfterClose")
    public static final class ReadAfterCloseException extends IOException {
        public ReadAfterCloseException() {
            super(READ_AFTER_CLOSE);
        }
    }

    /** Whether close gave up discarding the rest (too much left), so the connection can't be reused. */
    @Mirrors(file = "net/http/transfer.go", func = "body.didEarlyClose")
    public boolean didEarlyClose() {
        mu.lock();
        try {
            return earlyClose;
        } finally {
            mu.unlock();
        }
    }

    /** Whether the body was not yet read to its end: later reads might return data. */
    @Mirrors(file = "net/http/transfer.go", func = "body.bodyRemains")
    public boolean bodyRemains() {
        mu.lock();
        try {
            return !sawEOF;
        } finally {
            mu.unlock();
        }
    }

    /**
     * Runs {@code f} when a read reaches the end of the body, on the reading thread, with the
     * body's lock held (so {@code f} must not use this body). It runs once: later reads stop
     * before it. Registering replaces an earlier callback. Returns false, and registers nothing,
     * when the end was reached already: the caller then knows to act at once.
     */
    @Mirrors(file = "net/http/transfer.go", func = "body.registerOnHitEOF")
    public boolean registerOnHitEOF(Runnable f) {
        mu.lock();
        try {
            if (sawEOF) return false;
            onHitEOF = f;
            return true;
        } finally {
            mu.unlock();
        }
    }

    /**
     * Server side: on close, read and discard at most {@link #MAX_POST_HANDLER_READ_BYTES}
     * instead of the whole rest. Set before the body is handed to a handler.
     */
    public void setDoEarlyClose(boolean v) {
        mu.lock();
        try {
            doEarlyClose = v;
        } finally {
            mu.unlock();
        }
    }
}
