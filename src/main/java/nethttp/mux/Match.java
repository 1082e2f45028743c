package nethttp.mux;

import nethttp.core.Handler;
import nethttp.annotations.Mirrors;

/**
 * What {@link ServeMux#handler(nethttp.core.Request)} found for a request: the handler to run
 * and the registered pattern it belongs to.
 *
 * <p>The handler is never null. When the multiplexer answers itself, {@code pattern} tells what
 * will happen next: for a redirect it is the pattern the redirected request will match (empty
 * when none will), and for the 404 handler it is empty.
 *
 * @param handler the handler to run
 * @param pattern the matching pattern as registered, or {@code ""}
 */
@Mirrors(file = "net/http/server.go", func = "ServeMux.Handler")
public record Match(Handler handler, String pattern) {}
