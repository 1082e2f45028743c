package nethttp.transfer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An {@link OutputStream} shaped like Go's {@code io.Writer}: a subclass writes only the bulk
 * {@link #write(byte[], int, int)}, and writing one byte is that write of a one-byte array. For
 * writers whose every write has a meaning on the wire (a chunk, a checked socket write), so a
 * single byte must take the same path as many.
 */
public abstract class WriterStream extends OutputStream {
    protected WriterStream() {}

    /** Writes one byte through {@link #write(byte[], int, int)}. */
    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public abstract void write(byte[] b, int off, int len) throws IOException;
}
