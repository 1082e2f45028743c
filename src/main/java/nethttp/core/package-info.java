/**
 * The vocabulary of HTTP shared by server and client: {@link nethttp.core.Handler},
 * {@link nethttp.core.HandlerFunc}, {@link nethttp.core.ResponseWriter},
 * {@link nethttp.core.Request}, {@link nethttp.core.Header} and {@link nethttp.core.Status}.
 *
 * <p>These are the types of Go's {@code net/http} that every other concept speaks in. Chapter 2
 * of the book ("Handler, HandlerFunc and ServeMux") introduces them. {@link nethttp.annotations.Mirrors}
 * marks every place in the library that retells a Go function.
 */
package nethttp.core;
