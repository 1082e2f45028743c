package nethttp.wire;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import nethttp.core.Header;
import nethttp.annotations.Mirrors;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.UnexpectedEOFException;
import nethttp.textproto.BufioReader;
import nethttp.textproto.Guts;
import nethttp.textproto.Quote;
import nethttp.textproto.Reader;
import nethttp.transfer.Transfer;
import nethttp.url.URL;
import nethttp.url.URLException;

/**
 * Reads one request from a connection: Go's {@code readRequest}. The checks only a server makes
 * on the result live with the server ({@code nethttp.server.RequestChecks}), as in Go.
 */
public final class ReadRequest {
    private ReadRequest() {}

    /**
     * Reads a request line, its header block and its body framing from {@code r}.
     *
     * <p>The request comes back with {@code method}, {@code requestURI}, {@code proto} and its
     * numbers, {@code url}, {@code header} (including {@code Host}, which
     * the server checks and removes), {@code host}, {@code close}, and what
     * {@link Transfer#readTransfer} sets: {@code body}, {@code contentLength},
     * {@code transferEncoding}, {@code trailer}. A {@code PRI * HTTP/2.0} preface with no header
     * gets an unknown length and {@code close}, so that only a handler that takes the
     * connection over can go on with it.
     *
     * @throws EOFException when the stream ends cleanly before the first byte of a request
     * @throws UnexpectedEOFException when it ends after part of a request
     * @throws ProtocolException for a malformed request, with Go's message (subclasses ask the
     *     server for replies other than a plain 400)
     */
    // tag::read-request[]
    @Mirrors(file = "net/http/request.go", func = "readRequest")
    public static Request readRequest(BufioReader r) throws IOException {
        Request req = readRequestHead(r);
        try {
            req.close =
                    Transfer.shouldClose(req.protoMajor, req.protoMinor, req.header, false);
            Transfer.readTransfer(req, r);
        } catch (EOFException e) {
            throw truncated(e);
        }
        if (isH2Upgrade(req)) {
            // neither chunked nor declared: the rest is the new protocol
            req.contentLength = -1;
            req.close = true;
        }
        return req;
    }
    // end::read-request[]

    /**
     * Everything {@link #readRequest} does before the body is framed: the request line, the
     * target, the header block, {@code Host} and {@code Pragma}. Kept apart so that the head can
     * be read and tested on its own.
     */
    @Mirrors(file = "net/http/request.go", func = "readRequest")
    static Request readRequestHead(BufioReader r) throws IOException {
        Reader tp = new Reader(r);
        String line = tp.readLine(); // an EOFException here is the clean end of a connection
        try {
            return parseHead(line, tp);
        } catch (EOFException e) {
            throw truncated(e);
        }
    }

    private static UnexpectedEOFException truncated(EOFException cause) {
        UnexpectedEOFException e = new UnexpectedEOFException();
        e.initCause(cause);
        return e;
    }

    // tag::parse-head[]
    private static Request parseHead(String line, Reader tp) throws IOException {
        RequestLine parts = RequestLine.parse(line)
                .orElseThrow(() -> badString("malformed HTTP request", line));
        Request req = new Request();
        req.method = parts.method();
        req.requestURI = parts.requestURI();
        req.proto = parts.proto();
        if (!validMethod(req.method)) throw badString("invalid method", req.method);
        HttpVersion version = HttpVersion.parse(req.proto)
                .orElseThrow(() -> badString("malformed HTTP version", req.proto));
        req.protoMajor = version.major();
        req.protoMinor = version.minor();
        req.url = parseTarget(req.method, req.requestURI);

        req.header = Header.read(tp);
        List<String> hosts = req.header.values("Host");
        if (hosts.size() > 1) throw new ProtocolException("too many Host headers");
        // An absolute target names the host itself; any Host header is then ignored
        // (RFC 7230 5.4).
        req.host = !req.url.host.isEmpty() ? req.url.host : req.header.get("Host");
        fixPragmaCacheControl(req.header);
        return req;
    }
    // end::parse-head[]

    /**
     * Parses the request target. {@code CONNECT} names an authority ({@code host:port}) that is
     * no URL on its own: it is parsed as the host of {@code http://host:port} and then stripped
     * of the scheme. A {@code CONNECT} to a path ({@code /_goRPC_}) is an ordinary target.
     */
    private static URL parseTarget(String method, String target) throws ProtocolException {
        boolean justAuthority = method.equals("CONNECT") && !target.startsWith("/");
        try {
            URL url = URL.parseRequestURI(justAuthority ? "http://" + target : target);
            if (justAuthority) url.scheme = "";
            return url;
        } catch (URLException e) {
            throw new ProtocolException(e.getMessage(), e);
        }
    }

    /** Whether {@code method} is a token, as every method (standard or extension) must be. */
    @Mirrors(file = "net/http/request.go", func = "validMethod")
    public static boolean validMethod(String method) {
        if (method.isEmpty()) return false;
        for (int i = 0; i < method.length(); i++) {
            if (!Guts.isTokenRune(method.charAt(i))) return false;
        }
        return true;
    }

    /**
     * HTTP/1.0 caches know only {@code Pragma: no-cache}; when it comes without a
     * {@code Cache-Control}, the request gets the modern equivalent so that handlers need look
     * at one field.
     */
    @Mirrors(file = "net/http/response.go", func = "fixPragmaCacheControl")
    static void fixPragmaCacheControl(Header header) {
        List<String> pragma = header.values("Pragma");
        if (!pragma.isEmpty() && pragma.get(0).equals("no-cache") && !header.has("Cache-Control")) {
            header.set("Cache-Control", "no-cache");
        }
    }

    /** Whether this is the start of the HTTP/2 connection preface, {@code PRI * HTTP/2.0}. */
    @Mirrors(file = "net/http/request.go", func = "Request.isH2Upgrade")
    public static boolean isH2Upgrade(Request req) {
        return req.method.equals("PRI") && req.header.isEmpty()
                && req.url.path.equals("*") && req.proto.equals("HTTP/2.0");
    }

    /** Go's {@code badStringError}: {@code what "value"}. */
    private static ProtocolException badString(String what, String value) {
        return new ProtocolException(what + " " + Quote.quote(value));
    }
}
