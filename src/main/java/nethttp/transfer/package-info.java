/**
 * Transfer encodings: how a message body is framed on an HTTP/1.1 connection, read and written.
 *
 * <p>A connection carries one message after another, so each body must say where it ends:
 * by a {@code Content-Length}, by the chunked transfer coding ({@link nethttp.transfer.ChunkedReader},
 * {@link nethttp.transfer.ChunkedWriter}), or, for a response, by the connection closing.
 * {@link nethttp.transfer.Transfer#readTransfer} decides the framing of a request that was read
 * and gives it a {@link nethttp.transfer.Body} (or {@link nethttp.transfer.NoBody}); the
 * body reads the trailer after the last chunk and, on close, skips what the handler left unread
 * so the connection can carry the next request. The streams here, and the server's, extend
 * {@link nethttp.transfer.ReaderStream} or {@link nethttp.transfer.WriterStream}, so that each
 * writes only the bulk read or write that Go's code has.
 *
 * <p>Framing is where request smuggling happens: if a proxy and the server behind it read the
 * length of a request differently, the rest of it becomes a second request that only the server
 * sees. The defences, all Go's: a message with both {@code Transfer-Encoding} and
 * {@code Content-Length} is framed by chunked and loses its Content-Length field; several
 * Content-Length fields must agree exactly or the message is refused; a transfer coding other than
 * a single {@code chunked}, or more than one Transfer-Encoding field, is refused outright
 * ({@code 501}); a Content-Length holds digits only, no sign, no blanks inside; chunk sizes are
 * plain hex of bounded length, and chunk lines and trailers are bounded in size.
 *
 * <p>Retells {@code net/http/transfer.go} and {@code net/http/internal/chunked.go}, with the
 * body helpers of {@code net/http/request.go} and {@code io.go} that framing relies on.
 *
 * <p>Chapter 6 of the book, "Transfer encodings: Content-Length, chunked, framing, and request
 * smuggling defences", tells this package.
 */
package nethttp.transfer;
