package nethttp.server;

import java.io.IOException;
import nethttp.annotations.Mirrors;

/** Thrown by {@link Server#serve} and {@link Server#listenAndServe} after a shutdown or close. */
@Mirrors(file = "net/http/server.go", func = "ErrServerClosed")
public final class ServerClosedException extends IOException {
    public ServerClosedException() {
        super("http: Server closed");
    }
}
