package nethttp.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import nethttp.annotations.Mirrors;
import nethttp.textproto.HeaderTokens;
import nethttp.url.URL;

/**
 * An HTTP request, as a server received it or as a client will send it.
 *
 * <p>The fields are public and mutable, named as Go's exported fields are, so that Go code and
 * this code read alike ({@code r.Method} is {@code r.method}). A server fills them in while
 * reading the request; a handler may read them but should not change them.
 */
@Mirrors(file = "net/http/request.go", func = "Request")
public final class Request {
    /** The method: {@code GET}, {@code POST}, ... Never empty on a server. */
    public String method = "GET";
    /** The parsed request target (server) or the URL to fetch (client). */
    public URL url = new URL();
    /** The protocol version as sent, for example {@code "HTTP/1.1"}. */
    public String proto = "HTTP/1.1";
    public int protoMajor = 1;
    public int protoMinor = 1;
    /** The header fields, without {@code Host} (see {@link #host}). */
    public Header header = new Header();
    /**
     * The body. On a server it is never null: a request without a body has an empty stream,
     * and the server closes it; a handler need not. On a client, null means no body (Go's nil),
     * which is what a request without one should have: an empty stream counts as a body of
     * unknown length.
     */
    public InputStream body;
    /**
     * Client side: opens a fresh copy of the body, so that the request can be sent again (after
     * a {@code 307} or {@code 308} redirect, say). Null when the body cannot be reopened. The
     * client's request factory sets it for bodies it knows in full (bytes, strings).
     */
    public BodySupplier getBody;
    /**
     * The length of the body: {@code -1} when unknown (chunked), {@code 0} when there is none
     * or none is known to be there.
     */
    public long contentLength;
    /** The transfer codings from outermost to innermost; on a server, at most {@code ["chunked"]}. */
    public List<String> transferEncoding = List.of();
    /** Whether the connection closes after this exchange. */
    public boolean close;
    /** The host this request is for: from the {@code Host} header or an absolute request URI. */
    public String host = "";
    /**
     * Trailer fields: keys announced before the body, values filled in once it is read to its
     * end. Null when none were announced or sent, as Go's nil.
     */
    public Header trailer;
    /** The peer's address, {@code ip:port}; set by the server. */
    public String remoteAddr = "";
    /** The request target exactly as sent in the request line; set by the server. */
    public String requestURI = "";
    /**
     * The request's context, Go's {@code Request.ctx}. Client side: canceling it, or passing its
     * deadline, aborts the request wherever it is (waiting for a connection, writing, waiting
     * for the response, reading the body); a null context counts as {@link Context#background()}.
     * Server side: set by the server, it ends when the handler returns or when the client hangs
     * up while the handler runs (the server watches for that only once someone looks at it).
     */
    public Context context = Context.background();

    /**
     * A copy of this request that can be changed without touching this one: the URL, the
     * header and the trailer are copied too, and so is the list of transfer codings. The body is
     * the same stream, since a stream cannot be duplicated; reading either reads both.
     *
     * <p>Trailer values that arrive when the body is read to its end go into this request's
     * trailer, not the copy's.
     */
    @Mirrors(file = "net/http/request.go", func = "Request.Clone")
    public Request copy() {
        Request c = shallowCopy();
        c.url = url.copy();
        c.header = header == null ? null : header.copy();
        c.transferEncoding = transferEncoding == null ? null : new ArrayList<>(transferEncoding);
        c.trailer = trailer == null ? null : trailer.copy();
        return c;
    }

    /**
     * A shallow copy of this request with {@code ctx} as its context: every other field is
     * shared, the URL, header and body included, as Go's struct copy shares what it points to.
     * Setting a field of the copy ({@code body}, say) leaves this request as it was.
     */
    @Mirrors(file = "net/http/request.go", func = "Request.WithContext")
    public Request withContext(Context ctx) {
        if (ctx == null) throw new NullPointerException("nil context");
        Request c = shallowCopy();
        c.context = ctx;
        return c;
    }

    /**
     * Every field as it is, as Go's {@code r2 := *r} copies a struct: the copy shares the URL,
     * header and body, and setting one of its fields leaves this request as it was.
     */
    public Request shallowCopy() {
        Request c = new Request();
        c.method = method;
        c.url = url;
        c.proto = proto;
        c.protoMajor = protoMajor;
        c.protoMinor = protoMinor;
        c.header = header;
        c.body = body;
        c.getBody = getBody;
        c.contentLength = contentLength;
        c.transferEncoding = transferEncoding;
        c.close = close;
        c.host = host;
        c.trailer = trailer;
        c.remoteAddr = remoteAddr;
        c.requestURI = requestURI;
        c.context = context;
        return c;
    }

    /** The request's context, the background one when {@link #context} is null. */
    @Mirrors(file = "net/http/request.go", func = "Request.Context")
    public Context context() {
        return context == null ? Context.background() : context;
    }

    /** Opens a request body anew: the type of {@link #getBody}. */
    @FunctionalInterface
    public interface BodySupplier {
        /** A new stream positioned at the start of the body. */
        InputStream get() throws IOException;
    }

    /** Whether the protocol is at least {@code major.minor}. */
    @Mirrors(file = "net/http/request.go", func = "Request.ProtoAtLeast")
    public boolean protoAtLeast(int major, int minor) {
        return protoMajor > major || (protoMajor == major && protoMinor >= minor);
    }

    /** Whether the header asks for {@code 100 Continue} before the body is sent. */
    @Mirrors(file = "net/http/request.go", func = "Request.expectsContinue")
    public boolean expectsContinue() {
        return HeaderTokens.hasToken(header.get("Expect"), "100-continue");
    }

    /** Whether an HTTP/1.0 request asks to keep its connection open. */
    @Mirrors(file = "net/http/request.go", func = "Request.wantsHttp10KeepAlive")
    public boolean wantsHttp10KeepAlive() {
        if (protoMajor != 1 || protoMinor != 0) return false;
        return HeaderTokens.hasToken(header.get("Connection"), "keep-alive");
    }

    /** Whether the connection is to close after this request: {@link #close}, or {@code Connection: close}. */
    @Mirrors(file = "net/http/request.go", func = "Request.wantsClose")
    public boolean wantsClose() {
        return close || HeaderTokens.hasToken(header.get("Connection"), "close");
    }

    @Override
    public String toString() {
        return method + " " + requestURI + " " + proto;
    }
}
