package nethttp.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nethttp.annotations.Mirrors;
import nethttp.core.Status;
import nethttp.textproto.HeaderTokens;
import nethttp.transfer.Transfer;

/**
 * The decision inside {@code chunkWriter.writeHeader}, apart from the writing: how the body is
 * delimited (a declared or computed Content-Length, chunks, or the end of the connection),
 * which framing fields of the handler's header go and which the server adds, and whether the
 * connection survives the response.
 *
 * <p>It is a function of plain facts, so that it can be read, tested and retold on its own; the
 * one step that touches the connection, putting away the rest of the request body, is asked
 * for through {@link RequestBody} at the point where Go does it, because its outcome feeds the
 * rest of the decision.
 */
@Mirrors(file = "net/http/server.go", func = "chunkWriter.writeHeader")
final class ResponseFraming {
    private ResponseFraming() {}

    private static final List<String> SUPPRESSED_304 = List.of("Content-Type", "Content-Length", "Transfer-Encoding");
    private static final List<String> SUPPRESSED_NO_BODY = List.of("Content-Length", "Transfer-Encoding");

    /**
     * What the decision depends on.
     *
     * @param isHEAD the request's method is HEAD
     * @param proto11 the request is HTTP/1.1 or later
     * @param proto10 the request is HTTP/1.0 or later (an HTTP/0.9 reply has no header at all)
     * @param wants10KeepAlive an HTTP/1.0 request whose Connection field holds {@code keep-alive}
     * @param wantsClose the request asked to close, by its Connection field or its version
     * @param closeAfterReply whether closing was decided before the header
     * @param keepAlivesEnabled the server's setting
     * @param status the response's status code
     * @param handlerDone the handler has returned, so {@code len} bytes are the whole body
     * @param len how many body bytes are in hand
     * @param contentLength the length the handler declared in a valid Content-Length, or -1
     * @param trailers the handler declared trailers
     * @param transferEncoding the handler's Transfer-Encoding value, empty when none
     * @param contentLengthHeader the handler's Content-Length value, empty when none
     * @param connection the handler's Connection value, empty when none
     * @param hasConnection the handler's header has a Connection key, even an empty one
     * @param frozenConnection the Connection value of the header frozen at WriteHeader, empty when
     *     none was frozen (Go reads it from there when deciding whether to say "close" itself)
     * @param protocolSwitch the response switches protocols (101 with Upgrade)
     */
    record Facts(boolean isHEAD, boolean proto11, boolean proto10, boolean wants10KeepAlive, boolean wantsClose,
            boolean closeAfterReply, boolean keepAlivesEnabled, int status, boolean handlerDone, int len,
            long contentLength, boolean trailers, String transferEncoding, String contentLengthHeader,
            String connection, boolean hasConnection, String frozenConnection, boolean protocolSwitch) {}

    /** What became of the request body's remainder. */
    enum Leftover {
        /** Nothing left, or drained: the connection can carry the next request. */
        DRAINED,
        /** It cannot be put away (a client waiting for 100 Continue, a read error): close. */
        CLOSE,
        /** More is left than the server reads for a handler that did not: close, and say so. */
        TOO_LARGE
    }

    /** Puts away what the handler left of the request body; asked only while the connection would survive. */
    @FunctionalInterface
    interface RequestBody {
        Leftover settle();
    }

    /**
     * The decision.
     *
     * @param contentLength the response's length from now on ({@code w.contentLength}), -1 when unknown
     * @param hasContentLength the body is delimited by {@code contentLength}
     * @param autoContentLength the Content-Length the server adds, null when it adds none
     * @param chunking the body goes out in chunks
     * @param closeAfterReply the connection closes after this response
     * @param connection the Connection value the server adds, empty when none
     * @param transferEncoding the Transfer-Encoding value the server adds, empty when none
     * @param deleted the keys of the handler's header that are not sent
     * @param lengthAndEncoding the handler set both a Content-Length and a Transfer-Encoding
     *     other than identity; the length was dropped, and the server logs it
     */
    record Decision(long contentLength, boolean hasContentLength, String autoContentLength, boolean chunking,
            boolean closeAfterReply, String connection, String transferEncoding, Set<String> deleted,
            boolean lengthAndEncoding) {}

