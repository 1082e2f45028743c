package nethttp.core;

import java.util.List;
import nethttp.annotations.Mirrors;
import nethttp.url.URL;

/**
 * Where a {@link nethttp.client.Client} keeps cookies between requests: it hands the jar the cookies of every
 * response ({@link #setCookies}) and asks it which to send with every request, redirects
 * included ({@link #cookies}). The jar decides what to keep and where it applies.
 *
 * <p>An implementation must be safe for concurrent use. {@link nethttp.cookiejar.MemoryCookieJar} is one.
 */
@Mirrors(file = "net/http/jar.go", func = "CookieJar")
public interface CookieJar {
    /** Takes in the cookies a response from {@code u} set; the jar may refuse any of them. */
    @Mirrors(file = "net/http/jar.go", func = "CookieJar.SetCookies")
    void setCookies(URL u, List<Cookie> cookies);

    /** The cookies to send with a request to {@code u}, with their names and values only. */
    @Mirrors(file = "net/http/jar.go", func = "CookieJar.Cookies")
    List<Cookie> cookies(URL u);
}
