package nethttp.mux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import nethttp.core.Header;
import nethttp.core.ResponseWriter;

/**
 * A response writer that keeps what a handler did, in the manner of Go's
 * {@code httptest.ResponseRecorder}: the first status written (200 when the handler only wrote a
 * body), the header as it was when the status was written, and the body bytes.
 */
public final class RecordingWriter implements ResponseWriter {
    private final Header header = new Header();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private Header sentHeader;
    private int status;
    private int writeHeaderCalls;

    @Override
    public Header header() {
        return header;
    }

    @Override
    public int write(byte[] b, int off, int len) {
        if (status == 0) writeHeader(200);
        body.write(b, off, len);
        return len;
    }

    @Override
    public void writeHeader(int statusCode) {
        writeHeaderCalls++;
        if (status != 0) return;
        status = statusCode;
        sentHeader = header.copy();
    }

    /** The status sent, or 0 when the handler neither wrote a status nor a body. */
    public int status() {
        return status;
    }

    /** The header as sent with the status (a snapshot), or the live header when nothing was sent. */
    public Header sentHeader() {
        return sentHeader == null ? header : sentHeader;
    }

    /** The body as UTF-8 text. */
    public String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    /** The body's bytes, one char per byte. */
    public String bodyBytes() {
        return body.toString(StandardCharsets.ISO_8859_1);
    }

    public int writeHeaderCalls() {
        return writeHeaderCalls;
    }
}
