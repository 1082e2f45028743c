package nethttp.getconn;

import java.io.IOException;
import nethttp.annotations.Mirrors;

/**
 * Why a connection was not pooled, or left the pool: Go's internal error values, with their
 * texts. They reach a caller only through {@code ClientTrace.putIdleConn} and the event stream.
 */
public final class PoolErrors {
    private PoolErrors() {}

    @Mirrors(file = "net/http/transport.go", func = "errKeepAlivesDisabled")
    public static final String KEEP_ALIVES_DISABLED = "http: putIdleConn: keep alives disabled";
    @Mirrors(file = "net/http/transport.go", func = "errConnBroken")
    public static final String CONN_BROKEN = "http: putIdleConn: connection is in bad state";
    @Mirrors(file = "net/http/transport.go", func = "errCloseIdle")
    public static final String CLOSE_IDLE = "http: putIdleConn: CloseIdleConnections was called";
    @Mirrors(file = "net/http/transport.go", func = "errTooManyIdle")
    public static final String TOO_MANY_IDLE = "http: putIdleConn: too many idle connections";
    @Mirrors(file = "net/http/transport.go", func = "errTooManyIdleHost")
    public static final String TOO_MANY_IDLE_HOST = "http: putIdleConn: too many idle connections for host";
    @Mirrors(file = "net/http/transport.go", func = "errCloseIdleConns")
    public static final String CLOSE_IDLE_CONNS = "http: CloseIdleConnections called";
    @Mirrors(file = "net/http/transport.go", func = "errIdleConnTimeout")
    public static final String IDLE_CONN_TIMEOUT = "http: idle connection timeout";

    /** A reason, as an exception to record or pass along. */
    public static IOException of(String text) {
        return new IOException(text);
    }

    /**
     * A dial that failed with something other than an {@link IOException} (a bug in a custom
     * dialer, say): the request that waits for it fails with this, and its dial slot is freed.
     * Go has no such case, as its dialers return errors instead of throwing.
     */
    public static IOException dialFailed(Throwable t) {
        return new IOException("nethttp: dial failed: " + t, t);
    }
}
