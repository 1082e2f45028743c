package nethttp.transport;

import java.io.IOException;
import nethttp.annotations.Mirrors;
import nethttp.gzip.Gunzip;
import nethttp.transfer.ReaderStream;

/**
 * The body of a response the transport asked to be gzipped, decompressed on the fly by
 * {@link Gunzip}, with Go's errors.
 *
 * <p>The gzip header is read lazily, on the first read, so that a caller who never reads does
 * not wait for the server. After the last gzip member, the compressed body is read to its end,
 * so that the connection goes back to the pool exactly as with a plain body; bytes after the
 * last member that do not start another one are an error, as in Go. An empty body reads as
 * empty.
 */
@Mirrors(file = "net/http/transport.go", func = "gzipReader")
final class GzipReader extends ReaderStream {
    private final BodyEOFSignal body;
    private final Gunzip zr;

    GzipReader(BodyEOFSignal body) {
        this.body = body;
        this.zr = new Gunzip(body);
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "gzipReader.Read")
    public int read(byte[] b, int off, int len) throws IOException {
        if (body.isClosed()) throw new IOException(BodyEOFSignal.READ_ON_CLOSED);
        return zr.read(b, off, len);
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "gzipReader.Close")
    public void close() throws IOException {
        zr.close(); // closes the body too
    }
}
