package nethttp.server;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import nethttp.annotations.Mirrors;
import nethttp.core.Header;
import nethttp.core.ResponseWriter;
import nethttp.core.Status;
import nethttp.sniff.Sniff;
import nethttp.textproto.BufioWriter;
import nethttp.textproto.Guts;
import nethttp.textproto.HeaderTokens;
import nethttp.textproto.Quote;
import nethttp.textproto.WireString;
import nethttp.transfer.Body;
import nethttp.transfer.Discard;
import nethttp.transfer.Transfer;
import nethttp.transfer.WriterStream;

/**
 * Sits between a response's 2 KiB buffer and the connection. The first time bytes reach it (or
 * the handler flushes or returns) it decides the framing and writes the status line and header;
 * after that it writes body bytes, as chunks when it chose chunking.
 *
 * <p>The decision, which {@link #writeHeader(byte[], int, int)} takes from {@link ResponseFraming},
 * is where most of HTTP/1.1's response rules live: Content-Length when the handler finished
 * within the buffer, chunked on HTTP/1.1 otherwise, close-delimited on HTTP/1.0; no body for
 * HEAD, 1xx, 204 and 304; and whether the connection survives. Around it, writeHeader adds a
 * guessed Content-Type and the Date.
 */
@Mirrors(file = "net/http/server.go", func = "chunkWriter")
final class ChunkWriter extends WriterStream {
    static final Set<String> EXCLUDED_HEADERS_NO_BODY = Set.of("Content-Length", "Transfer-Encoding");

    private final Response res;
    /** The header as it was when WriteHeader was called, if the handler touched it afterwards. */
    Header header;
    boolean wroteHeader;
    boolean chunking;

    ChunkWriter(Response res) {
        this.res = res;
    }

    // tag::chunk-write[]
    @Override
    @Mirrors(file = "net/http/server.go", func = "chunkWriter.Write")
    public void write(byte[] p, int off, int len) throws IOException {
        if (!wroteHeader) writeHeader(p, off, len);
        if (res.req.method.equals("HEAD")) return; // nothing of the body goes out
        BufioWriter bw = res.conn.bufw;
        try {
            if (chunking) bw.writeString(Integer.toHexString(len) + "\r\n");
            bw.write(p, off, len);
            if (chunking) bw.writeString("\r\n");
        } catch (IOException e) {
            res.conn.closeSocket();
            throw e;
        }
    }
    // end::chunk-write[]

    @Override
    @Mirrors(file = "net/http/server.go", func = "chunkWriter.flush")
    public void flush() throws IOException {
        if (!wroteHeader) writeHeader(null, 0, 0);
        res.conn.bufw.flush();
    }

    /** Ends the body: for chunking, the last chunk, any trailers, and the final CRLF. */
    // tag::chunk-close[]
    @Override
    @Mirrors(file = "net/http/server.go", func = "chunkWriter.close")
    public void close() throws IOException {
        if (!wroteHeader) writeHeader(null, 0, 0);
        if (chunking) {
            BufioWriter bw = res.conn.bufw;
            bw.writeString("0\r\n");
            Header trailers = res.finalTrailers();
            if (trailers != null) trailers.write(bw);
            bw.writeString("\r\n");
        }
    }
    // end::chunk-close[]

    /**
     * Decides the framing and writes the status line and header. {@code p} holds the first
     * body bytes, or nothing when the handler flushed or returned before writing any.
     */
    @Mirrors(file = "net/http/server.go", func = "chunkWriter.writeHeader")
    void writeHeader(byte[] p, int off, int len) throws IOException {
        if (wroteHeader) return;
        wroteHeader = true;
        Response w = res;
        boolean keepAlivesEnabled = w.conn.server.doKeepAlives();
        boolean isHEAD = w.req.method.equals("HEAD");

        // Work on the frozen header if there is one; otherwise on the handler's, without
        // changing it: keys to drop are collected in 'exclude' instead.
        boolean owned = header != null;
        Header h = owned ? header : w.handlerHeader;
        Set<String> exclude = new HashSet<>();
        ExtraHeader extra = new ExtraHeader();

        boolean trailers = false;
        for (String k : h.keys()) {
            if (k.startsWith(ResponseWriter.TRAILER_PREFIX)) {
                exclude.add(k);
                trailers = true;
            }
        }
        for (String v : h.values("Trailer")) {
            trailers = true;
            HeaderTokens.elements(v).forEach(w::declareTrailer);
        }

        String te = h.get("Transfer-Encoding");
        boolean hasTE = !te.isEmpty();
        int code = w.status;

        ResponseFraming.Decision d = ResponseFraming.decide(new ResponseFraming.Facts(isHEAD,
                w.req.protoAtLeast(1, 1), w.req.protoAtLeast(1, 0), w.wants10KeepAlive, w.wantsClose,
                w.closeAfterReply, keepAlivesEnabled, code, w.handlerDone, len, w.contentLength, trailers, te,
                h.get("Content-Length"), h.get("Connection"), h.has("Connection"), cwHeaderConnection(),
                isProtocolSwitchResponse(code, h)), this::settleRequestBody);
        w.contentLength = d.contentLength();
        w.closeAfterReply = d.closeAfterReply();
        chunking = d.chunking();
        extra.contentLength = d.autoContentLength();
        extra.connection = d.connection();
        extra.transferEncoding = d.transferEncoding();

        if (Transfer.bodyAllowedForStatus(code)) {
            boolean haveType = h.has("Content-Type");
            boolean hasCE = !h.get("Content-Encoding").isEmpty();
            if (!hasCE && !haveType && !hasTE && len > 0) extra.contentType = sniff(p, off, len);
        }
        for (String k : d.deleted()) del(h, owned, exclude, k);

        if (!h.has("Date")) extra.date = HttpDate.now();

        if (d.lengthAndEncoding()) {
            w.conn.server.logf("http: WriteHeader called with both Transfer-Encoding of %s and a Content-Length of %d",
                    Quote.quote(WireString.fromValue(te)), w.contentLength);
        }
        if (!w.req.protoAtLeast(1, 0)) return;

        BufioWriter bw = w.conn.bufw;
        writeStatusLine(bw, w.req.protoAtLeast(1, 1), code);
        if (header != null) header.write(bw, exclude);
        extra.write(bw);
        bw.writeString("\r\n");
        ConnEvents.responseHeader(w.conn, code, chunking, d.hasContentLength() ? w.contentLength : -1);
    }

