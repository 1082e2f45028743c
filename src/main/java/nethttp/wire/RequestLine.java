package nethttp.wire;

import java.util.Optional;
import nethttp.annotations.Mirrors;

/**
 * The three parts of a request line, {@code GET /index.html HTTP/1.1}, as sent: nothing here is
 * checked yet but the two separating spaces.
 *
 * @param method the text before the first space
 * @param requestURI the text between the first and the second space
 * @param proto everything after the second space, further spaces included
 */
public record RequestLine(String method, String requestURI, String proto) {

    /**
     * Splits a line at its first two spaces. Like Go, this does not trim: two spaces in a row
     * make an empty request target, and a trailing space becomes part of {@code proto} (which
     * then fails to parse as a version).
     *
     * @return the parts, or empty when the line holds fewer than two spaces
     */
    @Mirrors(file = "net/http/request.go", func = "parseRequestLine")
    public static Optional<RequestLine> parse(String line) {
        int first = line.indexOf(' ');
        if (first < 0) return Optional.empty();
        int second = line.indexOf(' ', first + 1);
        if (second < 0) return Optional.empty();
        return Optional.of(new RequestLine(
                line.substring(0, first), line.substring(first + 1, second), line.substring(second + 1)));
    }
}
