package nethttp.core;

import nethttp.annotations.Mirrors;

/**
 * Thrown by a handler to abort its response: the server closes the connection (or, once the
 * header is out, cuts the body short) without logging anything.
 */
@Mirrors(file = "net/http/server.go", func = "ErrAbortHandler")
public final class AbortHandlerException extends RuntimeException {
    public AbortHandlerException() {
        super("net/http: abort Handler", null, false, false);
    }
}
