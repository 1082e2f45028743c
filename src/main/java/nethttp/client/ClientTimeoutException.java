package nethttp.client;

import java.io.IOException;
import java.net.SocketTimeoutException;
import nethttp.annotations.Mirrors;

/**
 * A request that ran out of its {@link Client#timeout}: the transport's error with a note of
 * where it happened, {@code context deadline exceeded (Client.Timeout exceeded while awaiting
 * headers)} or {@code ... (Client.Timeout or context cancellation while reading body)}.
 */
@Mirrors(file = "net/http/client.go", func = "httpError")
public final class ClientTimeoutException extends SocketTimeoutException {
    ClientTimeoutException(IOException cause, String note) {
        super(cause.getMessage() + " (" + note + ")");
        initCause(cause);
    }
}
