/**
 * Scenarios: short stories played against an embedded server on 127.0.0.1 by small clients on
 * raw sockets, each showing one behaviour of the server (keep-alive, ReadHeaderTimeout,
 * Expect: 100-continue, pipelining, graceful shutdown, a failing handler), and by the library's own
 * client Transport: the getConn race with Go 1.12's and Go 1.13's strategies side by side, and
 * MaxConnsPerHost queueing (chapters 8 and 9, "Client and Transport" and "The getConn race").
 *
 * <p>Each client reads with a timeout and each run waits for the server's events rather than for
 * guessed delays, so a scenario always ends. Chapters 4, 7 and 10 ("The conn.serve loop and the
 * connection states", "Writing the response", "Timeouts, shutdown and hardening") tell what they
 * show.
 *
 * <p>{@link nethttp.visualizer.scenario.LiveServer} is the other way to feed the app: the server
 * with the demo routes kept running for a class, recording whatever other programs (curl, a
 * browser) and {@link nethttp.visualizer.scenario.LiveClient}, the app's own Transport, send it.
 */
package nethttp.visualizer.scenario;
