package nethttp.mux;

import java.nio.charset.StandardCharsets;
import nethttp.annotations.Mirrors;
import nethttp.url.URL;

/**
 * Spells the target of the redirects that {@link ServeMux} makes up itself: a path (cleaned, or
 * with a slash added) and the request's query, written as Go writes {@code url.URL{Path: path,
 * RawQuery: query}.String()}.
 *
 * <p>The path is held decoded, one byte per {@code char} as read from the wire, so it must be
 * percent-encoded again before it goes into a {@code Location} header; {@link URL#toString}
 * does that, and puts {@code ./} in front of a relative path whose first segment has a colon, so
 * that it cannot be read back as a scheme. The query was never decoded and is copied as it came.
 * The result is bytes, one per {@code char}, and goes to {@code Replies.redirectBytes} as such.
 */
final class RedirectTarget {
    private RedirectTarget() {}

    /** The string form of a URL whose only fields are {@code path} and {@code rawQuery}. */
    @Mirrors(file = "net/url/url.go", func = "URL.String")
    static String of(String path, String rawQuery) {
        URL u = new URL();
        u.path = asWireBytes(path);
        u.rawQuery = asWireBytes(rawQuery);
        return u.toString();
    }

    /**
     * A path or query from the wire holds one byte per {@code char} already. A handler may build a request
     * by hand with characters above U+00FF, which no byte can stand for; Go's strings would hold
     * such text as UTF-8, so those paths are turned into their UTF-8 bytes before escaping.
     */
    private static String asWireBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }
}
