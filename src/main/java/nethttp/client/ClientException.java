package nethttp.client;

import java.io.IOException;
import java.net.SocketTimeoutException;
import nethttp.annotations.Mirrors;
import nethttp.core.Response;
import nethttp.textproto.Quote;
import nethttp.textproto.WireString;

/**
 * Why a {@link Client} call failed, in the shape of Go's {@code url.Error}: the operation (the
 * method as Go spells it, {@code Get}, {@code Post}), the URL, and the cause:
 * {@code Get "http://127.0.0.1:8080/": dial tcp 127.0.0.1:8080: connection refused}.
 *
 * <p>The URL is the one being fetched when the failure happened, which after redirects is not
 * the first one; a password in it is shown as {@code ***}. The message shows it as Go's
 * {@code %q} does, with the text of its UTF-8 bytes ({@code "http://h/?q=é"}).
 */
@Mirrors(file = "net/url/url.go", func = "Error")
public final class ClientException extends IOException {
    private final String op;
    private final String url;
    private final transient Response response;

    ClientException(String op, String url, IOException cause, Response response) {
        super(op + " " + quotedText(url) + ": " + cause.getMessage(), cause);
        this.op = op;
        this.url = url;
        this.response = response;
    }

    /** The URL quoted as Go's {@code %q} quotes it, shown as text rather than as UTF-8 bytes. */
    private static String quotedText(String url) {
        String quoted = Quote.quote(WireString.isText(url) ? WireString.fromTextReplacing(url) : url); // text set into a URL by hand
        String text = WireString.toText(quoted);
        return text != null ? text : quoted;
    }

    /** {@code Get}, {@code Post}, ...: the first request's method. */
    public String op() {
        return op;
    }

    /** The URL concerned. */
    public String url() {
        return url;
    }

    /**
     * The redirect response that a {@link CheckRedirect} refused (its body already closed), as
     * Go returns it alongside the error; null for every other failure.
     */
    public Response response() {
        return response;
    }

    /** Whether the cause is a timeout: the client's {@link Client#timeout}, a context deadline, a socket timeout. */
    @Mirrors(file = "net/url/url.go", func = "Error.Timeout")
    public boolean isTimeout() {
        return getCause() instanceof SocketTimeoutException;
    }
}
