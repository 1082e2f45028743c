/**
 * The HTTP client: Go's {@code http.Client} and {@code http.Transport}. The
 * {@link nethttp.client.Client} is what a program calls ({@code get}, {@code post},
 * {@code send}); it follows redirects, keeps cookies in a {@link nethttp.client.CookieJar} and
 * enforces a time limit on the whole exchange, and hands each single request to a
 * {@link nethttp.client.RoundTripper}, normally the {@link nethttp.client.Transport}, which
 * sends requests over kept-alive HTTP/1.1 connections. {@link nethttp.client.Requests} makes
 * requests as Go's {@code NewRequest} does.
 *
 * <p>The client's policies (redirect rules, the headers a redirect carries or drops, cookies,
 * the timeout that still runs while the body is read) are told with the transport in chapter 8.
 *
 * <p>Told in chapter 8 of the book, "Client and Transport": how {@code roundTrip} checks a
 * request, finds a connection by its key, hands the request to the connection's write loop and
 * waits for the read loop's answer, and how the response body, read to its end, returns the
 * connection to the idle pool (closed early, it closes the connection); transparent gzip,
 * {@code Expect: 100-continue}, retries on a reused connection, cancellation through the
 * request's {@link nethttp.core.Context}.
 *
 * <p>Chapter 9, "The getConn race", compares the two ways of finding a connection that Go has
 * had ({@link nethttp.client.GetConnStrategy}): Go 1.12, where a request's dial races a
 * connection handed over as it becomes idle and a lost dial's connection is parked in the pool;
 * and Go 1.13's {@code wantConn}, queued for an idle connection and for a permission to dial at
 * once, settled exactly once, with {@code MaxConnsPerHost} waiters served oldest first.
 *
 * <p>Every step is reported to the transport's {@link nethttp.event.EventBus} as a
 * {@link nethttp.event.ClientTraceEvent}, and to a request's {@link nethttp.client.ClientTrace}
 * hooks; the read loop, write loop and dial threads report their lives as
 * {@link nethttp.event.ThreadEvent}s.
 */
package nethttp.client;
