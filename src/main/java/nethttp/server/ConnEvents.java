package nethttp.server;

import java.io.IOException;
import nethttp.core.ConnState;
import nethttp.core.Request;
import nethttp.core.Status;
import nethttp.event.ConnStateEvent;
import nethttp.event.ExchangeEvent;
import nethttp.event.ExchangeEvent.Kind;

/**
 * What a connection reports to its server's {@link nethttp.event.EventBus}, one method per thing
 * that happened, so that the code being traced says {@code ConnEvents.requestRead(this, req)}
 * in one line and reads like the Go it mirrors.
 *
 * <p>Each method asks the bus whether anyone listens before it builds anything: with no listener
 * a report costs one volatile read and allocates nothing.
 */
final class ConnEvents {
    private ConnEvents() {}

    /** The connection entered {@code state}. */
    static void stateChanged(Conn c, ConnState state) {
        if (c.server.events.active()) {
            c.server.events.emit(new ConnStateEvent(System.nanoTime(), c.id, c.remoteAddr, state));
        }
    }

    /** A request's line and header were read. */
    static void requestRead(Conn c, Request req) {
        if (c.server.events.active()) {
            String line = req.method + " " + req.requestURI + " " + req.proto;
            emit(c, Kind.REQUEST_READ, line);
        }
    }

    /** A request that could not be read is answered with {@code reply}, a whole response. */
    static void requestRejected(Conn c, String reply, IOException err) {
        if (c.server.events.active()) {
            String status = reply.substring("HTTP/1.1 ".length(), reply.indexOf('\r'));
            emit(c, Kind.REQUEST_REJECTED, status + " (" + err.getMessage() + ")");
        }
    }

    /**
     * The status line and header went to the buffer; the body is chunked, or has
     * {@code contentLength} bytes, or (with -1) runs to the close.
     */
    static void responseHeader(Conn c, int code, boolean chunked, long contentLength) {
        if (c.server.events.active()) {
            String framing = chunked ? ", chunked"
                    : contentLength != -1 ? ", Content-Length " + contentLength : "";
            emit(c, Kind.RESPONSE_HEADER, code + " " + Status.text(code) + framing);
        }
    }

    /** The handler returned and the response with {@code status} was finished. */
    static void responseDone(Conn c, int status) {
        if (c.server.events.active()) emit(c, Kind.RESPONSE_DONE, Integer.toString(status));
    }

    private static void emit(Conn c, Kind kind, String detail) {
        c.server.events.emit(new ExchangeEvent(System.nanoTime(), c.id, kind, detail));
    }
}
