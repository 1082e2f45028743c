package nethttp.transfer;

import java.io.IOException;
import java.io.InputStream;
import nethttp.core.Mirrors;

/**
 * A message body as read from a connection, framed by Content-Length or chunked encoding.
 * STUB: the transfer package fills this in.
 */
@Mirrors(file = "net/http/transfer.go", func = "body")
public final class Body extends InputStream {
    /** How much of an unread request body the server reads and throws away to keep a connection. */
    public static final long MAX_POST_HANDLER_READ_BYTES = 256 << 10;

    Body() {}

    @Override
    public int read() throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether close gave up discarding the rest (too much left), so the connection can't be reused. */
    @Mirrors(file = "net/http/transfer.go", func = "body.didEarlyClose")
    public boolean didEarlyClose() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether the body was not yet read to its end. */
    @Mirrors(file = "net/http/transfer.go", func = "body.bodyRemains")
    public boolean bodyRemains() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Runs {@code f} once, on the reading thread, when the body reaches its end. */
    @Mirrors(file = "net/http/transfer.go", func = "body.registerOnHitEOF")
    public void registerOnHitEOF(Runnable f) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A consistent view of the body's progress, taken under its lock. */
    public record State(boolean closed, boolean sawEOF, long unreadDataSize) {}

    /** Whether it was closed, whether its end was reached, and the bytes a Content-Length still promises (-1 if not length-framed). */
    @Mirrors(file = "net/http/transfer.go", func = "body.unreadDataSizeLocked")
    public State state() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Reading a body after it was closed. */
    @Mirrors(file = "net/http/transfer.go", func = "ErrBodyReadAfterClose")
    public static final class ReadAfterCloseException extends IOException {
        public ReadAfterCloseException() {
            super("http: invalid Read on closed Body");
        }
    }

    /** Server side: on close, read and discard up to {@link #MAX_POST_HANDLER_READ_BYTES}. */
    public void setDoEarlyClose(boolean v) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
