package nethttp.url;

import nethttp.annotations.Mirrors;
import nethttp.textproto.Quote;

/**
 * A URL that could not be parsed or decoded. The message is Go's text for the same fault: bare
 * for a decoding error ({@code invalid URL escape "%zz"}), and in the shape of Go's
 * {@code url.Error} when a whole URL was being parsed ({@code parse "/%zz": invalid URL escape
 * "%zz"}).
 */
@Mirrors(file = "net/url/url.go", func = "Error")
public final class URLException extends Exception {
    private final String reason;

    /** A bare error: its message is the reason. */
    public URLException(String reason) {
        super(reason);
        this.reason = reason;
    }

    private URLException(String op, String url, URLException cause) {
        super(op + " " + Quote.quote(url) + ": " + cause.reason, cause);
        this.reason = cause.reason;
    }

    /** Go's {@code &url.Error{Op: op, URL: url, Err: cause}}. */
    @Mirrors(file = "net/url/url.go", func = "Error.Error")
    static URLException wrap(String op, String url, URLException cause) {
        return new URLException(op, url, cause);
    }

    /** The fault without the operation and URL: Go's {@code url.Error.Err}. */
    public String reason() {
        return reason;
    }
}
