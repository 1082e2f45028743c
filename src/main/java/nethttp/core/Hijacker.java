package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Implemented by response writers that can hand the raw connection over to the handler, which
 * then speaks whatever protocol it likes on it (WebSockets, CONNECT tunnels). After a hijack the
 * server neither reads from nor writes to the connection, and does not close it.
 */
@Mirrors(file = "net/http/server.go", func = "Hijacker")
public interface Hijacker {
    /**
     * Takes over the connection.
     *
     * @throws IOException when the connection was hijacked already, or cannot be, for example
     *     because the response was already sent
     */
    Hijacked hijack() throws IOException;

    /**
     * The taken-over connection: the socket, a stream that first yields any bytes the server had
     * read ahead but not used, and a stream that writes straight to the socket.
     */
    record Hijacked(Socket socket, InputStream in, OutputStream out) {}
}
