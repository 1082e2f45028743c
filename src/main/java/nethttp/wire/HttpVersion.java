package nethttp.wire;

import java.util.Optional;
import nethttp.annotations.Mirrors;

/**
 * A protocol version from a request line, {@code HTTP/major.minor}.
 *
 * @param major the digit before the dot
 * @param minor the digit after the dot
 */
public record HttpVersion(int major, int minor) {

    /**
     * Parses a version the way Go 1.19 does: {@code HTTP/1.1} and {@code HTTP/1.0} at once, and
     * otherwise exactly {@code HTTP/} followed by one digit, a dot and one digit. So
     * {@code HTTP/2.0} and {@code HTTP/0.9} parse, while {@code HTTP/1.10}, {@code HTTP/01.1},
     * {@code http/1.1} and {@code HTTP/1} do not. Whether the server speaks the version is a
     * separate question, answered by the server ({@code nethttp.server.RequestChecks}).
     *
     * @return the version, or empty when {@code vers} is not of that form
     */
    @Mirrors(file = "net/http/request.go", func = "ParseHTTPVersion")
    public static Optional<HttpVersion> parse(String vers) {
        switch (vers) {
            case "HTTP/1.1":
                return Optional.of(new HttpVersion(1, 1));
            case "HTTP/1.0":
                return Optional.of(new HttpVersion(1, 0));
            default:
                break;
        }
        if (!vers.startsWith("HTTP/") || vers.length() != "HTTP/X.Y".length() || vers.charAt(6) != '.') {
            return Optional.empty();
        }
        char major = vers.charAt(5), minor = vers.charAt(7);
        if (!isDigit(major) || !isDigit(minor)) return Optional.empty();
        return Optional.of(new HttpVersion(major - '0', minor - '0'));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
