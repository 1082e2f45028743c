package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.IOException;

/** Thrown by a write past the {@code Content-Length} the handler declared. */
@Mirrors(file = "net/http/server.go", func = "ErrContentLength")
public final class ContentLengthExceededException extends IOException {
    public ContentLengthExceededException() {
        super("http: wrote more than the declared Content-Length");
    }
}
