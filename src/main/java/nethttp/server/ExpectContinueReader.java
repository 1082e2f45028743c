package nethttp.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nethttp.annotations.Mirrors;
import nethttp.transfer.Body;
import nethttp.transfer.ReaderStream;

/**
 * The request body handed to a handler when the client sent {@code Expect: 100-continue}: the
 * first read tells the client to go ahead by writing {@code HTTP/1.1 100 Continue}, unless the
 * handler has already started its response. A handler that never reads the body never sends
 * it, and the client never sends the body.
 */
@Mirrors(file = "net/http/server.go", func = "expectContinueReader")
final class ExpectContinueReader extends ReaderStream {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final InputStream body;
    private final Response resp;
    private volatile boolean closed;
    private volatile boolean sawEOF;

    ExpectContinueReader(InputStream body, Response resp) {
        this.body = body;
        this.resp = resp;
    }

    boolean sawEOF() {
        return sawEOF;
    }

    @Override
    @Mirrors(file = "net/http/server.go", func = "expectContinueReader.Read")
    public int read(byte[] p, int off, int len) throws IOException {
        if (closed) throw new Body.ReadAfterCloseException();
        Response w = resp;
        if (!w.wroteContinue && w.canWriteContinue.get() && !w.conn.isHijacked()) {
            w.wroteContinue = true;
            w.writeContinueMu.lock();
            try {
                if (w.canWriteContinue.get()) {
                    w.conn.bufw.write(CONTINUE, 0, CONTINUE.length);
                    w.conn.bufw.flush();
                    w.canWriteContinue.set(false);
                }
            } finally {
                w.writeContinueMu.unlock();
            }
        }
        int n = body.read(p, off, len);
        if (n < 0) sawEOF = true;
        return n;
    }

    @Override
    @Mirrors(file = "net/http/server.go", func = "expectContinueReader.Close")
    public void close() throws IOException {
        closed = true;
        body.close();
    }
}
