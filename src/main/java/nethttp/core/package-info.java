/**
 * The vocabulary of HTTP shared by server and client: {@link nethttp.core.Handler},
 * {@link nethttp.core.HandlerFunc}, {@link nethttp.core.ResponseWriter},
 * {@link nethttp.core.Request}, {@link nethttp.core.Header} and {@link nethttp.core.Status}; for
 * the client, {@link nethttp.core.RoundTripper} ({@code client.go}), {@link nethttp.core.Cookie}
 * ({@code cookie.go}) and {@link nethttp.core.CookieJar} ({@code jar.go}), which both the client
 * and the cookie jar speak without needing each other.
 *
 * <p>These are the types of Go's {@code net/http} that every other concept speaks in, retold from
 * several of its files: {@code header.go} ({@code Header}, on top of the text protocol's
 * {@code MIMEHeader}), {@code request.go}, {@code response.go}, {@code status.go},
 * {@code http.go}, the handler interfaces of {@code server.go}, and {@code context/context.go}
 * ({@link nethttp.core.Context}, the cancellation a request carries). Chapter 2
 * of the book ("Handler, HandlerFunc and ServeMux") introduces them. {@link nethttp.annotations.Mirrors}
 * marks every place in the library that retells a Go function.
 */
package nethttp.core;
