/**
 * The getConn race of Go's {@code net/http/transport.go}: how a request that wants a connection
 * gets one, from the idle pool or by dialing, and what becomes of the connection that loses.
 * Go has had two designs, both here behind {@link nethttp.getconn.ConnFinder}: Go 1.12's
 * {@code getConn} ({@link nethttp.getconn.GetConnGo112}), where a dial races a connection handed
 * over on {@code idleConnCh} and {@code handlePendingDial} parks a lost dial's connection; and Go
 * 1.13's ({@link nethttp.getconn.GetConnGo113}), where a {@code wantConn}
 * ({@link nethttp.getconn.WantConn}) is queued by {@code queueForIdleConn} and
 * {@code queueForDial} at once and settled exactly once by {@code tryDeliver}, a dial finished by
 * {@code dialConnFor}. The idle pool ({@link nethttp.getconn.IdlePool}: {@code tryPutIdleConn},
 * {@code getIdleConn}, {@code removeIdleConn}, {@code CloseIdleConnections}) and the
 * {@code MaxConnsPerHost} count with its wait queue ({@link nethttp.getconn.ConnsPerHost}:
 * {@code queueForDial}, {@code decConnsPerHost}) are shared by both; connections are keyed by
 * {@link nethttp.getconn.ConnectMethodKey}.
 *
 * <p>In Go these are methods of {@code *Transport} holding {@code *persistConn}s. Here the
 * package sees the transport through {@link nethttp.getconn.ConnHost} (dial, park a connection
 * nobody waits for, the limits, cancellation) and a connection through
 * {@link nethttp.getconn.PooledConn}, which the transport implements; the types are generic over
 * the connection, so nothing here depends on the transport. Told in chapter 9 of the book, "The
 * getConn race". The package builds on {@code core}, {@code concurrent}, {@code event} and
 * {@code httptrace}; {@code transport} sits above it.
 */
package nethttp.getconn;
