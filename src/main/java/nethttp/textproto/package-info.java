/**
 * The text protocol under HTTP/1.x: lines ending in CRLF, and MIME-style header blocks of
 * {@code Key: value} lines ended by a blank line. Retells Go's {@code net/textproto} and the
 * small lexical rules Go vendors as {@code httpguts}.
 *
 * <p>{@link nethttp.textproto.BufioReader} buffers the connection and hands out lines in
 * bounded pieces; {@link nethttp.textproto.Reader} joins them into lines, folded lines and header
 * blocks; {@link nethttp.textproto.CanonicalKey} gives header keys their one spelling;
 * {@link nethttp.textproto.Guts} says which bytes a header name, value or host may hold; and
 * {@link nethttp.textproto.Quote} writes offending bytes into error messages the way Go does.
 *
 * <p>Told in chapter 5 of the book, "readRequest and textproto".
 */
package nethttp.textproto;
