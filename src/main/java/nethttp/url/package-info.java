/**
 * URLs as a request line carries them: Go's {@code net/url.URL} and {@code ParseRequestURI},
 * with percent-decoding of the path and the encoded forms written back.
 *
 * <p>Told in chapter 5 of the book, "readRequest and textproto".
 */
package nethttp.url;
