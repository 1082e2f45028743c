package nethttp.transfer;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import nethttp.annotations.Mirrors;

/**
 * The body of a message that has none: always at its end, and closing it does nothing. There is
 * one instance, so code can ask {@code req.body == NoBody.INSTANCE} to learn that no body was
 * sent, as Go's server compares with {@code http.NoBody}.
 */
@Mirrors(file = "net/http/http.go", func = "NoBody")
public final class NoBody extends InputStream {
    /** The one empty body. */
    public static final NoBody INSTANCE = new NoBody();

    private NoBody() {}

    @Override
    public int read() {
        return -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? 0 : -1;
    }

    @Override
    public long transferTo(OutputStream out) {
        return 0;
    }

    @Override
    public void close() {
        // Nothing to release; reading after close still reports the end, as Go's does.
    }
}
