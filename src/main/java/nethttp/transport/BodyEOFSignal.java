package nethttp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.annotations.Mirrors;
import nethttp.transfer.Body;
import nethttp.transfer.ReaderStream;

/**
 * The response body a caller reads: it tells the connection's read loop how reading ended.
 *
 * <p>Reading to the end calls {@code fn} with no error (the loop may then pool the connection,
 * and the final read waits until it has decided, so that a request made right after finds the
 * connection idle). A read error calls {@code fn} with the error. Closing before the end calls
 * {@code earlyCloseFn} instead: the rest is not read, and the connection is closed. Either runs
 * at most once.
 *
 * <p>The end counts as reached as soon as the framing knows it, in the read that returned the
 * last bytes, as Go's body returns its last bytes together with {@code io.EOF}: a caller that
 * reads exactly the announced length and closes keeps the connection reusable.
 */
@Mirrors(file = "net/http/transport.go", func = "bodyEOFSignal")
final class BodyEOFSignal extends ReaderStream {
    /** Go's {@code errReadOnClosedResBody}. */
    static final String READ_ON_CLOSED = "http: read on closed response body";

    /** What to do when the body ends: given null at the end, or the read error; returns the error to throw. */
    interface EndFn {
        IOException apply(IOException err);
    }

    private final InputStream body;
    private final ReentrantLock mu = new ReentrantLock();
    private boolean closed;
    private boolean sawEOF;
    private IOException rerr;
    private EndFn fn;
    private final Runnable earlyCloseFn;

    BodyEOFSignal(InputStream body, EndFn fn, Runnable earlyCloseFn) {
        this.body = body;
        this.fn = fn;
        this.earlyCloseFn = earlyCloseFn;
    }


    @Override
    @Mirrors(file = "net/http/transport.go", func = "bodyEOFSignal.Read")
    public int read(byte[] b, int off, int len) throws IOException {
        mu.lock();
        try {
            if (closed) throw new IOException(READ_ON_CLOSED);
            if (rerr != null) throw rerr;
            if (sawEOF) return -1;
        } finally {
            mu.unlock();
        }
        int n;
        try {
            n = body.read(b, off, len);
        } catch (IOException e) {
            mu.lock();
            try {
                if (rerr == null) rerr = e;
                IOException mapped = condfn(e);
                throw mapped == null ? e : mapped;
            } finally {
                mu.unlock();
            }
        }
        if (n < 0 || endKnown()) {
            mu.lock();
            try {
                sawEOF = true;
                IOException err = condfn(null);
                if (err != null) throw err;
            } finally {
                mu.unlock();
            }
        }
        return n;
    }

    /** Whether the framing below already saw the end, so no further read is needed to learn it. */
    private boolean endKnown() {
        return body instanceof Body framed && !framed.bodyRemains();
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "bodyEOFSignal.Close")
    public void close() throws IOException {
        mu.lock();
        try {
            if (closed) return;
            closed = true;
            if (!sawEOF && !endKnown()) {
                fn = null;
                earlyCloseFn.run();
                return;
            }
            sawEOF = true;
            IOException err = null;
            try {
                body.close();
            } catch (IOException e) {
                err = e;
            }
            err = condfn(err);
            if (err != null) throw err;
        } finally {
            mu.unlock();
        }
    }

    /** Whether the caller closed the body: a gzip reader above checks it. */
    boolean isClosed() {
        mu.lock();
        try {
            return closed;
        } finally {
            mu.unlock();
        }
    }

    @Mirrors(file = "net/http/transport.go", func = "bodyEOFSignal.condfn")
    private IOException condfn(IOException err) {
        if (fn == null) return err;
        IOException out = fn.apply(err);
        fn = null;
        return out;
    }
}
