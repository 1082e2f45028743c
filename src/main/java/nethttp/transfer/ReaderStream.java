package nethttp.transfer;

import java.io.IOException;
import java.io.InputStream;

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
}
