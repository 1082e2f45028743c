package nethttp.transport;

import java.io.IOException;
import nethttp.annotations.Mirrors;

/**
 * A request was canceled by the transport's own bookkeeping (its connection was closed under
 * it by {@link Transport#cancelRequest}), with Go's text: {@value #CANCELED} or, while it was
 * still waiting for a connection, {@value #CANCELED_CONN}. A request canceled through its
 * context fails with the context's error instead.
 */
public final class RequestCanceledException extends IOException {
    @Mirrors(file = "net/http/transport.go", func = "errRequestCanceled")
    public static final String CANCELED = "net/http: request canceled";

    @Mirrors(file = "net/http/transport.go", func = "errRequestCanceledConn")
    public static final String CANCELED_CONN = "net/http: request canceled while waiting for connection";

    public RequestCanceledException(String message) {
        super(message);
    }

    /**
     * The error for a request canceled while it waits for a connection: the transport's plain
     * {@value #CANCELED} becomes {@value #CANCELED_CONN}; any other error, a context's included,
     * stays as it is.
     */
    static IOException whileWaiting(IOException err) {
        if (err instanceof RequestCanceledException rc && !rc.whileWaitingForConnection()) {
            return new RequestCanceledException(CANCELED_CONN);
        }
        return err;
    }

    /** Whether this is the canceled-while-waiting-for-a-connection variant. */
    public boolean whileWaitingForConnection() {
        return CANCELED_CONN.equals(getMessage());
    }
}
