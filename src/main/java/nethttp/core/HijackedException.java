package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.IOException;

/** Thrown when a handler uses the response writer after hijacking the connection. */
@Mirrors(file = "net/http/server.go", func = "ErrHijacked")
public final class HijackedException extends IOException {
    public HijackedException() {
        super("http: connection has been hijacked");
    }
}
