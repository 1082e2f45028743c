/**
 * Go's {@code net/http/cookiejar} ({@code jar.go}): {@link nethttp.cookiejar.MemoryCookieJar}
 * keeps cookies in memory by domain and path and hands back the ones a URL should carry, as
 * RFC 6265 says. It implements {@link nethttp.core.CookieJar}, the interface a
 * {@code nethttp.client.Client} is given; the jar needs nothing of the client.
 */
package nethttp.cookiejar;
