package nethttp.transfer;

import java.io.IOException;
import nethttp.core.Header;
import nethttp.core.Mirrors;
import nethttp.core.Request;
import nethttp.textproto.BufioReader;

/**
 * How a message's body is framed. STUB: the transfer package fills this in.
 */
public final class Transfer {
    private Transfer() {}

    /**
     * Server side: decides the framing of a request whose line and header were read, and sets
     * {@code contentLength}, {@code transferEncoding}, {@code close}, {@code trailer} and
     * {@code body} (a {@link Body} or an empty stream).
     */
    @Mirrors(file = "net/http/transfer.go", func = "readTransfer")
    public static void readTransfer(Request req, BufioReader r) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether the connection should close after this message, from version and Connection. */
    @Mirrors(file = "net/http/transfer.go", func = "shouldClose")
    public static boolean shouldClose(int major, int minor, Header header, boolean removeCloseHeader) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether a response with this status may have a body (not 1xx, 204, 304). */
    @Mirrors(file = "net/http/transfer.go", func = "bodyAllowedForStatus")
    public static boolean bodyAllowedForStatus(int status) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
