package nethttp.textproto;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import nethttp.annotations.Mirrors;

/**
 * A buffered reader with the operations HTTP parsing needs: read a line as a view of the buffer,
 * peek ahead without consuming, discard, and say how many bytes are buffered. It is Go's
 * {@code bufio.Reader}, which the server puts in front of every connection.
 *
 * <p>Lines longer than the buffer are returned in pieces ({@link #readLinePiece()} says whether
 * more of the same line follows), so a hostile peer cannot make the reader grow without bound;
 * limits on total size belong to the layer below (the server's read limit) or above.
 *
 * <p>Not thread-safe.
 */
@Mirrors(file = "bufio/bufio.go", func = "Reader")
public final class BufioReader extends InputStream {
    /** The buffer size Go's server uses for each connection. */
    public static final int DEFAULT_SIZE = 4096;

    private final InputStream in;
    private final byte[] buf;
    private int r; // read position
    private int w; // write position
    private boolean eof;
    private boolean lastPieceIncomplete;

    public BufioReader(InputStream in, int size) {
        this.in = in;
        this.buf = new byte[Math.max(size, 16)];
    }

    public BufioReader(InputStream in) {
        this(in, DEFAULT_SIZE);
    }

    /** The buffer's size: the longest piece {@link #readLinePiece()} returns. */
    public int size() {
        return buf.length;
    }

    /** How many bytes can be read without touching the underlying stream. */
    @Mirrors(file = "bufio/bufio.go", func = "Reader.Buffered")
    public int buffered() {
        return w - r;
    }

    /** Reads once from the underlying stream into free buffer space; false at end of stream. */
    private boolean fill() throws IOException {
        if (eof) return false;
        if (r > 0) {
            System.arraycopy(buf, r, buf, 0, w - r);
            w -= r;
            r = 0;
        }
        if (w == buf.length) throw new IllegalStateException("buffer full");
        int n = in.read(buf, w, buf.length - w);
        if (n < 0) {
            eof = true;
            return false;
        }
        w += n;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (r == w && !fill()) return -1;
        return buf[r++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (r == w) {
            // Large reads bypass the buffer, as Go's does.
            if (len >= buf.length) {
                if (eof) return -1;
                int n = in.read(b, off, len);
                if (n < 0) eof = true;
                return n;
            }
            if (!fill()) return -1;
        }
        int n = Math.min(len, w - r);
        System.arraycopy(buf, r, b, off, n);
        r += n;
        return n;
    }

    @Override
    public int available() {
        return buffered();
    }

    /**
     * Returns the next {@code n} bytes without consuming them, reading more when needed. Returns
     * fewer when the stream ends first; {@code n} may not exceed the buffer size.
     */
    @Mirrors(file = "bufio/bufio.go", func = "Reader.Peek")
    public byte[] peek(int n) throws IOException {
        if (n > buf.length) throw new IllegalArgumentException("peek beyond buffer size");
        while (w - r < n && fill()) {
            // keep reading until enough bytes are buffered or the stream ends
        }
        int have = Math.min(n, w - r);
        byte[] out = new byte[have];
        System.arraycopy(buf, r, out, 0, have);
        return out;
    }

    /**
     * Where {@code c} first occurs among the bytes already buffered, counted from the next unread
     * byte, or -1. Reads nothing from the stream. Unlike {@link #peek}, it copies nothing: a
     * caller that only asks whether a line is complete need not pay for a copy of the buffer.
     */
    public int indexOfBuffered(byte c) {
        for (int i = r; i < w; i++) {
            if (buf[i] == c) return i - r;
        }
        return -1;
    }

    /**
     * Returns the bytes up to and including the next {@code delim}, reading more when needed.
     * When the buffer fills without one, or the stream ends first, what was buffered is consumed
     * and lost with the failure, as in Go; a caller that reads a line it cannot go on without
     * (a chunk-size line) treats both as the end of the message.
     *
     * @throws BufferFullException when {@code delim} does not occur within {@link #size()} bytes
     * @throws EOFException when the stream ends before {@code delim}
     */
    @Mirrors(file = "bufio/bufio.go", func = "Reader.ReadSlice")
    public byte[] readSlice(byte delim) throws IOException {
        int searched = 0; // bytes after r already looked at, so a refill does not rescan them
        while (true) {
            for (int i = r + searched; i < w; i++) {
                if (buf[i] == delim) {
                    byte[] line = slice(r, i + 1);
                    r = i + 1;
                    return line;
                }
            }
            if (w - r >= buf.length) {
                r = w;
                throw new BufferFullException();
            }
            searched = w - r;
            if (!fill()) {
                r = w;
                throw new EOFException("EOF");
            }
        }
    }

    /** The buffer filled before the byte {@link #readSlice} looks for: Go's {@code ErrBufferFull}. */
    @Mirrors(file = "bufio/bufio.go", func = "ErrBufferFull")
    public static final class BufferFullException extends IOException {
        public BufferFullException() {
            super("bufio: buffer full");
        }
    }

    /** Skips up to {@code n} bytes; returns how many were skipped. */
    @Mirrors(file = "bufio/bufio.go", func = "Reader.Discard")
    public int discard(int n) throws IOException {
        int done = 0;
        while (done < n) {
            if (r == w && !fill()) break;
            int k = Math.min(n - done, w - r);
            r += k;
            done += k;
        }
        return done;
    }

    /**
     * Reads the next line, or as much of it as fits in the buffer, without its line ending.
     * The returned piece is a fresh array. Call {@link #lastPieceIncomplete()} to learn whether
     * the line goes on. At end of stream, a final line without a line ending is returned as if
     * it had one; after that, an {@link EOFException} is thrown. A read that fails with bytes of
     * the line already buffered is treated the same way: the partial line is returned, and the
     * failure is thrown by the next read, as Go's {@code ReadLine} does.
     *
     * <p>A {@code \r\n} ending is removed; a bare {@code \n} ending also is, as Go's does.
     */
    @Mirrors(file = "bufio/bufio.go", func = "Reader.ReadLine")
    public byte[] readLinePiece() throws IOException {
        int scanFrom = r;
        while (true) {
            for (int i = scanFrom; i < w; i++) {
                if (buf[i] == '\n') {
                    int end = i;
                    if (end > r && buf[end - 1] == '\r') end--;
                    byte[] line = slice(r, end);
                    r = i + 1;
                    lastPieceIncomplete = false;
                    return line;
                }
            }
            scanFrom = w;
            if (w - r == buf.length) {
                // Full buffer without a newline: hand out a piece, but keep a trailing '\r'
                // back so a "\r\n" split across pieces is still recognised.
                int end = w;
                if (buf[end - 1] == '\r') end--;
                byte[] piece = slice(r, end);
                r = end;
                lastPieceIncomplete = true;
                return piece;
            }
            int before = w - r;
            boolean more;
            try {
                more = fill();
            } catch (IOException e) {
                // Go's ReadLine hands back what did arrive and drops the error: a timeout or a
                // reset in the middle of a line yields that partial line. The error comes again
                // on the next read.
                if (r == w) throw e;
                more = false;
            }
            if (!more) {
                if (r == w) throw new EOFException("EOF");
                byte[] rest = slice(r, w);
                r = w;
                lastPieceIncomplete = false;
                return rest;
            }
            scanFrom = r + before;
        }
    }

    /** Whether the piece last returned by {@link #readLinePiece()} was cut by the buffer's size. */
    public boolean lastPieceIncomplete() {
        return lastPieceIncomplete;
    }

    private byte[] slice(int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(buf, from, out, 0, to - from);
        return out;
    }
}
