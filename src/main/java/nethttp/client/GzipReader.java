package nethttp.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import nethttp.core.Mirrors;
import nethttp.transfer.ReaderStream;

/**
 * The body of a response the transport asked to be gzipped, decompressed on the fly.
 *
 * <p>The gzip header is read lazily, on the first read, so that a caller who never reads does
 * not wait for the server. After the last gzip member, the compressed body is read to its end,
 * so that the connection goes back to the pool exactly as with a plain body; bytes after the
 * last member that do not start another one are an error, as in Go.
 */
@Mirrors(file = "net/http/transport.go", func = "gzipReader")
final class GzipReader extends ReaderStream {
    private final BodyEOFSignal body;
    private GZIPInputStream zr;
    private IOException zerr;

    GzipReader(BodyEOFSignal body) {
        this.body = body;
    }


    @Override
    @Mirrors(file = "net/http/transport.go", func = "gzipReader.Read")
    public int read(byte[] b, int off, int len) throws IOException {
        if (zr == null) {
            if (zerr == null) {
                try {
                    zr = new GZIPInputStream(body);
                } catch (ZipException e) {
                    zerr = new IOException("gzip: invalid header", e);
                } catch (IOException e) {
                    zerr = e;
                }
            }
            if (zerr != null) throw zerr;
        }
        if (body.isClosed()) throw new IOException(BodyEOFSignal.READ_ON_CLOSED);
        int n = zr.read(b, off, len);
        if (n < 0 && body.read() >= 0) throw new IOException("gzip: invalid header");
        return n;
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "gzipReader.Close")
    public void close() throws IOException {
        body.close();
    }
}
