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
 * had ({@link nethttp.transport.GetConnStrategy}); that race, the idle pool and the per-host
 * limit live in {@code nethttp.getconn}, which calls back into the transport through the
 * interfaces it implements ({@code Transport.Host} for dialing, parking a connection and the
 * limits; {@code PersistConn} as a pooled connection).
 *
 * <p>Every step is reported to the transport's {@link nethttp.event.EventBus} as a
 * {@link nethttp.event.ClientTraceEvent}, and to a request's
 * {@link nethttp.httptrace.ClientTrace} hooks; the read loop, write loop and dial threads report
 * their lives as {@link nethttp.event.ThreadEvent}s. The package builds on {@code core},
 * {@code wire}, {@code transfer}, {@code textproto}, {@code url}, {@code concurrent},
 * {@code event}, {@code gzip}, {@code httptrace} and {@code getconn}; only {@code client} sits above it.
 */
package nethttp.transport;
