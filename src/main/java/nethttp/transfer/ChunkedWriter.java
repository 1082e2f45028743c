package nethttp.transfer;

import java.io.IOException;
import java.io.OutputStream;
import nethttp.core.Mirrors;

/**
 * Writes chunked transfer coding. STUB: the transfer package fills this in. {@link #close()}
 * writes the last chunk {@code 0\r\n} only; the caller writes trailers and the final CRLF.
 */
@Mirrors(file = "net/http/internal/chunked.go", func = "chunkedWriter")
public final class ChunkedWriter extends OutputStream {
    public ChunkedWriter(OutputStream out) {}

    @Override
    public void write(int b) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
