/**
 * The HTTP/1.1 server: {@link nethttp.server.Server} accepts connections and gives each its own
 * virtual thread running the {@code conn.serve} loop, which reads a request, calls the handler,
 * finishes the response and decides whether the connection carries another.
 *
 * <p>Its parts are told in several chapters of the book: the accept loop and its back-off in
 * chapter 3 ("Server and the accept loop"); the serve loop, the connection reader with its
 * background read and the connection states in chapter 4 ("The conn.serve loop and the
 * connection states"); the response writer and its chunk writer in chapter 7 ("Writing the
 * response"); timeouts and shutdown in chapter 10 ("Timeouts, shutdown and hardening").
 */
package nethttp.server;
