package nethttp.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import nethttp.core.Handler;
import nethttp.core.Mirrors;

/** An HTTP/1.1 server. STUB: the public shape only; the server package fills it in. */
@Mirrors(file = "net/http/server.go", func = "Server")
public final class Server {
    /** {@code host:port} to listen on in {@link #listenAndServe()}; {@code ":http"} style allowed. */
    public String addr = "";
    /** The handler to call for each request. */
    public Handler handler;
    public Duration readTimeout = Duration.ZERO;
    public Duration readHeaderTimeout = Duration.ZERO;
    public Duration writeTimeout = Duration.ZERO;
    public Duration idleTimeout = Duration.ZERO;
    /** Largest header block accepted; 0 means 1 MiB. */
    public int maxHeaderBytes;

    /** Accepts connections on {@code l} and serves each on a virtual thread; blocks until closed. */
    @Mirrors(file = "net/http/server.go", func = "Server.Serve")
    public void serve(ServerSocket l) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Mirrors(file = "net/http/server.go", func = "Server.Close")
    public void close() throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
