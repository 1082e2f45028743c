package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.IOException;

/** Thrown by a write when the method or status forbids a body (HEAD, 1xx, 204, 304). */
@Mirrors(file = "net/http/http.go", func = "ErrBodyNotAllowed")
public final class BodyNotAllowedException extends IOException {
    public BodyNotAllowedException() {
        super("http: request method or response status code does not allow body");
    }
}
