/**
 * The HTTP/1.1 server: {@link nethttp.server.Server} accepts connections and gives each its own
 * virtual thread running the {@code conn.serve} loop, which reads a request, calls the handler,
 * finishes the response and decides whether the connection carries another.
 *
 * <p>Retells {@code net/http/server.go}: {@code Server}, {@code conn}, {@code connReader},
 * {@code response}, {@code chunkWriter}, {@code expectContinueReader} and the shutdown logic.
 *
 * <p>The package is larger than the others (about 2,300 lines) and is allowed to be: the response
 * writer and its chunk writer share the connection's state with the serve loop (the buffered
 * writer, the write deadline and the write error, hijacking, the background read that must be
 * stopped before a handler takes the connection), as they do inside Go's one file. Moved to a
 * package of their own, that state would become public API that users could reach, which Go's
 * unexported fields prevent. The layering test lists this reason beside the size limit.
 *
 * <p>Its parts are told in several chapters of the book: the accept loop and its back-off in
 * chapter 3 ("Server and the accept loop"); the serve loop, the connection reader with its
 * background read and the connection states in chapter 4 ("The conn.serve loop and the
 * connection states"); the response writer and its chunk writer in chapter 7 ("Writing the
 * response"); timeouts and shutdown in chapter 10 ("Timeouts, shutdown and hardening").
 */
package nethttp.server;
