package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.InputStream;
import java.util.List;

/**
 * An HTTP response as a client receives it: the status line, the header, and a body to read.
 *
 * <p>Like {@link Request}, the fields are public and mutable and named after Go's exported
 * fields ({@code resp.StatusCode} is {@code resp.statusCode}), so that Go code and this code read
 * alike. {@code nethttp.wire.ReadResponse} fills them in from the wire.
 */
@Mirrors(file = "net/http/response.go", func = "Response")
public final class Response {
    /** The status as sent, code and reason together: {@code "200 OK"}, or just {@code "303"}. */
    public String status = "";
    /** The three-digit status code, for example {@code 200}. */
    public int statusCode;
    /** The protocol version as sent, for example {@code "HTTP/1.0"}. */
    public String proto = "";
    public int protoMajor;
    public int protoMinor;
    /**
     * The header fields, keys canonical. A {@code Connection: close} of an HTTP/1.1 response is
     * consumed into {@link #close} and removed; the framing fields that were used up
     * ({@code Transfer-Encoding}, {@code Trailer} of a chunked body) are removed too.
     */
    public Header header = new Header();
    /**
     * The body, never null once read: an empty stream when the response has none. The caller
     * closes it; closing reads what is left so that the connection can carry the next response,
     * unless the connection is closing anyway.
     */
    public InputStream body;
    /**
     * The length of the body: {@code -1} when unknown (chunked, or until close). For a response to
     * {@code HEAD} it is the announced length, although the body itself is empty.
     */
    public long contentLength;
    /** The transfer codings, outermost first; {@code ["chunked"]} or empty (identity). */
    public List<String> transferEncoding = List.of();
    /** Whether the server means to close the connection after this response: advice for a client. */
    public boolean close;
    /** Whether the client decompressed the body and removed its length and encoding fields. */
    public boolean uncompressed;
    /**
     * Trailer fields: the keys a chunked response announced, with values filled in once the body
     * is read to its end. Null when none were announced or sent, as Go's nil.
     */
    public Header trailer;
    /** The request this response answers; its method decides whether a body can follow. */
    public Request request;

    /** Whether the protocol is at least {@code major.minor}. */
    @Mirrors(file = "net/http/response.go", func = "Response.ProtoAtLeast")
    public boolean protoAtLeast(int major, int minor) {
        return protoMajor > major || (protoMajor == major && protoMinor >= minor);
    }

    @Override
    public String toString() {
        return proto + " " + status;
    }
}