    /**
     * Puts away what the handler left of the request body, so that the next request can be
     * read: a client still waiting for 100 Continue may or may not send its body, so the
     * connection cannot be reused; otherwise the rest is read, up to a limit.
     */
    private ResponseFraming.Leftover settleRequestBody() {
        Response w = res;
        if (w.req.body instanceof ExpectContinueReader ecr && !ecr.sawEOF()) return ResponseFraming.Leftover.CLOSE;
        if (w.req.contentLength == 0) return ResponseFraming.Leftover.DRAINED;
        boolean discard = false, tooBig = false;
        if (w.req.body instanceof ExpectContinueReader) {
            if (w.wroteContinue) discard = true;
        } else if (w.req.body instanceof Body bdy) { // a body the handler swapped out counts as unknown, as in Go
            Body.State s = bdy.state();
            if (s.closed()) {
                if (!s.sawEOF()) return ResponseFraming.Leftover.CLOSE;
            } else if (s.unreadDataSize() >= Body.MAX_POST_HANDLER_READ_BYTES) {
                tooBig = true;
            } else {
                discard = true;
            }
        } else {
            discard = true;
        }
        if (discard) {
            try {
                long limit = Body.MAX_POST_HANDLER_READ_BYTES + 1;
                if (Discard.upTo(w.reqBody, limit) == limit) {
                    tooBig = true;
                } else {
                    w.reqBody.close();
                }
            } catch (Body.ReadAfterCloseException e) {
                // the handler closed the body itself; nothing to read
            } catch (IOException e) {
                return ResponseFraming.Leftover.CLOSE;
            }
        }
        if (tooBig) {
            w.requestTooLarge();
            return ResponseFraming.Leftover.TOO_LARGE;
        }
        return ResponseFraming.Leftover.DRAINED;
    }

    /** Go's DetectContentType on the first body bytes. */
    private static String sniff(byte[] p, int off, int len) {
        if (off == 0) return Sniff.detectContentType(p, len);
        return Sniff.detectContentType(Arrays.copyOfRange(p, off, off + Math.min(len, Sniff.SNIFF_LEN)));
    }

    /** Go reads the Connection value from the frozen header only, which is empty when absent. */
    private String cwHeaderConnection() {
        return header == null ? "" : header.get("Connection");
    }

    private static void del(Header h, boolean owned, Set<String> exclude, String key) {
        if (owned) {
            h.del(key);
        } else if (h.has(key)) {
            exclude.add(key);
        }
    }

    @Mirrors(file = "net/http/server.go", func = "isProtocolSwitchResponse")
    static boolean isProtocolSwitchResponse(int code, Header h) {
        return code == Status.SWITCHING_PROTOCOLS && h.isProtocolSwitch();
    }

    @Mirrors(file = "net/http/server.go", func = "writeStatusLine")
    static void writeStatusLine(BufioWriter bw, boolean is11, int code) throws IOException {
        bw.writeString(is11 ? "HTTP/1.1 " : "HTTP/1.0 ");
        String text = Status.text(code);
        if (!text.isEmpty()) {
            bw.writeString(code + " " + text + "\r\n");
        } else {
            bw.writeString(String.format("%03d status code %d\r\n", code, code));
        }
    }

    /** The header fields the server adds itself, written after the handler's, in Go's order. */
    @Mirrors(file = "net/http/server.go", func = "extraHeader")
    private static final class ExtraHeader {
        String contentType = "";
        String connection = "";
        String transferEncoding = "";
        String date;
        String contentLength;

        void write(BufioWriter bw) throws IOException {
            if (date != null) bw.writeString("Date: " + date + "\r\n");
            if (contentLength != null) bw.writeString("Content-Length: " + contentLength + "\r\n");
            if (!contentType.isEmpty()) bw.writeString("Content-Type: " + contentType + "\r\n");
            if (!connection.isEmpty()) bw.writeString("Connection: " + connection + "\r\n");
            if (!transferEncoding.isEmpty()) bw.writeString("Transfer-Encoding: " + transferEncoding + "\r\n");
        }
    }

}
