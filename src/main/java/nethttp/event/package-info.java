/**
 * Events: one model of what happens inside the library, feeding the command line's
 * {@code --trace}, the visualizer, recordings and trace exports.
 *
 * <p>The server reports every connection-state change at the moment Go's would call its
 * {@code ConnState} hook, the life of every virtual thread it starts (the accept loop, each
 * connection's serve loop, each background read) including what it is parked on, and the steps
 * of each exchange. Nothing is built or delivered when no one listens ({@link
 * nethttp.event.EventBus#active()}).
 *
 * <p>It retells the hooks Go offers for watching: {@code ConnState} of {@code net/http/server.go}
 * and the client trace of {@code net/http/httptrace/trace.go}; the thread events have no Go
 * counterpart (Go's runtime does not report goroutines to programs).
 *
 * <p>Told in chapter 4 of the book, "The conn.serve loop and the connection states", and
 * chapter 1, "Goroutines in Java".
 */
package nethttp.event;
