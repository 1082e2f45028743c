package nethttp.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nethttp.core.Header;
import nethttp.annotations.Mirrors;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.textproto.CanonicalKey;
import nethttp.textproto.Guts;
import nethttp.textproto.HeaderTokens;
import nethttp.textproto.Quote;

/**
 * The framing of an outgoing request: which of {@code Content-Length} and
 * {@code Transfer-Encoding: chunked} to announce, and then the body in that framing.
 *
 * <p>A client's {@link Request} says what it knows in three fields: {@code body} (null, or
 * {@link NoBody#INSTANCE}, for none), {@code contentLength} ({@code 0} meaning "none or not
 * known", {@code -1} meaning "not known") and {@code transferEncoding}. This class reduces them to
 * one consistent framing, as Go's {@code transferWriter} does:
 * <ul>
 *   <li>no body: length 0, no transfer coding, no trailer;</li>
 *   <li>a body with a positive length: exactly that many bytes, announced by
 *       {@code Content-Length}; a body that turns out shorter or longer is an error once it has
 *       been copied ({@code http: ContentLength=10 with Body length 5});</li>
 *   <li>a body of unknown length: sent chunked. For methods that rarely carry a body
 *       ({@code GET}, {@code HEAD}, {@code DELETE}, {@code OPTIONS}, {@code PROPFIND},
 *       {@code SEARCH}) the body is first probed for one byte: an empty body is then dropped,
 *       because servers are confused by a GET with even an empty chunked body. {@code CONNECT}
 *       is never chunked: its body is the tunnel, copied as it comes;</li>
 *   <li>{@code POST}, {@code PUT} and {@code PATCH} announce {@code Content-Length: 0} even
 *       without a body, as many servers insist on it;</li>
 *   <li>a trailer is sent only with a chunked body.</li>
 * </ul>
 *
 * <p><b>The probe.</b> Go reads the probe byte on another goroutine and gives up after 200 ms,
 * so that a body fed by a pipe that waits for the response does not block the request; it then
 * assumes a body and sends it chunked. Here the probe is one synchronous read: simpler, but a
 * body of unknown length on a GET that blocks until the response arrives blocks the write too.
 * Such a body should announce its length or use a method that is expected to carry one.
 *
 * <p>The body is always closed: after it is written, or when writing fails.
 */
@Mirrors(file = "net/http/transfer.go", func = "transferWriter")
public final class TransferWriter {
    /** Go's {@code io.Copy} buffer size: also the largest chunk a streamed body is cut into. */
    private static final int COPY_BUFFER = 32 * 1024;

    private final String method;
    private InputStream body;
    private final InputStream bodyCloser;
    private long contentLength;
    private final boolean close;
    private List<String> transferEncoding;
    private final Header header;
    private Header trailer;
    private boolean trailerIsText;
    private boolean flushHeaders;

    private TransferWriter(Request req) {
        this.method = req.method == null || req.method.isEmpty() ? "GET" : req.method;
        this.close = req.close;
        this.transferEncoding = req.transferEncoding == null ? List.of() : req.transferEncoding;
        this.header = req.header == null ? new Header() : req.header;
        this.trailer = req.trailer;
        this.body = isNoBody(req.body) ? null : req.body;
        this.bodyCloser = req.body;
        this.contentLength = outgoingLength(req);
    }

    /**
     * Decides the framing of a request a client is about to send. It may read one byte of the
     * body (the probe described above); the request itself is not changed.
     *
     * <p>A read error met by the probe is not thrown here: it is kept and thrown when the body
     * is written, as Go does.
     *
     * @throws ProtocolException {@code http: Request.ContentLength=5 with nil Body} when a length
     *     is given with a null body
     */
    @Mirrors(file = "net/http/transfer.go", func = "newTransferWriter")
    public static TransferWriter forRequest(Request req) throws ProtocolException {
        return forRequest(req, false);
    }

    /**
     * {@link #forRequest(Request)}, saying whether the trailer's values are the user's text (a
     * request sent through the client's transport: each value that is not ASCII goes out as its
     * UTF-8 bytes) or, as anywhere else, bytes one per char unless a char does not fit in one
     * (the rule is {@link nethttp.textproto.WireString}'s).
     */
    @Mirrors(file = "net/http/transfer.go", func = "newTransferWriter")
    public static TransferWriter forRequest(Request req, boolean trailerIsText) throws ProtocolException {
        if (req.contentLength != 0 && req.body == null) {
            throw new ProtocolException("http: Request.ContentLength=" + req.contentLength + " with nil Body");
        }
        TransferWriter t = new TransferWriter(req);
        t.trailerIsText = trailerIsText;
        if (t.contentLength < 0 && t.transferEncoding.isEmpty() && t.shouldSendChunkedRequestBody()) {
            t.transferEncoding = List.of("chunked");
        }
        // Headers go out at once when a body may be slow to produce; an in-memory one is not,
        // and a length that does not match it then fails before anything reaches the wire.
        if (t.contentLength != 0 && !isKnownInMemoryReader(t.body)) {
            t.flushHeaders = true;
        }
        t.sanitize();
        return t;
    }

