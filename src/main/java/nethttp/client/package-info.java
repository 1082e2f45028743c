/**
 * The HTTP client, Go's {@code http.Client} ({@code net/http/client.go}). The
 * {@link nethttp.client.Client} is what a program calls ({@code get}, {@code post},
 * {@code send}); it follows redirects ({@link nethttp.client.CheckRedirect} decides how far),
 * keeps cookies in a {@link nethttp.core.CookieJar}, enforces a time limit on the whole exchange,
 * and hands each single request to a {@link nethttp.core.RoundTripper}, normally the
 * {@link nethttp.transport.Transport}. {@link nethttp.client.Requests} makes requests as Go's
 * {@code NewRequest} ({@code request.go}) does. The exceptions here are the client's:
 * {@link nethttp.client.ClientException} (Go's {@code url.Error}, which wraps every error the
 * client returns), {@link nethttp.client.ClientTimeoutException} ({@code client.go}'s
 * {@code httpError}) and {@link nethttp.client.UseLastResponseException}
 * ({@code ErrUseLastResponse}).
 *
 * <p>The client's policies (redirect rules, the headers a redirect carries or drops, cookies,
 * the timeout that still runs while the body is read) are told with the transport in chapter 8.
 * This package sits above {@code nethttp.transport}: the transport knows nothing of it.
 */
package nethttp.client;
