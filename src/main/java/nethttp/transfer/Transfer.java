package nethttp.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nethttp.core.Header;
import nethttp.annotations.Mirrors;
import nethttp.textproto.Guts;
import nethttp.textproto.HeaderTokens;
import nethttp.textproto.Quote;
import nethttp.textproto.WireString;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.textproto.BufioReader;
import nethttp.textproto.CanonicalKey;

/**
 * How a message's body is framed: the rules that decide where one message ends and the next
 * begins on a connection.
 *
 * <p>An HTTP/1.1 message body has one of three framings: a {@code Content-Length} counts its
 * bytes; {@code Transfer-Encoding: chunked} sends it in self-delimiting chunks; or (responses
 * only) it runs until the connection closes. A request with neither header has no body.
 *
 * <p>If a server and a proxy in front of it disagreed about the framing of a request, bytes one
 * of them took as a body the other would take as a new request: request smuggling. The
 * functions here therefore refuse every ambiguous framing: any transfer coding but a single
 * {@code chunked}; several Transfer-Encoding fields; Content-Length fields that disagree. When
 * Transfer-Encoding and Content-Length come together, chunked wins and the Content-Length field
 * is deleted, so nothing later can act on it.
 *
 * <p>The per-message state of the decision lives in {@link TransferReader}; this class holds the
 * entry point and the rules, each a small function that the response side uses too.
 */
public final class Transfer {
    private Transfer() {}

    /**
     * Server side: decides the framing of a request whose line and header were read, and sets
     * {@code close}, {@code contentLength}, {@code transferEncoding} (to {@code ["chunked"]} when
     * chunked), {@code trailer} (the announced keys, values empty until the body's end) and
     * {@code body}: a {@link Body}, or {@link NoBody#INSTANCE} when there is no body.
     *
     * <p>It removes from the header what it consumed: {@code Transfer-Encoding} always (on
     * HTTP/1.0 it is ignored, as a 1.0 peer cannot mean it), {@code Content-Length} when
     * chunked wins over it or when it is empty, duplicated identical {@code Content-Length}
     * fields collapse to one, and {@code Trailer} on a chunked request.
     *
     * @throws UnsupportedTransferEncodingException for a transfer coding other than one
     *     {@code chunked} (a server answers 501)
     * @throws ProtocolException for a bad or conflicting Content-Length, or a forbidden trailer
     *     key (a server answers 400)
     */
    @Mirrors(file = "net/http/transfer.go", func = "readTransfer")
    @Mirrors(file = "net/http/request.go", func = "readRequest")
    public static void readTransfer(Request req, BufioReader r) throws IOException {
        TransferReader t = TransferReader.forRequest(req);
        t.read(r, fields -> req.trailer = mergeSetHeader(req.trailer, fields));
        req.body = t.body;
        req.contentLength = t.contentLength;
        if (t.chunked) req.transferEncoding = List.of("chunked");
        req.close = t.close;
        req.trailer = t.trailer;
    }

    /**
     * Client side: decides the framing of a response whose status line and header were read,
     * and sets {@code close}, {@code contentLength}, {@code transferEncoding}, {@code trailer}
     * and {@code body}, as {@link #readTransfer(Request, BufioReader)} does for a request, with
     * the response's own rules:
     * <ul>
     *   <li>a response to {@code HEAD}, and a 1xx, 204 or 304 response, has no body whatever its
     *       header says; for {@code HEAD}, {@code contentLength} is still the announced length
     *       ({@code -1} when none);</li>
     *   <li>without chunking or a {@code Content-Length}, a response that may have a body runs
     *       until the connection closes: {@code close} is set and the body reads to the end of
     *       the stream;</li>
     *   <li>{@code Connection: close} on HTTP/1.1 becomes {@code close} and leaves the header.</li>
     * </ul>
     * The request the response answers is {@code resp.request} (null means {@code GET}).
     *
     * @throws UnsupportedTransferEncodingException for a transfer coding other than one
     *     {@code chunked}
     * @throws ProtocolException for a bad or conflicting Content-Length, or a forbidden trailer key
     */
    @Mirrors(file = "net/http/transfer.go", func = "readTransfer")
    public static void readTransfer(Response resp, BufioReader r) throws IOException {
        TransferReader t = TransferReader.forResponse(resp);
        t.read(r, fields -> resp.trailer = mergeSetHeader(resp.trailer, fields));
        resp.body = t.body;
        resp.contentLength = t.contentLength;
        if (t.chunked) resp.transferEncoding = List.of("chunked");
        resp.close = t.close;
        resp.trailer = t.trailer;
    }

