package nethttp.client;

import java.io.IOException;
import nethttp.core.Mirrors;

/**
 * Why a connection was closed or not pooled: Go's internal error values, with their texts. They
 * reach a caller only through {@link ClientTrace#putIdleConn} and the event stream.
 */
final class ConnErrors {
    private ConnErrors() {}

    @Mirrors(file = "net/http/transport.go", func = "errKeepAlivesDisabled")
    static final String KEEP_ALIVES_DISABLED = "http: putIdleConn: keep alives disabled";
    @Mirrors(file = "net/http/transport.go", func = "errConnBroken")
    static final String CONN_BROKEN = "http: putIdleConn: connection is in bad state";
    @Mirrors(file = "net/http/transport.go", func = "errCloseIdle")
    static final String CLOSE_IDLE = "http: putIdleConn: CloseIdleConnections was called";
    @Mirrors(file = "net/http/transport.go", func = "errTooManyIdle")
    static final String TOO_MANY_IDLE = "http: putIdleConn: too many idle connections";
    @Mirrors(file = "net/http/transport.go", func = "errTooManyIdleHost")
    static final String TOO_MANY_IDLE_HOST = "http: putIdleConn: too many idle connections for host";
    @Mirrors(file = "net/http/transport.go", func = "errCloseIdleConns")
    static final String CLOSE_IDLE_CONNS = "http: CloseIdleConnections called";
    @Mirrors(file = "net/http/transport.go", func = "errReadLoopExiting")
    static final String READ_LOOP_EXITING = "http: persistConn.readLoop exiting";
    @Mirrors(file = "net/http/transport.go", func = "errIdleConnTimeout")
    static final String IDLE_CONN_TIMEOUT = "http: idle connection timeout";

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
     * A dial that failed with something other than an {@link IOException} (a bug in a custom
     * dialer, say): the request that waits for it fails with this, and its dial slot is freed.
     * Go has no such case, as its dialers return errors instead of throwing.
     */
    static IOException dialFailed(Throwable t) {
        return new IOException("nethttp: dial failed: " + t, t);
    }

    /** The error a caller sees: the wrappers above are bookkeeping and are taken off. */
    static IOException unwrap(IOException err) {
        if (err instanceof NothingWrittenException && err.getCause() instanceof IOException c) err = c;
        if (err instanceof ReadFromServerException && err.getCause() instanceof IOException c) err = c;
        return err;
    }
}
