package nethttp.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import nethttp.annotations.Mirrors;

/**
 * Encodes writes in the chunked transfer coding: each write becomes one chunk,
 * {@code size-in-hex CRLF data CRLF}.
 *
 * <p>An empty write sends nothing, because an empty chunk would tell the peer the body ended.
 * {@link #close()} sends that last chunk, {@code 0\r\n}, and nothing more: the caller then writes
 * any trailer fields and the blank line that ends the message. Close does not close the
 * underlying stream (the connection lives on) and, like Go's, is not guarded against being
 * called twice; call it once. {@link #flush()} flushes the underlying stream.
 *
 * <p>Not thread-safe.
 */
@Mirrors(file = "net/http/internal/chunked.go", func = "chunkedWriter")
public final class ChunkedWriter extends WriterStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n'};

    private final OutputStream wire;

    @Mirrors(file = "net/http/internal/chunked.go", func = "NewChunkedWriter")
    public ChunkedWriter(OutputStream out) {
        this.wire = Objects.requireNonNull(out);
    }

    /** Writes {@code len} bytes as one chunk; nothing at all when {@code len} is zero. */
    @Override
    @Mirrors(file = "net/http/internal/chunked.go", func = "chunkedWriter.Write")
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) return;
        wire.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        wire.write(b, off, len);
        wire.write(CRLF);
    }

    @Override
    public void flush() throws IOException {
        wire.flush();
    }

    /** Writes the last chunk, {@code 0\r\n}; trailers and the final CRLF are the caller's. */
    @Override
    @Mirrors(file = "net/http/internal/chunked.go", func = "chunkedWriter.Close")
    public void close() throws IOException {
        wire.write(LAST_CHUNK);
    }
}