    /** Adds trailer fields read after the body to those announced, replacing their empty values. */
    @Mirrors(file = "net/http/transfer.go", func = "mergeSetHeader")
    private static Header mergeSetHeader(Header dst, Header src) {
        if (dst == null) return src;
        src.asMap().forEach(dst::setRaw);
        return dst;
    }

    /**
     * The body length a message's header announces: {@code -1} when the value is empty, else
     * its decimal value. Blanks around it are ignored; anything but digits (signs included), or a
     * value beyond 2^63-1, fails with Go's text {@code bad Content-Length "+3"}.
     */
    // tag::parse-content-length[]
    @Mirrors(file = "net/http/transfer.go", func = "parseContentLength")
    public static long parseContentLength(String cl) throws ProtocolException {
        cl = Header.trim(cl);
        if (cl.isEmpty()) return -1;
        long n = 0;
        for (int i = 0; i < cl.length(); i++) {
            char c = cl.charAt(i);
            if (c < '0' || c > '9' || n > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw badStringError("bad Content-Length", cl);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
    // end::parse-content-length[]

    /**
     * The length of a message body by the rules of RFC 7230 section 3.3: {@code 0} for a message
     * that cannot have one (a response to HEAD, a 1xx, 204 or 304 response) or a request that
     * announces none; {@code -1} for chunked and for a response that runs until close; else the
     * Content-Length. Several Content-Length fields must agree (after trimming) and become one;
     * an empty one is deleted.
     */
    // tag::fix-length[]
    @Mirrors(file = "net/http/transfer.go", func = "fixLength")
    public static long fixLength(boolean isResponse, int status, String requestMethod,
            Header header,
            boolean chunked) throws ProtocolException {
        List<String> contentLens = new ArrayList<>(header.values("Content-Length"));
        if (contentLens.size() > 1) {
            String first = Header.trim(contentLens.get(0));
            for (String other : contentLens.subList(1, contentLens.size())) {
                if (!first.equals(Header.trim(other))) {
                    throw new ProtocolException(
                            "http: message cannot contain multiple Content-Length headers;"
                            + " got " + Quote.quote(contentLens));
                }
            }
            header.set("Content-Length", first);
            contentLens = List.of(first);
        }

        if (isResponse && noResponseBodyExpected(requestMethod)) return 0;
        if (status / 100 == 1 || status == 204 || status == 304) return 0;
        if (chunked) return -1;

        String cl = contentLens.size() == 1 ? Header.trim(contentLens.get(0)) : "";
        if (!cl.isEmpty()) return parseContentLength(cl);
        header.del("Content-Length");

        // A request says nothing of a body: it has none. A response runs until close.
        return isResponse ? -1 : 0;
    }
    // end::fix-length[]

    /**
     * The trailer keys a chunked message announces in its {@code Trailer} field(s), with empty
     * values; the field is then removed from the header. Without chunking the field stays and
     * nothing is announced. Keys that frame the message ({@code Transfer-Encoding},
     * {@code Trailer}, {@code Content-Length}) may not come late: Go's text
     * {@code bad trailer key "Content-Length"}.
     *
     * @return the announced keys; null when there are none, as Go's nil
     */
    @Mirrors(file = "net/http/transfer.go", func = "fixTrailer")
    public static Header fixTrailer(Header header, boolean chunked) throws ProtocolException {
        if (!header.has("Trailer") || !chunked) return null;
        Header trailer = new Header();
        List<String> vv = new ArrayList<>(header.values("Trailer"));
        header.del("Trailer");
        for (String v : vv) {
            for (String key : HeaderTokens.elements(v)) {
                key = CanonicalKey.canonicalize(key);
                switch (key) {
                    case "Transfer-Encoding", "Trailer", "Content-Length" -> throw badStringError("bad trailer key", key);
                    default -> trailer.setRaw(key, List.of());
                }
            }
        }
        return trailer.isEmpty() ? null : trailer;
    }

    /**
     * Whether the connection should close after this message. Below HTTP/1.0 always; on
     * HTTP/1.0 unless {@code Connection} lists {@code keep-alive} and not {@code close}; from
     * HTTP/1.1 on only when it lists {@code close}. With {@code removeCloseHeader}, a
     * {@code Connection} field that asked to close is deleted (a response read by a client).
     */
    @Mirrors(file = "net/http/transfer.go", func = "shouldClose")
    public static boolean shouldClose(int major, int minor, Header header, boolean removeCloseHeader) {
        if (major < 1) return true;
        List<String> conv = header.values("Connection");
        boolean hasClose = Guts.headerValuesContainsToken(conv, "close");
        if (major == 1 && minor == 0) {
            return hasClose || !Guts.headerValuesContainsToken(conv, "keep-alive");
        }
        if (hasClose && removeCloseHeader) header.del("Connection");
        return hasClose;
    }

    /** Whether a response with this status may have a body (not 1xx, 204, 304). */
    @Mirrors(file = "net/http/transfer.go", func = "bodyAllowedForStatus")
    public static boolean bodyAllowedForStatus(int status) {
        if (status >= 100 && status <= 199) return false;
        return status != 204 && status != 304;
    }

    /**
     * The framing fields a response with this status must not carry: Content-Type too for 304
     * (RFC 7232 section 4.1), the length fields for any other status without a body, none else.
     */
    @Mirrors(file = "net/http/transfer.go", func = "suppressedHeaders")
    public static List<String> suppressedHeaders(int status) {
        if (status == 304) return List.of("Content-Type", "Content-Length", "Transfer-Encoding");
        if (!bodyAllowedForStatus(status)) return List.of("Content-Length", "Transfer-Encoding");
        return List.of();
    }

    /**
     * A trailer of a request sent through the client's transport as it goes on the wire: its
     * values are the user's text, so every one that is not ASCII becomes its UTF-8 bytes, as Go
     * sends a string (half of a surrogate pair becomes U+FFFD; the body has been sent by then,
     * too late to refuse the request). The trailer itself is left alone, since its owner may
     * still be filling it in; a copy is made only when a value changes. The rule for values is
     * {@link WireString}'s.
     */
    public static Header textTrailerOnWire(Header trailer) {
        Header wire = trailer;
        for (Map.Entry<String, List<String>> field : trailer.asMap().entrySet()) {
            List<String> values = field.getValue();
            if (values.stream().allMatch(WireString::isAscii)) continue;
            List<String> encoded = new ArrayList<>(values.size());
            for (String v : values) encoded.add(WireString.fromTextReplacing(v));
            if (wire == trailer) wire = trailer.copy();
            wire.setRaw(field.getKey(), encoded);
        }
        return wire;
    }

    /** Whether a response to this method has no body whatever its header says: HEAD. */
    @Mirrors(file = "net/http/transfer.go", func = "noResponseBodyExpected")
    public static boolean noResponseBodyExpected(String requestMethod) {
        return "HEAD".equals(requestMethod);
    }

    /** Whether the outermost transfer coding is {@code chunked}. */
    @Mirrors(file = "net/http/transfer.go", func = "chunked")
    public static boolean isChunked(List<String> te) {
        return !te.isEmpty() && "chunked".equals(te.get(0));
    }

    /** Whether the transfer codings are exactly {@code ["identity"]}. */
    @Mirrors(file = "net/http/transfer.go", func = "isIdentity")
    public static boolean isIdentity(List<String> te) {
        return te.size() == 1 && "identity".equals(te.get(0));
    }

    /** Go's {@code badStringError}: the text, a space, and the value quoted as Go's {@code %q}. */
    @Mirrors(file = "net/http/request.go", func = "badStringError")
    static ProtocolException badStringError(String what, String val) {
        return new ProtocolException(what + " " + Quote.quote(val));
    }
}
