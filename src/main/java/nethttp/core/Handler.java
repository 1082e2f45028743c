package nethttp.core;

import nethttp.annotations.Mirrors;

/**
 * Answers one HTTP request: reads the {@link Request}, writes headers and body to the
 * {@link ResponseWriter}, and returns. Returning ends the response.
 *
 * <p>The server calls a handler on the connection's own virtual thread, one request at a time
 * per connection. An exception thrown out of a handler is logged, the connection is closed, and
 * the server goes on serving its other connections (Go does the same with a panic).
 */
// tag::handler[]
@FunctionalInterface
@Mirrors(file = "net/http/server.go", func = "Handler")
public interface Handler {
    void serveHTTP(ResponseWriter w, Request r) throws Exception;
}
// end::handler[]
