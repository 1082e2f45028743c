package nethttp.wire;

import java.io.IOException;
import nethttp.core.Mirrors;
import nethttp.core.Request;
import nethttp.textproto.BufioReader;

/** Reads one request from a connection. STUB: the wire package fills this in. */
public final class ReadRequest {
    private ReadRequest() {}

    /**
     * Reads a request line, header block and body framing.
     *
     * @throws java.io.EOFException when the stream ends cleanly before the first byte
     * @throws nethttp.core.ProtocolException for malformed input (subclasses ask for other replies)
     */
    /** Checks a request head as Go's server does before a handler sees it. STUB. */
    public static void validateForServer(Request req) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Mirrors(file = "net/http/request.go", func = "readRequest")
    public static Request readRequest(BufioReader r) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
