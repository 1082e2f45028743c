package nethttp.transport;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import nethttp.annotations.Mirrors;
import nethttp.httptrace.ClientTrace;
import nethttp.core.NetAddr;

/**
 * Why a connection was closed: Go's internal error values, with their texts (those of the pool are
 * {@link nethttp.getconn.PoolErrors}). They
 * reach a caller only through {@link ClientTrace#putIdleConn} and the event stream.
 */
final class ConnErrors {
    private ConnErrors() {}

    @Mirrors(file = "net/http/transport.go", func = "errReadLoopExiting")
    static final String READ_LOOP_EXITING = "http: persistConn.readLoop exiting";

    /** A reason, as an exception to record or pass along. */
    static IOException of(String text) {
        return new IOException(text);
    }

    /**
     * Writing the request failed before a single byte reached the connection, so sending it again
     * elsewhere is safe: Go's {@code nothingWrittenError}.
     */
    @Mirrors(file = "net/http/transport.go", func = "nothingWrittenError")
    static final class NothingWrittenException extends IOException {
        NothingWrittenException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Reading the first byte of the response failed (not a clean end of stream): Go's
     * {@code transportReadFromServerError}.
     */
    @Mirrors(file = "net/http/transport.go", func = "transportReadFromServerError")
    static final class ReadFromServerException extends IOException {
        ReadFromServerException(IOException cause) {
            super("net/http: Transport failed to read from server: " + cause.getMessage(), cause);
        }
    }

    /**
     * A failed read or write on a connection, worded as Go's {@code net.OpError}:
     * {@code read tcp 127.0.0.1:50000->127.0.0.1:8080: read: connection reset by peer},
     * {@code write tcp ...: write: broken pipe}, {@code read tcp ...: use of closed network
     * connection} (the connection was closed on this side). A timeout stays a
     * {@link SocketTimeoutException} ({@code i/o timeout}); the JDK's exception is the cause.
     *
     * @param ends the connection's {@link #ends}, taken while it was open
     */
    @Mirrors(file = "net/net.go", func = "OpError.Error")
    static IOException opError(String op, String ends, Socket conn, IOException e) {
        if (e instanceof OpErrorException || e instanceof TimeoutOpErrorException) return e;
        String where = op + " tcp " + ends + ": ";
        String why = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        IOException mapped;
        if (e instanceof SocketTimeoutException) {
            mapped = new TimeoutOpErrorException(where + "i/o timeout");
        } else if (conn.isClosed() || why.equals("socket closed") || why.contains("closed by")) {
            mapped = new OpErrorException(where + "use of closed network connection");
        } else if (why.contains("reset")) {
            mapped = new OpErrorException(where + op + ": connection reset by peer");
        } else if (why.contains("broken pipe")) {
            mapped = new OpErrorException(where + op + ": broken pipe");
        } else {
            mapped = new OpErrorException(where + op + ": " + why);
        }
        mapped.initCause(e);
        return mapped;
    }

    /**
     * The two ends of a connection as Go names them in its errors, {@code 127.0.0.1:50000->127.0.0.1:8080}.
     * Taken while the socket is open: once closed, it no longer knows its local address.
     */
    static String ends(Socket conn) {
        return NetAddr.of(conn.getLocalSocketAddress()) + "->" + NetAddr.of(conn.getRemoteSocketAddress());
    }

    /** A connection's read or write failed; the message is Go's. */
    static class OpErrorException extends SocketException {
        OpErrorException(String msg) {
            super(msg);
        }
    }

    /** A read or write that ran out of time. */
    static final class TimeoutOpErrorException extends SocketTimeoutException {
        TimeoutOpErrorException(String msg) {
            super(msg);
        }
    }

    /** The error a caller sees: the wrappers above are bookkeeping and are taken off. */
    static IOException unwrap(IOException err) {
        if (err instanceof NothingWrittenException && err.getCause() instanceof IOException c) err = c;
        if (err instanceof ReadFromServerException && err.getCause() instanceof IOException c) err = c;
        return err;
    }
}
