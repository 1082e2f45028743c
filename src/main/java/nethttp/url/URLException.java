package nethttp.url;

/** A URL that could not be parsed; the message follows Go's {@code url.Error}. */
public final class URLException extends Exception {
    public URLException(String message) {
        super(message);
    }
}
