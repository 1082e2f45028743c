package nethttp.transport;

import java.io.IOException;
import nethttp.annotations.Mirrors;

/**
 * The server closed a kept-alive connection just as a request was sent on it. The transport
 * retries such a request on another connection when that is safe; otherwise the caller sees
 * this, with Go's text.
 */
@Mirrors(file = "net/http/transport.go", func = "errServerClosedIdle")
public final class ServerClosedIdleException extends IOException {
    public ServerClosedIdleException() {
        super("http: server closed idle connection");
    }
}
