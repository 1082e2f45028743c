package nethttp.core;

import java.io.IOException;
import nethttp.annotations.Mirrors;

/**
 * One HTTP transaction: a request in, its response out. A client sits on one of these and adds
 * redirects, cookies and timeouts; {@link nethttp.transport.Transport} is the one that talks to servers.
 *
 * <p>An implementation must be safe for concurrent use, must not change the request (beyond
 * consuming and closing its body), and must close the request's body, even on error. A
 * response with any status is a success; an exception means no response was obtained. The
 * caller closes the response's body.
 */
@FunctionalInterface
@Mirrors(file = "net/http/client.go", func = "RoundTripper")
public interface RoundTripper {
    /** Sends {@code req} and returns the response whose header was read; its body is still to be read. */
    @Mirrors(file = "net/http/client.go", func = "RoundTripper.RoundTrip")
    Response roundTrip(Request req) throws IOException;
}
