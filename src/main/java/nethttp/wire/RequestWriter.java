package nethttp.wire;

import java.io.IOException;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import nethttp.core.Header;
import nethttp.annotations.Mirrors;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.textproto.BufioWriter;
import nethttp.textproto.Guts;
import nethttp.textproto.Quote;
import nethttp.textproto.WireString;
import nethttp.transfer.TransferWriter;

/**
 * Writes a request the way a client sends it: Go's {@code Request.write}. The bytes are Go's
 * exactly, down to the order of the header fields.
 *
 * <p>What goes out, in order:
 * <ol>
 *   <li>the request line, always {@code HTTP/1.1}, whatever {@code req.proto} says;</li>
 *   <li>{@code Host}, from {@code req.host} or else the URL's host (never from
 *       {@code req.header});</li>
 *   <li>{@code User-Agent}: the request's own, or {@value #DEFAULT_USER_AGENT}; a request
 *       whose header holds an empty {@code User-Agent} sends none;</li>
 *   <li>the framing fields that {@link TransferWriter} decides: {@code Connection: close},
 *       {@code Content-Length} or {@code Transfer-Encoding: chunked}, {@code Trailer};</li>
 *   <li>the rest of {@code req.header}, sorted, without the fields written above (those in the
 *       header are ignored, so the framing cannot be contradicted), and without keys that are
 *       not valid field names;</li>
 *   <li>any extra fields the caller (a transport) adds, then the blank line and the body.</li>
 * </ol>
 *
 * <p>Field values are not checked here; a transport calls {@link #validateHeader} first, as
 * Go's does. They are written by {@link nethttp.textproto.WireString}'s rule: one byte per
 * {@code char}, or UTF-8 for a value with a {@code char} above U+00FF.
 */
public final class RequestWriter {
    private RequestWriter() {}

    /** The {@code User-Agent} of a request that names none. */
    @Mirrors(file = "net/http/request.go", func = "defaultUserAgent")
    public static final String DEFAULT_USER_AGENT = "Go-http-client/1.1";

    /** Fields that {@link #write} writes itself, or not at all, whatever the header holds. */
    @Mirrors(file = "net/http/request.go", func = "reqWriteExcludeHeader")
    static final Set<String> EXCLUDED = Set.of("Host", "User-Agent", "Content-Length", "Transfer-Encoding", "Trailer");

    /** The error text for a request with neither a host nor a URL. */
    @Mirrors(file = "net/http/request.go", func = "errMissingHost")
    public static final String MISSING_HOST = "http: Request.Write on Request with no Host or URL set";

    /** {@link #write(Request, BufioWriter, boolean, Header, BooleanSupplier)} without extras. */
    @Mirrors(file = "net/http/request.go", func = "Request.Write")
    @Mirrors(file = "net/http/request.go", func = "Request.WriteProxy")
    public static void write(Request req, BufioWriter w, boolean usingProxy) throws IOException {
        write(req, w, usingProxy, null, null);
    }

    /**
     * Writes {@code req} to {@code w} as a client sends it, and closes its body. The caller
     * flushes {@code w} afterwards; this method flushes only on the way, to let the header go
     * ahead of a body that may be slow, or before waiting for {@code 100 Continue}.
     *
     * <p>The request target is {@code req.url.requestURI()}, except: through a proxy
     * ({@code usingProxy}) a URL with a scheme and no opaque part is sent in absolute form,
     * {@code http://host/path}; a {@code CONNECT} with an empty path sends the authority,
     * {@code host:port} (or the URL's opaque part when it has one).
     *
     * <p>The URL's fields hold bytes, one {@code char} each; a target that holds a {@code char}
     * above U+00FF was set by hand as text, and is sent as its UTF-8 bytes.
     *
     * <p>The host has anything from its first space or slash on cut off, an internationalised
     * name turned into its ASCII form, and an IPv6 zone removed ({@code [fe80::1%en0]:8080}
     * becomes {@code [fe80::1]:8080}), since a zone means nothing to the server.
     *
     * @param usingProxy whether the request goes to a proxy rather than to the origin server
     * @param extraHeaders fields a transport adds (such as {@code Accept-Encoding: gzip}),
     *     written after the request's own in the same way; may be null
     * @param waitForContinue the hook for {@code Expect: 100-continue}: when not null, the header
     *     is flushed and this is asked whether to send the body. It blocks until the server
     *     answered {@code 100 Continue} (true), or answered otherwise or timed out (false: the
     *     body is closed unsent, and the request is complete as it stands). Deciding when to
     *     pass one is the transport's business.
     * @throws ProtocolException with Go's text, for a request that cannot be written:
     *     {@value #MISSING_HOST}; {@code net/http: can't write control character in Request.URL};
     *     {@code http: Request.ContentLength=5 with nil Body}; {@code http: invalid Trailer key
     *     "Content-Length"}; or {@code http: ContentLength=10 with Body length 5} (the body was
     *     sent by then)
     * @throws TransferWriter.BodyReadException when reading the body failed
     * @throws IOException when writing to {@code w} failed
     */
    @Mirrors(file = "net/http/request.go", func = "Request.write")
    public static void write(Request req, BufioWriter w, boolean usingProxy, Header extraHeaders,
            BooleanSupplier waitForContinue) throws IOException {
        write(req, w, usingProxy, extraHeaders, null, waitForContinue);
    }

