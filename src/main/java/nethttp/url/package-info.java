/**
 * URLs as a request line carries them: Go's {@code net/url.URL}, {@code Parse} and
 * {@code ParseRequestURI}, with percent-decoding of the path and the encoded forms written back.
 *
 * <p>{@link nethttp.url.URL} holds the parts; {@code URLParser} splits a string into them and
 * joins them again; {@link nethttp.url.Escaping} knows which bytes each part must escape. A path
 * is stored decoded, and its original encoding is kept aside only when decoding lost something
 * ({@code /a%2Fb}), so that the target can be written back exactly. {@link nethttp.url.PathClean}
 * tidies a slash-separated path ({@code .}, {@code ..}, doubled slashes) without decoding it.
 *
 * <p>Told in chapter 5 of the book, "readRequest and textproto".
 */
package nethttp.url;
