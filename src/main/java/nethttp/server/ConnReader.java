package nethttp.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.annotations.Mirrors;
import nethttp.event.ThreadRole;
import nethttp.event.TracedThread;
import nethttp.transfer.ReaderStream;

/**
 * The stream under a connection's {@code BufioReader}: it limits how much a request head may
 * read, applies read deadlines, and runs the background read.
 *
 * <p><b>Read limit.</b> While a request line and header are read, at most {@code
 * MaxHeaderBytes + 4096} bytes may come through; after that, reads report end of stream, and the
 * server answers 431.
 *
 * <p><b>Background read.</b> While a handler runs and the request body has been read, a
 * separate virtual thread waits for one more byte from the peer. It notices a client that hangs
 * up, which cancels the request's context, and the byte it gets, usually the start of the next
 * request, is handed to the next read. Go starts it for every request; here it starts when
 * someone first looks at the request's context ({@link RequestContext}), after a probe of the
 * socket that lets that first look see a hang-up that happened before it.
 *
 * <p><b>How this differs from Go.</b> Go stops a pending background read by moving the socket's
 * read deadline into the past. A Java socket read cannot be cut short that way, so this class
 * never stops it: a later foreground read waits for the pending one to finish and takes over its
 * result (a byte, an end of stream, or an error that a new read will meet again). Deadlines
 * still hold, because the foreground read waits on a condition with the deadline as its limit.
 */
@Mirrors(file = "net/http/server.go", func = "connReader")
final class ConnReader extends ReaderStream {
    private final Conn conn;
    private final InputStream socketIn;

    private final ReentrantLock mu = new ReentrantLock();
    private final Condition readDone = mu.newCondition();
    private boolean inRead; // a background read is in flight
    private boolean hasByte;
    private byte byteBuf;
    private long remain = Long.MAX_VALUE;
    private long deadline; // System.nanoTime() by which a read must finish; 0 for none

    ConnReader(Conn conn, InputStream socketIn) {
        this.conn = conn;
        this.socketIn = socketIn;
    }

    @Mirrors(file = "net/http/server.go", func = "connReader.setReadLimit")
    void setReadLimit(long remain) {
        this.remain = remain;
    }

    @Mirrors(file = "net/http/server.go", func = "connReader.setInfiniteReadLimit")
    void setInfiniteReadLimit() {
        this.remain = Long.MAX_VALUE;
    }

    /** Bytes the limit still allows; compared with the initial limit, it tells whether a request began. */
    long remain() {
        return remain;
    }

    @Mirrors(file = "net/http/server.go", func = "connReader.hitReadLimit")
    boolean hitReadLimit() {
        return remain <= 0;
    }

    /** Reads after this instant fail with a timeout; 0 clears it. Like Go's SetReadDeadline. */
    void setReadDeadline(long nanoTime) {
        this.deadline = nanoTime;
    }

    /**
     * Starts watching for the next byte on a new virtual thread, unless a byte is held already or
     * a background read is still in flight. The latter happens when pipelined requests arrived
     * together: the previous request's watch is still waiting behind them, and it serves this
     * request just as well.
     *
     * <p>Go starts this read for every request, so by the time a handler looks at its context,
     * a client that hung up earlier has long been noticed. Here the watch starts only at that
     * first look, so it first probes the socket, waiting at most {@link #PROBE_MILLIS}: what is
     * there already (the end of the stream, a reset, a byte) settles the read at once, and the
     * look sees it. Only a socket with nothing to read gets the thread.
     */
    // tag::start-background-read[]
    @Mirrors(file = "net/http/server.go", func = "connReader.startBackgroundRead")
    void startBackgroundRead() {
        mu.lock();
        try {
            if (inRead || hasByte) return;
            inRead = true;
            deadline = 0;
        } finally {
            mu.unlock();
        }
        if (probe()) return;
        conn.startThread(ThreadRole.BACKGROUND_READ, "background-read", this::backgroundRead);
    }

    /** How long the probe at the start of a watch waits: the shortest socket timeout. */
    static final int PROBE_MILLIS = 1;

    /** Reads what the peer sent already; false, nothing settled, if it sent nothing yet. */
    private boolean probe() {
        int b;
        try {
            conn.setSocketTimeout(PROBE_MILLIS);
            b = socketIn.read();
        } catch (SocketTimeoutException nothingYet) {
            return false;
        } catch (IOException e) {
            b = -1; // a reset: the next foreground read meets it again
        }
        backgroundReadDone(b);
        return true;
    }
    // end::start-background-read[]

    // tag::background-read[]
    @Mirrors(file = "net/http/server.go", func = "connReader.backgroundRead")
    private void backgroundRead(TracedThread t) {
        int b = -1;
        try {
            t.parked("read next byte");
            conn.setSocketTimeout(0);
            b = socketIn.read();
        } catch (IOException e) {
            // The next foreground read meets the same end or error and reports it.
        } finally {
            t.running();
            backgroundReadDone(b);
        }
    }

    /** Keeps the byte read, or reports the peer's end; wakes a waiting foreground read. */
    private void backgroundReadDone(int b) {
        if (b < 0) conn.handleReadError(); // before the next request can be read
        mu.lock();
        try {
            if (b >= 0) {
                hasByte = true;
                byteBuf = (byte) b;
            }
            inRead = false;
            readDone.signalAll();
        } finally {
            mu.unlock();
        }
    }
    // end::background-read[]

    @Override
    @Mirrors(file = "net/http/server.go", func = "connReader.Read")
    public int read(byte[] p, int off, int len) throws IOException {
        mu.lock();
        try {
            awaitBackgroundRead();
            if (hitReadLimit()) return -1;
            if (len == 0) return 0;
            if (len > remain) len = (int) remain;
            if (hasByte) {
                p[off] = byteBuf;
                hasByte = false;
                remain--;
                return 1;
            }
        } finally {
            mu.unlock();
        }
        long timeout = timeoutMillis();
        conn.setSocketTimeout(timeout);
        int n = socketIn.read(p, off, len);
        if (n > 0) remain -= n;
        return n;
    }

    /** Waits, within the deadline, for a background read in flight to finish. Holds {@code mu}. */
    // tag::await-background-read[]
    private void awaitBackgroundRead() throws IOException {
        while (inRead) {
            try {
                if (deadline == 0) {
                    readDone.await();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) throw new SocketTimeoutException("i/o timeout");
                    readDone.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(
                        "interrupted waiting for background read");
            }
        }
    }
    // end::await-background-read[]

    /** The socket timeout for a read starting now: the time left until the deadline, 0 for none. */
    // tag::read-deadline[]
    private long timeoutMillis() throws SocketTimeoutException {
        if (deadline == 0) return 0;
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new SocketTimeoutException("i/o timeout");
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
    }
    // end::read-deadline[]
}
