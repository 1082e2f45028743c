/**
 * The client's transport, Go's {@code http.Transport} ({@code net/http/transport.go}): it sends
 * requests over kept-alive HTTP/1.1 connections. {@link nethttp.transport.Transport#roundTrip}
 * checks a request, finds a connection by its key, hands the request to the connection's write
 * loop and waits for the read loop's answer ({@link nethttp.transport.PersistConn}); the response
 * body, read to its end, returns the connection to the idle pool (closed early, it closes the
 * connection). Also here: the {@link nethttp.transport.Dialer}, the connection errors with Go's
 * texts, the body that signals its end ({@code bodyEOFSignal}), transparent gzip
 * ({@code gzipReader}, over {@link nethttp.gzip.Gunzip}), {@code Expect: 100-continue}, retries on
 * a reused connection, cancellation through the request's {@link nethttp.core.Context}. Told in
 * chapter 8 of the book, "Client and Transport".
 *
 * <p>Chapter 9, "The getConn race", compares the two ways of finding a connection that Go has
 * had ({@link nethttp.transport.GetConnStrategy}): Go 1.12, where a request's dial races a
 * connection handed over as it becomes idle and a lost dial's connection is parked in the pool;
 * and Go 1.13's {@code wantConn}, queued for an idle connection and for a permission to dial at
 * once, settled exactly once, with {@code MaxConnsPerHost} waiters served oldest first. That
 * race ({@code WantConn}, {@code IdlePool}, {@code ConnsPerHost}, {@code ConnectMethodKey} and the
 * two designs) lives in this package rather than one of its own: each of its parts holds or
 * hands over a {@code PersistConn} and calls back into the transport (to dial, to park a
 * connection, to read the pool's limits), as Go's do on {@code *Transport} and
 * {@code *persistConn}; a separate package would need an interface over both that exists only
 * for the split, and exercises 09 and 10 compare with these classes as they stand.
 *
 * <p>Every step is reported to the transport's {@link nethttp.event.EventBus} as a
 * {@link nethttp.event.ClientTraceEvent}, and to a request's
 * {@link nethttp.httptrace.ClientTrace} hooks; the read loop, write loop and dial threads report
 * their lives as {@link nethttp.event.ThreadEvent}s. The package builds on {@code core},
 * {@code wire}, {@code transfer}, {@code textproto}, {@code url}, {@code concurrent},
 * {@code event}, {@code gzip} and {@code httptrace}; only {@code client} sits above it.
 */
package nethttp.transport;
