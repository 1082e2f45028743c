package nethttp.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;
import nethttp.annotations.Mirrors;

/**
 * The body of a response fetched under a {@link Client#timeout}: the timeout still runs while
 * the body is read, so a read that fails because it expired says so, and closing the body
 * stops the timer.
 */
@Mirrors(file = "net/http/client.go", func = "cancelTimerBody")
final class CancelTimerBody extends InputStream {
    private final Runnable stop;
    private final InputStream body;
    private final BooleanSupplier didTimeout;

    CancelTimerBody(Runnable stop, InputStream body, BooleanSupplier didTimeout) {
        this.stop = stop;
        this.body = body;
        this.didTimeout = didTimeout;
    }

    @Override
    public int read() throws IOException {
        try {
            return body.read();
        } catch (IOException e) {
            throw explained(e);
        }
    }

    @Override
    @Mirrors(file = "net/http/client.go", func = "cancelTimerBody.Read")
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return body.read(b, off, len);
        } catch (IOException e) {
            throw explained(e);
        }
    }

    private IOException explained(IOException e) {
        if (!didTimeout.getAsBoolean()) return e;
        return new ClientTimeoutException(e, "Client.Timeout or context cancellation while reading body");
    }

    @Override
    @Mirrors(file = "net/http/client.go", func = "cancelTimerBody.Close")
    public void close() throws IOException {
        try {
            body.close();
        } finally {
            stop.run();
        }
    }
}