    /**
     * A body that only watches another as it is read (a client's retry bookkeeping, say): what
     * the framing decides by the kind of body is decided by the one inside.
     */
    public interface Wrapper {
        /** The body this one reads from. */
        InputStream unwrap();
    }

    /** Whether the body is already in memory, so reading it cannot block: a byte array, seen through wrappers. */
    @Mirrors(file = "net/http/transfer.go", func = "isKnownInMemoryReader")
    static boolean isKnownInMemoryReader(InputStream body) {
        while (body instanceof Wrapper w) body = w.unwrap();
        return body instanceof ByteArrayInputStream;
    }

    /** No body at all: Go's nil, or {@link NoBody}. */
    private static boolean isNoBody(InputStream body) {
        return body == null || body == NoBody.INSTANCE;
    }

    /** The length a request announces: 0 without a body, and 0 taken as "unknown" with one. */
    @Mirrors(file = "net/http/request.go", func = "Request.outgoingLength")
    private static long outgoingLength(Request req) {
        if (isNoBody(req.body)) return 0;
        return req.contentLength != 0 ? req.contentLength : -1;
    }

    /** Makes body, length and transfer coding agree: the request side of newTransferWriter. */
    private void sanitize() {
        if (body == null) transferEncoding = List.of();
        if (Transfer.isChunked(transferEncoding)) {
            contentLength = -1;
        } else if (body == null) {
            contentLength = 0;
        }
        if (!Transfer.isChunked(transferEncoding)) trailer = null;
    }

    /**
     * Whether a body of unknown length goes out chunked: not for {@code CONNECT}; for the methods
     * that usually have no body only when the probe finds a byte; for every other method, yes.
     */
    @Mirrors(file = "net/http/transfer.go", func = "transferWriter.shouldSendChunkedRequestBody")
    private boolean shouldSendChunkedRequestBody() {
        if (contentLength >= 0 || body == null) return false;
        if (method.equals("CONNECT")) return false;
        if (requestMethodUsuallyLacksBody(method)) {
            probeRequestBody();
            return body != null;
        }
        return true;
    }

    /** Methods whose requests rarely carry a body, so an unknown-length body is probed first. */
    @Mirrors(file = "net/http/request.go", func = "requestMethodUsuallyLacksBody")
    static boolean requestMethodUsuallyLacksBody(String method) {
        return switch (method) {
            case "GET", "HEAD", "DELETE", "OPTIONS", "PROPFIND", "SEARCH" -> true;
            default -> false;
        };
    }

