package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.IOException;

/**
 * What a {@link Handler} uses to build its response.
 *
 * <p>The order matters, as in Go: change {@link #header()} first, then call {@link #writeHeader}
 * (optional), then {@link #write}. The first write sends the header implicitly with status 200;
 * header changes after that are ignored, except for trailer keys announced beforehand.
 */
@Mirrors(file = "net/http/server.go", func = "ResponseWriter")
public interface ResponseWriter {
    /**
     * A header key that starts with this prefix is sent as a trailer, after the body, without
     * the prefix: {@code w.header().set(TRAILER_PREFIX + "X-Checksum", sum)} once the body is
     * written. It names trailers that were not known when the header went out. Trailers travel
     * only after a chunked body: a response sent with a {@code Content-Length}, or to an
     * HTTP/1.0 client, carries none.
     */
    @Mirrors(file = "net/http/server.go", func = "TrailerPrefix")
    String TRAILER_PREFIX = "Trailer:";

    /** The header map that {@link #writeHeader} will send. */
    Header header();

    /**
     * Writes part of the body. If {@link #writeHeader} was not called, it is called with 200
     * first, and if no {@code Content-Type} was set, one is guessed from the first 512 bytes.
     *
     * @return the number of bytes accepted
     * @throws IOException when the connection is gone, or {@link BodyNotAllowedException} when
     *     the status or method allows no body, or {@link ContentLengthExceededException} when
     *     more than a declared {@code Content-Length} is written
     */
    int write(byte[] b, int off, int len) throws IOException;

    default int write(byte[] b) throws IOException {
        return write(b, 0, b.length);
    }

    /**
     * Writes the bytes Go would hold for {@code s}: text is encoded as UTF-8, and a string made
     * of a request's bytes (one char per byte) goes out as those bytes; see {@link GoStrings}.
     */
    default int writeString(String s) throws IOException {
        return write(GoStrings.bytes(s));
    }

    /**
     * Sends the status line and header. Only the first call has an effect; later ones are
     * logged as superfluous. A 1xx status other than 101 is sent at once and may be followed by
     * the final status.
     */
    void writeHeader(int statusCode);
}
