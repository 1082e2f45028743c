/**
 * URLs as a request line carries them: Go's {@code net/url} ({@code url.go}: {@code URL},
 * {@code Parse}, {@code ParseRequestURI}, {@code Error}), with percent-decoding of the path and
 * the encoded forms written back, and the path tidying of {@code path/path.go}'s {@code Clean}.
 *
 * <p>{@link nethttp.url.URL} holds the parts; {@code URLParser} splits a string into them and
 * joins them again; {@link nethttp.url.Escaping} knows which bytes each part must escape. A path
 * is stored decoded, and its original encoding is kept aside only when decoding lost something
 * ({@code /a%2Fb}), so that the target can be written back exactly. {@link nethttp.url.PathClean}
 * tidies a slash-separated path ({@code .}, {@code ..}, doubled slashes) without decoding it.
 *
 * <p>Like Go's {@code net/url}, this package knows nothing of HTTP: it imports no {@code nethttp}
 * package above it. It does use two string helpers from {@code nethttp.textproto}:
 * {@link nethttp.textproto.Quote} (Go's {@code strconv.Quote}, for error messages) and
 * {@link nethttp.textproto.WireString} (where wire bytes and UTF-8 text meet). They stay there,
 * not in a package of their own, because they are about strings of wire bytes, which is what
 * {@code textproto} reads; {@code textproto} imports nothing from here, so {@code url} simply
 * sits one layer above it, and both sit below {@code core}.
 *
 * <p>Told in chapter 5 of the book, "readRequest and textproto".
 */
package nethttp.url;
