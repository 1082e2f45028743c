/**
 * Reading a request off the wire: the request line, the header block and the body's framing.
 * Retells Go's {@code readRequest}, {@code parseRequestLine} and {@code ParseHTTPVersion} from
 * {@code net/http/request.go}. The checks only a server makes before a handler sees the request
 * ({@code conn.readRequest} in {@code net/http/server.go}) live with the server, in
 * {@code nethttp.server.RequestChecks}.
 *
 * <p>The order is the story: split the first line into method, target and version; check each;
 * parse the target as a URL (with the two special forms, {@code *} and a {@code CONNECT}
 * authority); read the header block with {@link nethttp.textproto.Reader}; decide the
 * {@code Host}; then hand over to {@link nethttp.transfer.Transfer} to frame the body. A stream
 * that ends before the first byte is a clean goodbye ({@link java.io.EOFException}); one that
 * ends anywhere later is a truncated request ({@link nethttp.core.UnexpectedEOFException}).
 *
 * <p>The client's side of the same wire, from {@code net/http/response.go} ({@code ReadResponse})
 * and {@code request.go} ({@code Request.write}): {@link nethttp.wire.ReadResponse} reads a status line,
 * a header block and the framing of a response (which, unlike a request's, may run until the
 * connection closes), and {@link nethttp.wire.RequestWriter} writes a request as Go's client does,
 * with {@link nethttp.transfer.TransferWriter} choosing between {@code Content-Length} and chunks.
 * Those are told in chapter 8, "Client and Transport".
 *
 * <p>Told in chapter 5 of the book, "readRequest and textproto".
 */
package nethttp.wire;
