package nethttp.mux;

import java.nio.charset.StandardCharsets;
import nethttp.core.Mirrors;

/**
 * Spells the target of the redirects that {@link ServeMux} makes up itself: a path (cleaned, or
 * with a slash added) and the request's query, as Go's {@code URL.String} writes a URL that has
 * only those two fields.
 *
 * <p>The path is held decoded, one byte per {@code char} as read from the wire, so it must be
 * percent-encoded again before it goes into a {@code Location} header. The query was never
 * decoded and is copied as it came.
 */
final class RedirectTarget {
    private RedirectTarget() {}

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    /** The string form of a URL whose only fields are {@code path} and {@code rawQuery}. */
    @Mirrors(file = "net/url/url.go", func = "URL.String")
    static String of(String path, String rawQuery) {
        String escaped = escapePath(path);
        StringBuilder b = new StringBuilder();
        // "a:b/c" would read as scheme "a"; a leading "./" keeps it a relative path.
        if (!escaped.isEmpty() && escaped.charAt(0) != '/' && firstSegmentHasColon(escaped)) {
            b.append("./");
        }
        b.append(escaped);
        if (!rawQuery.isEmpty()) b.append('?').append(rawQuery);
        return b.toString();
    }

    private static boolean firstSegmentHasColon(String path) {
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        return first.indexOf(':') >= 0;
    }

    /**
     * Percent-encodes a decoded path the way Go's {@code escape(s, encodePath)} does: letters,
     * digits, {@code -_.~} and the reserved characters a path may carry ({@code $&+,/:;=@}) stay,
     * everything else, {@code ?} included, becomes {@code %XX} with upper-case hex. Characters up
     * to U+00FF are taken as the bytes they stand for; any above that are encoded as UTF-8 first.
     */
    @Mirrors(file = "net/url/url.go", func = "escape")
    static String escapePath(String path) {
        byte[] bytes = asBytes(path);
        StringBuilder b = new StringBuilder(bytes.length);
        for (byte x : bytes) {
            int c = x & 0xFF;
            if (staysInPath(c)) {
                b.append((char) c);
            } else {
                b.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 15]);
            }
        }
        return b.toString();
    }

    private static byte[] asBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) return s.getBytes(StandardCharsets.UTF_8);
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Mirrors(file = "net/url/url.go", func = "shouldEscape")
    private static boolean staysInPath(int c) {
        if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') return true;
        return "-_.~$&+,/:;=@".indexOf(c) >= 0;
    }
}
