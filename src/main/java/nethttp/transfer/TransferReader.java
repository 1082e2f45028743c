package nethttp.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nethttp.core.Header;
import nethttp.annotations.Mirrors;
import nethttp.textproto.Guts;
import nethttp.textproto.Quote;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.core.UnsupportedTransferEncodingException;
import nethttp.textproto.BufioReader;

/**
 * The framing decision for one message, request or response: the inputs taken from the message,
 * the outputs to put back into it. A request goes through the same rules as a 200 response to
 * GET, but for one: without a length or chunked coding, a request has no body, where such a
 * response runs until the connection closes.
 */
@Mirrors(file = "net/http/transfer.go", func = "transferReader")
final class TransferReader {
    // Inputs.
    private final Header header;
    private final int statusCode;
    private final String requestMethod;
    private final boolean isResponse;
    private int protoMajor;
    private int protoMinor;

    // Outputs.
    InputStream body;
    long contentLength;
    boolean chunked;
    boolean close;
    Header trailer;

    private TransferReader(Header header, int statusCode, String requestMethod, boolean isResponse,
            int protoMajor, int protoMinor, boolean close) {
        this.header = header;
        this.statusCode = statusCode;
        this.requestMethod = requestMethod;
        this.isResponse = isResponse;
        this.protoMajor = protoMajor;
        this.protoMinor = protoMinor;
        this.close = close;
    }

    /**
     * The inputs of a request. Whether its connection closes is decided here, from the version
     * and {@code Connection} as sent (Go's readRequest does so just before readTransfer).
     */
    static TransferReader forRequest(Request req) {
        boolean close = Transfer.shouldClose(req.protoMajor, req.protoMinor, req.header, false);
        return new TransferReader(req.header, 200, req.method, false, req.protoMajor, req.protoMinor, close);
    }

    /**
     * The inputs of a response. The method of the request it answers matters ({@code HEAD}
     * has no body); without a request, {@code GET} is assumed. A {@code Connection: close} on
     * HTTP/1.1 is consumed here and removed from the header.
     */
    static TransferReader forResponse(Response resp) {
        boolean close = Transfer.shouldClose(resp.protoMajor, resp.protoMinor, resp.header, true);
        String method = resp.request != null ? resp.request.method : "GET";
        return new TransferReader(resp.header, resp.statusCode, method, true, resp.protoMajor, resp.protoMinor, close);
    }

    /**
     * Decides the framing and builds the body over {@code r}. Trailer fields read at the end of
     * a chunked body go to {@code trailerSink}.
     */
    @Mirrors(file = "net/http/transfer.go", func = "readTransfer")
    void read(BufioReader r, Consumer<Header> trailerSink) throws IOException {
        if (protoMajor == 0 && protoMinor == 0) { // unset: HTTP/1.1
            protoMajor = 1;
            protoMinor = 1;
        }
        parseTransferEncoding();

        long realLength = Transfer.fixLength(isResponse, statusCode, requestMethod, header, chunked);
        if (isResponse && Transfer.noResponseBodyExpected(requestMethod)) {
            contentLength = Transfer.parseContentLength(header.get("Content-Length"));
        } else {
            contentLength = realLength;
        }

        trailer = Transfer.fixTrailer(header, chunked);

        if (isResponse && realLength == -1 && !chunked && Transfer.bodyAllowedForStatus(statusCode)) {
            close = true; // no framing: the body ends when the connection does
        }
        body = chooseBody(r, realLength, trailerSink);
    }

    // tag::choose-body[]
    private InputStream chooseBody(BufioReader r, long realLength,
            Consumer<Header> trailerSink) {
        if (chunked) {
            boolean noBody = isResponse && (Transfer.noResponseBodyExpected(requestMethod)
                    || !Transfer.bodyAllowedForStatus(statusCode));
            return noBody ? NoBody.INSTANCE : Body.chunked(r, trailerSink, close);
        }
        if (realLength == 0) return NoBody.INSTANCE;
        if (realLength > 0) return Body.ofLength(r, realLength, close);
        // Length unknown: on a closing connection, the rest of the stream.
        return close ? Body.untilClose(r) : NoBody.INSTANCE;
    }
    // end::choose-body[]

    /**
     * Reads and removes {@code Transfer-Encoding}. Ignored before HTTP/1.1. Otherwise exactly
     * one field, exactly {@code chunked} (any ASCII case), is accepted; chunked then overrides
     * and deletes any {@code Content-Length}, which a peer that framed by length would use.
     */
    // tag::parse-transfer-encoding[]
    @Mirrors(file = "net/http/transfer.go", func = "transferReader.parseTransferEncoding")
    private void parseTransferEncoding() throws UnsupportedTransferEncodingException {
        if (!header.has("Transfer-Encoding")) return;
        List<String> raw = new ArrayList<>(header.values("Transfer-Encoding"));
        header.del("Transfer-Encoding");

        if (!protoAtLeast(1, 1)) return;

        if (raw.size() != 1) {
            throw new UnsupportedTransferEncodingException(
                    "too many transfer encodings: " + Quote.quote(raw));
        }
        if (!Guts.equalFoldASCII(raw.get(0), "chunked")) {
            throw new UnsupportedTransferEncodingException(
                    "unsupported transfer encoding: " + Quote.quote(raw.get(0)));
        }
        header.del("Content-Length");
        chunked = true;
    }
    // end::parse-transfer-encoding[]

    private boolean protoAtLeast(int major, int minor) {
        return protoMajor > major || (protoMajor == major && protoMinor >= minor);
    }
}
