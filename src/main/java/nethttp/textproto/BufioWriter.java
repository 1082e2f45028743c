package nethttp.textproto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import nethttp.annotations.Mirrors;

/**
 * A buffered writer that behaves as Go's {@code bufio.Writer}: a write that does not fit fills
 * the buffer to the brim, flushes it, and goes on; only a write into an empty buffer that is at
 * least as large as the buffer bypasses it. The JDK's {@code BufferedOutputStream} flushes
 * early instead, which would change where a chunked response's chunks begin and end.
 *
 * <p>The first error is remembered and returned by every later call, as Go's is.
 *
 * <p>The buffer is allocated by the first write that needs it, not by the constructor. A server
 * makes two of these per connection and request, and a handler blocked on a slow request body
 * has often written nothing yet: with ten thousand such connections the buffers nobody filled
 * would be 60 MB. A write that bypasses the buffer never allocates it.
 *
 * <p>Not thread-safe.
 */
@Mirrors(file = "bufio/bufio.go", func = "Writer")
public final class BufioWriter extends OutputStream {
    private final OutputStream out;
    private final int size;
    private byte[] buf; // null until a write needs it
    private int n;
    private IOException err;

    public BufioWriter(OutputStream out, int size) {
        this.out = out;
        this.size = size > 0 ? size : 4096; // Go's NewWriterSize falls back to its default too
    }

    /**
     * A writer that adopts {@code buf} as its buffer: one that an earlier writer gave up with
     * {@link #release()}, as Go's server takes its writers from a pool.
     */
    public BufioWriter(OutputStream out, byte[] buf) {
        this.out = out;
        this.size = buf.length;
        this.buf = buf;
    }

    /**
     * Gives up the buffer for another writer to adopt, if nothing waits in it; returns null when
     * bytes are still buffered or no buffer was ever allocated. A write after the release
     * allocates a buffer of its own, so a writer used after it was given up cannot write into
     * the buffer another writer now uses.
     */
    public byte[] release() {
        byte[] b = buf;
        if (n != 0 || b == null) return null;
        buf = null;
        return b;
    }

    /** Bytes buffered and not yet written. */
    @Mirrors(file = "bufio/bufio.go", func = "Writer.Buffered")
    public int buffered() {
        return n;
    }

    /** Free space in the buffer. */
    @Mirrors(file = "bufio/bufio.go", func = "Writer.Available")
    public int available() {
        return size - n;
    }

    /** The buffer, allocated on first use. */
    private byte[] buf() {
        byte[] b = buf;
        if (b == null) buf = b = new byte[size];
        return b;
    }

    @Override
    public void write(int b) throws IOException {
        if (err != null) throw err;
        if (n == size) flush();
        buf()[n++] = (byte) b;
    }

    @Override
    @Mirrors(file = "bufio/bufio.go", func = "Writer.Write")
    public void write(byte[] p, int off, int len) throws IOException {
        if (err != null) throw err;
        while (len > available()) {
            int k;
            if (n == 0) {
                k = len;
                try {
                    out.write(p, off, len);
                } catch (IOException e) {
                    err = e;
                    throw e;
                }
            } else {
                k = available();
                System.arraycopy(p, off, buf(), n, k);
                n += k;
                flushBuffer();
            }
            off += k;
            len -= k;
        }
        if (len == 0) return;
        System.arraycopy(p, off, buf(), n, len);
        n += len;
    }

    /** Writes a string of wire text, one byte per character. */
    public void writeString(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        write(b, 0, b.length);
    }

    /** Writes the buffered bytes to the stream below and flushes it. */
    @Override
    @Mirrors(file = "bufio/bufio.go", func = "Writer.Flush")
    public void flush() throws IOException {
        flushBuffer();
        try {
            out.flush();
        } catch (IOException e) {
            err = e;
            throw e;
        }
    }

    private void flushBuffer() throws IOException {
        if (err != null) throw err;
        if (n == 0) return;
        try {
            out.write(buf, 0, n);
        } catch (IOException e) {
            err = e;
            throw e;
        }
        n = 0;
    }

    /** Drops buffered bytes and the remembered error, for reuse. */
    public void reset() {
        n = 0;
        err = null;
    }
}
