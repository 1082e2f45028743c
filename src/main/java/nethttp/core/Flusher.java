package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.IOException;

/** Implemented by response writers that can push buffered body bytes to the client now. */
@Mirrors(file = "net/http/server.go", func = "Flusher")
public interface Flusher {
    void flush() throws IOException;
}