    /**
     * {@link #write(Request, BufioWriter, boolean, Header, BooleanSupplier)} with a hook for a
     * client trace: {@code wroteHeaders}, when not null, runs once the header block up to its
     * blank line is in {@code w}, before anything is flushed for it (Go's
     * {@code ClientTrace.WroteHeaders}). It does not cause a flush of its own, so the bytes and
     * their grouping on the wire are the same with or without it.
     */
    @Mirrors(file = "net/http/request.go", func = "Request.write")
    public static void write(Request req, BufioWriter w, boolean usingProxy, Header extraHeaders,
            Runnable wroteHeaders, BooleanSupplier waitForContinue) throws IOException {
        write(req, w, usingProxy, extraHeaders, wroteHeaders, waitForContinue, false);
    }

    /**
     * {@link #write(Request, BufioWriter, boolean, Header, Runnable, BooleanSupplier)} for a
     * transport that sends its user's request: with {@code trailerIsText}, the trailer's values
     * are the user's text, and each that is not ASCII goes out as its UTF-8 bytes. (The
     * transport converts the header's values before it calls; the trailer may still be filled
     * in while the body is sent, so it is converted when it is written.)
     */
    @Mirrors(file = "net/http/request.go", func = "Request.write")
    public static void write(Request req, BufioWriter w, boolean usingProxy, Header extraHeaders,
            Runnable wroteHeaders, BooleanSupplier waitForContinue, boolean trailerIsText) throws IOException {
        TransferWriter tw;
        try {
            tw = writeHead(req, w, usingProxy, extraHeaders, trailerIsText);
            if (wroteHeaders != null) wroteHeaders.run();
            if (waitForContinue != null) {
                w.flush();
                if (!waitForContinue.getAsBoolean()) {
                    tw.closeBody();
                    return;
                }
            }
            if (tw.flushHeaders()) w.flush();
        } catch (IOException e) {
            closeBodyAfterFailure(req, e);
            throw e;
        }
        tw.writeBody(w, true); // closes the body, whatever happens
    }

    /** Everything up to and including the blank line; returns the framing for the body. */
    private static TransferWriter writeHead(Request req, BufioWriter w, boolean usingProxy, Header extraHeaders,
            boolean trailerIsText) throws IOException {
        String host = removeZone(targetHost(req));
        String ruri = requestTarget(req, host, usingProxy);
        if (WireString.isText(ruri)) ruri = WireString.fromTextReplacing(ruri); // text set into a URL by hand
        if (containsControlByte(ruri)) {
            throw new ProtocolException("net/http: can't write control character in Request.URL");
        }
        String method = req.method == null || req.method.isEmpty() ? "GET" : req.method;
        w.writeString(method + " " + ruri + " HTTP/1.1\r\n");
        w.writeString("Host: " + host + "\r\n");

        Header header = req.header == null ? new Header() : req.header;
        String userAgent = header.has("User-Agent") ? header.get("User-Agent") : DEFAULT_USER_AGENT;
        if (!userAgent.isEmpty()) w.writeString("User-Agent: " + WireString.fromValue(userAgent) + "\r\n");

        TransferWriter tw = TransferWriter.forRequest(req, trailerIsText);
        tw.writeHeader(w);
        header.write(w, EXCLUDED);
        if (extraHeaders != null) extraHeaders.write(w);
        w.writeString("\r\n");
        return tw;
    }

