package nethttp.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import nethttp.annotations.Mirrors;

/**
 * An {@link InputStream} shaped like Go's {@code io.Reader}: a subclass writes only the bulk
 * {@link #read(byte[], int, int)}, and the one-byte {@link #read()} is that read for a single
 * byte. The body readers of this library (chunked, length-limited, the request body and the
 * server's readers beneath and above it) all follow Go's code, where the bulk read is the only
 * one there is.
 */
public abstract class ReaderStream extends InputStream {
    protected ReaderStream() {}

    /**
     * Reads one byte through {@link #read(byte[], int, int)}; {@code -1} at the end of the stream.
     * A bulk read that gives back nothing for a one-byte buffer counts as the end too, rather
     * than inventing a byte.
     */
    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;

    /** The first buffer of {@link #readNBytes(int)}: Go's {@code io.ReadAll} starts at this size too. */
    static final int READ_ALL_START = 512;
    /** The largest array length every JVM allows. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * Reads to the end of the stream; see {@link #readNBytes(int)} for how little it holds while
     * it waits.
     */
    @Override
    @Mirrors(file = "io/io.go", func = "ReadAll")
    public byte[] readAllBytes() throws IOException {
        return readNBytes(Integer.MAX_VALUE);
    }

    /**
     * Reads up to {@code len} bytes, stopping early at the end of the stream. The buffer starts
     * at 512 bytes, as Go's {@code io.ReadAll} does, and doubles as it fills. The JDK's version
     * starts with 16 KiB, which a handler reading a small request body holds for as long as the
     * client takes to send it: on a server with thousands of such requests in flight, that buffer
     * was most of the memory of each connection.
     */
    @Override
    public byte[] readNBytes(int len) throws IOException {
        if (len < 0) throw new IllegalArgumentException("len < 0");
        byte[] b = new byte[Math.min(len, READ_ALL_START)];
        int n = 0;
        while (n < len) {
            if (n == b.length) {
                if (b.length == MAX_ARRAY) throw new OutOfMemoryError("Required array size too large");
                b = Arrays.copyOf(b, (int) Math.min(Math.min(len, MAX_ARRAY), 2L * b.length));
            }
            int k = read(b, n, b.length - n);
            if (k < 0) break;
            n += k;
        }
        return n == b.length ? b : Arrays.copyOf(b, n);
    }
}
