/**
 * The request multiplexer: one {@link nethttp.core.Handler} that routes each request to the
 * handler registered for the pattern that fits its path best.
 *
 * <p>{@link nethttp.mux.ServeMux} is Go 1.19's classic {@code ServeMux}: exact paths, subtrees
 * ending in a slash where the longest match wins, patterns limited to one host, the implicit
 * redirect from {@code /tree} to {@code /tree/}, and the redirect of untidy paths to their
 * {@link nethttp.mux.ServeMux#cleanPath cleaned} form. {@link nethttp.mux.Match} is what a
 * lookup returns; the lexical path clean-up it relies on is {@link nethttp.url.PathClean}.
 *
 * <p>Retells the {@code ServeMux} part of {@code net/http/server.go} (Go 1.19, before the
 * method patterns of Go 1.22), with the host-and-port split of {@code net/ipsock.go}.
 *
 * <p>Told in chapter 2 of the book, "Handler, HandlerFunc and ServeMux".
 */
package nethttp.mux;