    /** The host to name: {@code req.host} first, the URL's host second, both cleaned. */
    private static String targetHost(Request req) throws ProtocolException {
        String host = cleanHost(req.host == null ? "" : req.host);
        // Go would fail later, on the missing URL, when a host is given without one.
        if (req.url == null) throw new ProtocolException(MISSING_HOST);
        return !host.isEmpty() ? host : cleanHost(req.url.host);
    }

    /** The request target for the request line: origin form, absolute form, or an authority. */
    private static String requestTarget(Request req, String host, boolean usingProxy) {
        String ruri = req.url.requestURI();
        if (usingProxy && !req.url.scheme.isEmpty() && req.url.opaque.isEmpty()) {
            return req.url.scheme + "://" + host + ruri;
        }
        if ("CONNECT".equals(req.method) && req.url.path.isEmpty()) {
            return req.url.opaque.isEmpty() ? host : req.url.opaque;
        }
        return ruri;
    }

    /**
     * Cuts a host at its first space or slash, so that no junk after it reaches the wire, and
     * turns an internationalised name into its ASCII form: {@code café.example:8080} becomes
     * {@code xn--caf-dma.example:8080}. A name that has no ASCII form is left as it is.
     */
    @Mirrors(file = "net/http/request.go", func = "cleanHost")
    static String cleanHost(String in) {
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == ' ' || c == '/') {
                in = in.substring(0, i);
                break;
            }
        }
        if (WireString.isAscii(in)) return in;
        int colon = in.lastIndexOf(':');
        boolean hasPort = colon > in.lastIndexOf(']') && in.indexOf(':') == colon; // host:port, not a bare IPv6
        String host = hasPort ? in.substring(0, colon) : in;
        String ascii = idnaASCII(host);
        if (ascii == null) return in;
        return hasPort ? ascii + in.substring(colon) : ascii;
    }

    /**
     * The ASCII (punycode) form of a host name, as Go looks names up; null when it has none.
     * The name may be a wire string that holds UTF-8 (as in a parsed URL) or text set by hand.
     */
    @Mirrors(file = "net/http/request.go", func = "idnaASCII")
    public static String idnaASCII(String host) {
        if (WireString.isAscii(host)) return host;
        String text = WireString.toText(host);
        try {
            return IDN.toASCII(text != null ? text : host).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Removes an IPv6 zone: {@code [fe80::1%en0]:8080} becomes {@code [fe80::1]:8080}. */
    @Mirrors(file = "net/http/request.go", func = "removeZone")
    static String removeZone(String host) {
        if (!host.startsWith("[")) return host;
        int close = host.lastIndexOf(']');
        if (close < 0) return host;
        int percent = host.lastIndexOf('%', close - 1);
        if (percent < 0) return host;
        return host.substring(0, percent) + host.substring(close);
    }

    /** Whether {@code s} holds an ASCII control byte (below 0x20, or 0x7f). */
    @Mirrors(file = "net/http/http.go", func = "stringContainsCTLByte")
    static boolean containsControlByte(String s) {
        for (int i = 0; i < s.length(); i++) {
            char b = s.charAt(i);
            if (b < ' ' || b == 0x7f) return true;
        }
        return false;
    }

    private static void closeBodyAfterFailure(Request req, IOException failure) {
        if (req.body == null) return;
        try {
            req.body.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The check a transport makes before sending a request over HTTP/1: every header key must be
     * a valid field name and every value free of control bytes. Keys are checked in sorted order
     * (Go's map order is random, so with several bad keys Go may name any of them). The value is
     * kept out of the message, as it may be a secret.
     *
     * @throws ProtocolException {@code net/http: invalid header field name "Foo "} or
     *     {@code net/http: invalid header field value for "X-Token"}
     */
    @Mirrors(file = "net/http/transport.go", func = "Transport.roundTrip")
    public static void validateHeader(Header header) throws ProtocolException {
        for (Map.Entry<String, List<String>> field : header.asMap().entrySet()) {
            String key = field.getKey();
            if (!Guts.validHeaderFieldName(key)) {
                throw new ProtocolException("net/http: invalid header field name " + Quote.quote(key));
            }
            for (String v : field.getValue()) {
                if (!Guts.validHeaderFieldValue(v)) {
                    throw new ProtocolException("net/http: invalid header field value for " + Quote.quote(key));
                }
            }
        }
    }
}
