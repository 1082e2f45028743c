/**
 * The text protocol under HTTP/1.x: lines ending in CRLF, and MIME-style header blocks of
 * {@code Key: value} lines ended by a blank line. Retells Go's {@code net/textproto}
 * ({@code reader.go}, {@code header.go}, {@code textproto.go}), the buffering of {@code bufio}
 * that the reader stands on, and the small lexical rules Go vendors as
 * {@code golang.org/x/net/http/httpguts}.
 *
 * <p>{@link nethttp.textproto.BufioReader} buffers the connection and hands out lines in
 * bounded pieces; {@link nethttp.textproto.Reader} joins them into lines, folded lines and header
 * blocks ({@link nethttp.textproto.MIMEHeader}), and reports a malformed block with
 * {@link nethttp.textproto.TextprotoException}; {@link nethttp.textproto.CanonicalKey} gives
 * header keys their one spelling; {@link nethttp.textproto.Guts} says which bytes a header name,
 * value or host may hold; {@link nethttp.textproto.Quote} and {@link nethttp.textproto.WireString}
 * write offending bytes into error messages the way Go does and say where wire bytes and UTF-8
 * meet.
 *
 * <p>Like Go's {@code net/textproto}, this package knows nothing of HTTP: it imports no other
 * {@code nethttp} package but the annotations, and HTTP's {@code Header} is built on its
 * {@code MIMEHeader}.
 *
 * <p>Told in chapter 5 of the book, "readRequest and textproto".
 */
package nethttp.textproto;
