package exercises;

import java.util.Optional;

/**
 * Exercise 04: parsing the request line. The instructions are in README.adoc, next to this file.
 */
public final class RequestLineParser {
    private RequestLineParser() {}

    /**
     * The parts of a request line such as {@code GET /index.html HTTP/1.1}.
     *
     * @param method the text before the first space, such as {@code GET}
     * @param target the text between the first and the second space, such as {@code /index.html}
     * @param major the major version, {@code 1} in {@code HTTP/1.1}
     * @param minor the minor version, {@code 1} in {@code HTTP/1.1}
     */
    public record Parts(String method, String target, int major, int minor) {}

    /**
     * Splits a request line (without its CRLF) into its parts, or returns empty when it is not a
     * request line: fewer than two spaces, or a version that is not {@code HTTP/d.d}.
     */
    public static Optional<Parts> parse(String line) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
