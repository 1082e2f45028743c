/**
 * The text protocol under HTTP/1.x: lines ending in CRLF, and MIME-style header blocks of
 * {@code Key: value} lines ended by a blank line. Retells Go's {@code net/textproto}: the
 * canonical spelling of header keys, reading lines with limits, and reading a header block.
 *
 * <p>Told in chapter 5 of the book, "readRequest and textproto".
 */
package nethttp.textproto;
