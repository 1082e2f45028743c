package nethttp.transfer;

import java.io.IOException;
import java.io.InputStream;
import nethttp.annotations.Mirrors;

/**
 * Reads at most a fixed number of bytes, then reports end of stream. {@link Body} asks it how
 * much is left: a Content-Length body that ends while bytes are still owed was cut short.
 */
@Mirrors(file = "io/io.go", func = "LimitedReader")
final class LimitedInput extends ReaderStream {
    private final InputStream in;
    private long remaining;

    LimitedInput(InputStream in, long limit) {
        this.in = in;
        this.remaining = limit;
    }

    /** The bytes still allowed (Go's {@code LimitedReader.N}). */
    long remaining() {
        return remaining;
    }

    @Override
    @Mirrors(file = "io/io.go", func = "LimitedReader.Read")
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) return -1;
        if (len == 0) return 0;
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) remaining -= n;
        return n;
    }
}