    /**
     * Reads one byte to learn whether the body is empty. Empty: the body is dropped and the
     * length is 0. A byte: it is put back in front of the rest. A read error: the body becomes
     * one that fails with it, so the error surfaces when the body is written.
     */
    @Mirrors(file = "net/http/transfer.go", func = "transferWriter.probeRequestBody")
    private void probeRequestBody() {
        int b;
        try {
            b = body.read();
        } catch (IOException e) {
            body = new FailingInput(e);
            return;
        }
        if (b < 0) {
            body = null;
            contentLength = 0;
        } else {
            body = new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) b}), body);
        }
    }

    /** Whether to announce a {@code Content-Length}, possibly 0. */
    @Mirrors(file = "net/http/transfer.go", func = "transferWriter.shouldSendContentLength")
    boolean shouldSendContentLength() {
        if (Transfer.isChunked(transferEncoding)) return false;
        if (contentLength > 0) return true;
        if (contentLength < 0) return false;
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) return true;
        if (contentLength == 0 && Transfer.isIdentity(transferEncoding)) {
            return !(method.equals("GET") || method.equals("HEAD"));
        }
        return false;
    }

    /** Whether the body goes out chunked. */
    public boolean isChunked() {
        return Transfer.isChunked(transferEncoding);
    }

    /** The length that will be announced or sent: {@code -1} when unknown (chunked or streamed). */
    public long contentLength() {
        return contentLength;
    }

    /**
     * Whether the header block should be flushed to the connection before the body is copied,
     * because the body may take its time (anything but an in-memory body with a length).
     */
    public boolean flushHeaders() {
        return flushHeaders;
    }

    /**
     * Writes the framing fields, in Go's order: {@code Connection: close} when the request asks
     * to close and its own {@code Connection} field does not already say so; then
     * {@code Content-Length: n} or {@code Transfer-Encoding: chunked}; then {@code Trailer} with
     * the announced keys sorted and joined by commas.
     *
     * @throws ProtocolException {@code http: invalid Trailer key "Content-Length"} for a trailer
     *     key that frames the message
     */
    @Mirrors(file = "net/http/transfer.go", func = "transferWriter.writeHeader")
    public void writeHeader(OutputStream w) throws IOException {
        if (close && !HeaderTokens.hasToken(header.get("Connection"), "close")) {
            writeString(w, "Connection: close\r\n");
        }
        if (shouldSendContentLength()) {
            writeString(w, "Content-Length: " + contentLength + "\r\n");
        } else if (isChunked()) {
            writeString(w, "Transfer-Encoding: chunked\r\n");
        }
        if (trailer != null) {
            List<String> keys = new ArrayList<>();
            for (String k : trailer.keys()) {
                k = CanonicalKey.canonicalize(k);
                switch (k) {
                    case "Transfer-Encoding", "Trailer", "Content-Length" ->
                        throw new ProtocolException("invalid Trailer key " + Quote.quote(k));
                    default -> keys.add(k);
                }
            }
            if (!keys.isEmpty()) {
                keys.sort(null);
                writeString(w, "Trailer: " + String.join(",", keys) + "\r\n");
            }
        }
    }

    /**
     * Writes the body in its framing and closes it. Chunked: each piece read from the body
     * becomes one chunk and, when {@code flushEachChunk}, is flushed at once (a client does so,
     * since a streamed body may be produced slowly); then the last chunk, the trailer fields
     * and the blank line. With a length: that many bytes, then the rest of the body is read and
     * counted, and a mismatch is an error. Of unknown length without chunking
     * ({@code CONNECT}): everything until the body ends.
     *
     * @throws BodyReadException when reading the body failed (not writing to {@code w})
     * @throws ProtocolException {@code http: ContentLength=10 with Body length 5} when the body
     *     did not have the length announced; the bytes were written to {@code w} by then (for
     *     an in-memory body smaller than the buffer, not yet flushed)
     */
    @Mirrors(file = "net/http/transfer.go", func = "transferWriter.writeBody")
    public void writeBody(OutputStream w, boolean flushEachChunk) throws IOException {
        long ncopy;
        try {
            ncopy = copyBody(w, flushEachChunk);
        } catch (IOException e) {
            closeAfterFailure(e);
            throw e;
        }
        if (bodyCloser != null) bodyCloser.close();
        if (contentLength != -1 && contentLength != ncopy) {
            throw new ProtocolException("http: ContentLength=" + contentLength + " with Body length " + ncopy);
        }
        if (isChunked()) {
            if (trailer != null) (trailerIsText ? Transfer.textTrailerOnWire(trailer) : trailer).write(w);
            writeString(w, "\r\n");
        }
    }

    /** Copies the body in its framing; returns the bytes copied when not chunked. */
    private long copyBody(OutputStream w, boolean flushEachChunk) throws IOException {
        if (body == null) return 0;
        if (isChunked()) {
            ChunkedWriter cw = new ChunkedWriter(w);
            copy(body, flushEachChunk ? new FlushingChunks(cw) : cw, Long.MAX_VALUE);
            cw.close();
            return 0;
        }
        if (contentLength == -1) return copy(body, w, Long.MAX_VALUE);
        long n = copy(body, w, contentLength);
        return n + copy(body, OutputStream.nullOutputStream(), Long.MAX_VALUE); // count any excess
    }

    /** Closes the body after a failure; the failure is what the caller hears of. */
    private void closeAfterFailure(IOException failure) {
        if (bodyCloser == null) return;
        try {
            bodyCloser.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Closes the body without writing it, as when the server refused a
     * {@code Expect: 100-continue} request.
     */
    public void closeBody() throws IOException {
        if (bodyCloser != null) bodyCloser.close();
    }

    /**
     * Copies at most {@code limit} bytes; returns how many. An in-memory body is handed over in
     * one write (as Go's {@code bytes.Reader} does), anything else in pieces of up to 32 KiB.
     */
    @Mirrors(file = "net/http/transfer.go", func = "transferWriter.doBodyCopy")
    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        if (limit == Long.MAX_VALUE && in instanceof ByteArrayInputStream bytes) {
            return bytes.transferTo(out);
        }
        byte[] buf = new byte[(int) Math.min(COPY_BUFFER, Math.max(limit, 1))];
        long n = 0;
        while (n < limit) {
            int k;
            try {
                k = in.read(buf, 0, (int) Math.min(buf.length, limit - n));
            } catch (IOException e) {
                throw new BodyReadException(e);
            }
            if (k < 0) break;
            out.write(buf, 0, k);
            n += k;
        }
        return n;
    }

    private static void writeString(OutputStream w, String s) throws IOException {
        w.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Reading the body of an outgoing message failed. Kept apart from failures to write to the
     * connection, because a client reports it as the caller's fault rather than the server's.
     */
    @Mirrors(file = "net/http/request.go", func = "requestBodyReadError")
    public static final class BodyReadException extends IOException {
        public BodyReadException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A body whose probe failed: every read repeats the failure. */
    private static final class FailingInput extends InputStream {
        private final IOException error;

        FailingInput(IOException error) {
            this.error = error;
        }

        @Override
        public int read() throws IOException {
            throw error;
        }
    }

    /** Flushes after every chunk, so a slowly produced body reaches the server piece by piece. */
    @Mirrors(file = "net/http/internal/chunked.go", func = "FlushAfterChunkWriter")
    private static final class FlushingChunks extends OutputStream {
        private final ChunkedWriter chunks;

        FlushingChunks(ChunkedWriter chunks) {
            this.chunks = chunks;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) return;
            chunks.write(b, off, len);
            chunks.flush();
        }
    }
}
