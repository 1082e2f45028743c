package nethttp.client;

import java.io.IOException;
import nethttp.annotations.Mirrors;

/**
 * Thrown by a {@link CheckRedirect} to stop following redirects and have the client return the
 * redirect response as it is, body unread and open: Go's {@code ErrUseLastResponse}.
 *
 * <pre>{@code
 * client.checkRedirect = (req, via) -> { throw new UseLastResponseException(); };
 * }</pre>
 */
@Mirrors(file = "net/http/client.go", func = "ErrUseLastResponse")
public final class UseLastResponseException extends IOException {
    public UseLastResponseException() {
        super("net/http: use last response");
    }
}
