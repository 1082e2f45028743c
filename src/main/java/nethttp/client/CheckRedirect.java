package nethttp.client;

import java.io.IOException;
import java.util.List;
import nethttp.annotations.Mirrors;
import nethttp.core.Request;

/**
 * A {@link Client}'s say over redirects, Go's {@code Client.CheckRedirect}: called before each
 * redirect is followed, with the request about to be sent and the requests made so far, oldest
 * first. Returning follows it (the hook may change {@code req}, its header say); throwing stops:
 * the client then fails with a {@link ClientException} carrying the redirect response, closed,
 * unless the exception is a {@link UseLastResponseException}, in which case the client returns
 * the redirect response itself, its body unread.
 */
@FunctionalInterface
@Mirrors(file = "net/http/client.go", func = "Client.CheckRedirect")
public interface CheckRedirect {
    void check(Request req, List<Request> via) throws IOException;

    /** The policy of a client without a hook: at most 10 redirects. */
    @Mirrors(file = "net/http/client.go", func = "defaultCheckRedirect")
    CheckRedirect DEFAULT = (req, via) -> {
        if (via.size() >= 10) throw new IOException("stopped after 10 redirects");
    };
}
