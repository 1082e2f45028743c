package exercises;

/**
 * Exercise 12: how the server frames a response, decided when its header goes out. The
 * instructions are in README.adoc, next to this file.
 */
public final class ResponseFraming {
    private ResponseFraming() {}

    /** Where the response's body ends on the wire. */
    public enum Body {
        /** No body bytes at all (a HEAD request, or a status that has no body). */
        NONE,
        /** After the number of bytes in the Content-Length field. */
        LENGTH,
        /** At the last chunk ({@code Transfer-Encoding: chunked}). */
        CHUNKED,
        /** When the server closes the connection. */
        UNTIL_CLOSE
    }

    /**
     * The request, as far as the decision goes.
     *
     * @param method the request's method, such as {@code GET} or {@code HEAD}
     * @param minor the minor version: 0 for {@code HTTP/1.0}, 1 for {@code HTTP/1.1}
     * @param connection the request's Connection field, {@code ""} when it has none
     */
    public record Request(String method, int minor, String connection) {}

    /**
     * What the handler did before the header goes out.
     *
     * @param status the status code, 200 to 599
     * @param contentLength the length in the handler's Content-Length field, {@code -1} when it set none
     * @param transferEncoding the handler's Transfer-Encoding field: {@code ""} (none),
     *     {@code "chunked"}, {@code "identity"} or {@code "gzip"}
     * @param connection the handler's Connection field: {@code ""} (none), {@code "close"} or
     *     {@code "keep-alive"}
     * @param trailers whether the handler declared trailers
     * @param finished whether the handler returned before the header went out
     * @param written how many body bytes the handler wrote before returning (when {@code finished})
     */
    public record Handler(int status, long contentLength, String transferEncoding, String connection,
            boolean trailers, boolean finished, int written) {}

    /**
     * The decision.
     *
     * @param body where the body ends
     * @param contentLength the response's Content-Length field, {@code -1} when it has none
     * @param connection the response's Connection field, {@code ""} when it has none
     * @param close whether the server closes the connection after this response
     */
    public record Decision(Body body, long contentLength, String connection, boolean close) {}

    /** Frames the response the handler produced for {@code request}. */
    public static Decision decide(Request request, Handler handler) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