    /** Decides; {@code body} is asked at most once. */
    static Decision decide(Facts f, RequestBody body) {
        boolean close = f.closeAfterReply();
        long contentLength = f.contentLength();
        String autoLength = null;
        String addConnection = "";
        String addEncoding = "";
        Set<String> deleted = new LinkedHashSet<>();
        String te = f.transferEncoding();
        boolean hasTE = !te.isEmpty();
        boolean bodyAllowed = Transfer.bodyAllowedForStatus(f.status());

        // tag::declare-length[]
        // A handler that returned having written no more than the buffer holds: the whole
        // body is in hand, so its length can be declared.
        if (f.handlerDone() && !f.trailers() && !hasTE && bodyAllowed
                && f.contentLengthHeader().isEmpty() && (!f.isHEAD() || f.len() > 0)) {
            contentLength = f.len();
            autoLength = Integer.toString(f.len());
        }
        // end::declare-length[]

        // HTTP/1.0 keep-alive only works with a known length.
        if (f.wants10KeepAlive() && f.keepAlivesEnabled()) {
            boolean sentLength = !f.contentLengthHeader().isEmpty();
            if (sentLength && f.connection().equals("keep-alive")) close = false;
        }

        boolean hasCL = contentLength != -1;
        if (f.wants10KeepAlive() && (f.isHEAD() || hasCL || !bodyAllowed)) {
            if (!f.hasConnection()) addConnection = "keep-alive";
        } else if (!f.proto11() || f.wantsClose()) {
            close = true;
        }

        if (f.connection().equals("close") || !f.keepAlivesEnabled()) close = true;

        if (!close) {
            switch (body.settle()) {
                case DRAINED -> { }
                case CLOSE -> close = true;
                case TOO_LARGE -> {
                    close = true;
                    deleted.add("Connection");
                    addConnection = "close";
                }
            }
        }

        if (!bodyAllowed) deleted.addAll(f.status() == Status.NOT_MODIFIED ? SUPPRESSED_304 : SUPPRESSED_NO_BODY);

        boolean both = false;
        if (hasCL && hasTE && !te.equals("identity")) {
            both = true;
            deleted.add("Content-Length");
            hasCL = false;
        }

        // tag::choose-framing[]
        boolean chunking = false;
        if (f.isHEAD() || !bodyAllowed || f.status() == Status.NO_CONTENT) {
            deleted.add("Transfer-Encoding");
        } else if (hasCL) {
            deleted.add("Transfer-Encoding");
        } else if (f.proto11()) {
            if (hasTE && te.equals("identity")) {
                // The handler asked for a close-delimited body.
                close = true;
                deleted.add("Transfer-Encoding");
            } else {
                chunking = true;
                addEncoding = "chunked";
                if (hasTE && te.equals("chunked")) deleted.add("Transfer-Encoding");
            }
        } else {
            // HTTP/1.0 without a length: the body ends when the connection does.
            close = true;
            deleted.add("Transfer-Encoding");
        }

        if (chunking) deleted.add("Content-Length");
        // end::choose-framing[]

        // Say "Connection: close" when closing, unless the handler said so itself or the
        // response switches protocols.
        if (f.proto10() && close
                && (!f.keepAlivesEnabled() || !HeaderTokens.hasToken(f.frozenConnection(), "close"))
                && !f.protocolSwitch()) {
            deleted.add("Connection");
            if (f.proto11()) addConnection = "close";
        }
        return new Decision(contentLength, hasCL, autoLength, chunking, close, addConnection, addEncoding,
                Set.copyOf(deleted), both);
    }
}
