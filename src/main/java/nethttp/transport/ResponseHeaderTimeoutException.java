package nethttp.transport;

import java.net.SocketTimeoutException;
import nethttp.annotations.Mirrors;

/** {@link Transport#responseHeaderTimeout} passed after the request was written: Go's {@code errTimeout}. */
@Mirrors(file = "net/http/transport.go", func = "errTimeout")
public final class ResponseHeaderTimeoutException extends SocketTimeoutException {
    public ResponseHeaderTimeoutException() {
        super("net/http: timeout awaiting response headers");
    }
}
