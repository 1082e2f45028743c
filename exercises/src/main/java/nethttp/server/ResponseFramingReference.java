package nethttp.server;

import nethttp.core.Request;
import nethttp.transfer.Transfer;

/**
 * Exercise 12's reference: the library's own framing decision ({@link ResponseFraming}, which
 * {@link ChunkWriter#writeHeader} takes), reached from the exercises module through this class in
 * its package, for the cases the exercise covers: keep-alives on, a request without a body, and a
 * handler that set its header before WriteHeader.
 */
public final class ResponseFramingReference {
    private ResponseFramingReference() {}

    /** Where the body ends, as the exercise names it. */
    public enum Body { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    /** The response's framing as the exercise sees it. */
    public record Outcome(Body body, long contentLength, String connection, boolean close) {}

    /**
     * Decides as the server does for a request {@code method HTTP/1.minor} with the Connection
     * field {@code requestConnection}, and a handler that set the given fields and status.
     */
    public static Outcome decide(String method, int minor, String requestConnection, int status, long contentLength,
            String transferEncoding, String connection, boolean trailers, boolean finished, int written) {
        Request req = new Request();
        req.method = method;
        req.protoMajor = 1;
        req.protoMinor = minor;
        if (!requestConnection.isEmpty()) req.header.set("Connection", requestConnection);
        req.close = Transfer.shouldClose(1, minor, req.header, false);

        String cl = contentLength == -1 ? "" : Long.toString(contentLength);
        boolean isHEAD = method.equals("HEAD");
        ResponseFraming.Decision d = ResponseFraming.decide(new ResponseFraming.Facts(isHEAD, req.protoAtLeast(1, 1),
                req.protoAtLeast(1, 0), req.wantsHttp10KeepAlive(), req.wantsClose(), false, true,
                status, finished, finished ? written : 0, contentLength, trailers, transferEncoding, cl, connection,
                !connection.isEmpty(), connection, false), () -> ResponseFraming.Leftover.DRAINED);

        Body body;
        if (isHEAD || !Transfer.bodyAllowedForStatus(status)) {
            body = Body.NONE;
        } else if (d.hasContentLength()) {
            body = Body.LENGTH;
        } else if (d.chunking()) {
            body = Body.CHUNKED;
        } else {
            body = Body.UNTIL_CLOSE;
        }
        long sentLength = d.autoContentLength() != null ? Long.parseLong(d.autoContentLength())
                : contentLength != -1 && !d.deleted().contains("Content-Length") ? contentLength : -1;
        String handlerConnection = d.deleted().contains("Connection") ? "" : connection;
        String sentConnection = d.connection().isEmpty() ? handlerConnection : d.connection();
        if (!handlerConnection.isEmpty() && !d.connection().isEmpty()) {
            throw new IllegalStateException("two Connection fields: " + handlerConnection + ", " + d.connection());
        }
        return new Outcome(body, sentLength, sentConnection, d.closeAfterReply());
    }
}
