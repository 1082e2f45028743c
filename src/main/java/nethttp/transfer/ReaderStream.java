package nethttp.transfer;

import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Reads and drops up to {@code limit} bytes of {@code in}, stopping early at its end; returns
     * how many were dropped. This is how a body is read out so that its connection can carry the
     * next message, without reading an endless one forever.
     */
    @Mirrors(file = "io/io.go", func = "CopyN")
    public static long discard(InputStream in, long limit) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(limit, 1))];
        long n = 0;
        while (n < limit) {
            int k = in.read(sink, 0, (int) Math.min(sink.length, limit - n));
            if (k < 0) break;
            n += k;
        }
        return n;
    }
}
