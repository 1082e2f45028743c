package nethttp.url;

import nethttp.annotations.Mirrors;
import nethttp.textproto.Quote;
import nethttp.textproto.WireString;

/**
 * Percent-encoding, the way Go's {@code net/url} does it: which bytes each part of a URL must
 * escape, and how {@code %XX} sequences are decoded and checked.
 *
 * <p>Strings are wire strings, one {@code char} per byte (ISO-8859-1): a URL's escapes stand for
 * bytes, and a decoded path keeps them as bytes, just as Go's strings do. To escape text, such
 * as {@code café}, pass its UTF-8 bytes ({@link WireString#fromText}); text with characters above
 * U+00FF is recognised as such and escaped as UTF-8.
 */
public final class Escaping {
    private Escaping() {}

    /** The part of a URL being encoded or decoded; each has its own set of bytes left alone. */
    @Mirrors(file = "net/url/url.go", func = "encoding")
    enum Mode { PATH, PATH_SEGMENT, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

    private static final String UPPER_HEX = "0123456789ABCDEF";

    /**
     * Decodes {@code %XX} escapes in a path segment; {@code +} stays a plus.
     *
     * @throws URLException {@code invalid URL escape "%zz"} for a bad or truncated escape
     */
    @Mirrors(file = "net/url/url.go", func = "PathUnescape")
    public static String pathUnescape(String s) throws URLException {
        return unescape(s, Mode.PATH_SEGMENT);
    }

    /** Escapes a string to be used as one path segment: {@code /} becomes {@code %2F}. */
    @Mirrors(file = "net/url/url.go", func = "PathEscape")
    public static String pathEscape(String s) {
        return escape(s, Mode.PATH_SEGMENT);
    }

    /**
     * Decodes a query component: {@code %XX} escapes and {@code +} for a space.
     *
     * @throws URLException {@code invalid URL escape "%zz"} for a bad or truncated escape
     */
    @Mirrors(file = "net/url/url.go", func = "QueryUnescape")
    public static String queryUnescape(String s) throws URLException {
        return unescape(s, Mode.QUERY_COMPONENT);
    }

    /** Escapes a string to be used as a query key or value: a space becomes {@code +}. */
    @Mirrors(file = "net/url/url.go", func = "QueryEscape")
    public static String queryEscape(String s) {
        return escape(s, Mode.QUERY_COMPONENT);
    }

    /** Whether byte {@code c} must be written as {@code %XX} in the given part of a URL. */
    @Mirrors(file = "net/url/url.go", func = "shouldEscape")
    static boolean shouldEscape(char c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') return false;
        if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false; // sub-delimiters, and what IPv6 literals and zones need
        }
        if ("-_.~".indexOf(c) >= 0) return false; // unreserved everywhere
        if ("$&+,/:;=?@".indexOf(c) >= 0) { // reserved: depends on where it stands
            return switch (mode) {
                case PATH -> c == '?';
                case PATH_SEGMENT -> c == '/' || c == ';' || c == ',' || c == '?';
                case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
                case QUERY_COMPONENT -> true;
                case FRAGMENT -> false;
                default -> true;
            };
        }
        if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) return false;
        return true;
    }

    /**
     * Decodes {@code s} for the given part. For hosts and zones it also rejects what may not be
     * there: a raw byte that needs escaping ({@code invalid character " " in host name}), and in
     * a host an escape of a byte below 0x80 other than {@code %25}, as RFC 6874 allows escapes only
     * for non-ASCII names.
     */
    @Mirrors(file = "net/url/url.go", func = "unescape")
    static String unescape(String s, Mode mode) throws URLException {
        int escapes = 0;
        boolean plusIsSpace = false;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                escapes++;
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    throw escapeError(s.substring(i, Math.min(i + 3, s.length())));
                }
                String escape = s.substring(i, i + 3);
                if (mode == Mode.HOST && unhex(s.charAt(i + 1)) < 8 && !escape.equals("%25")) {
                    throw escapeError(escape);
                }
                if (mode == Mode.ZONE) {
                    char v = (char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2)));
                    if (!escape.equals("%25") && v != ' ' && shouldEscape(v, Mode.HOST)) {
                        throw escapeError(escape);
                    }
                }
                i += 3;
            } else {
                if (c == '+') {
                    plusIsSpace = mode == Mode.QUERY_COMPONENT;
                } else if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    throw new URLException("invalid character " + Quote.quote(String.valueOf(c)) + " in host name");
                }
                i++;
            }
        }
        if (escapes == 0 && !plusIsSpace) return s;

        StringBuilder out = new StringBuilder(s.length() - 2 * escapes);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.append((char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2))));
                i += 2;
            } else if (c == '+' && mode == Mode.QUERY_COMPONENT) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static URLException escapeError(String escape) {
        return new URLException("invalid URL escape " + Quote.quote(escape));
    }

    /**
     * Encodes {@code s} for the given part; a query component writes spaces as {@code +}. A
     * string with a {@code char} above U+00FF cannot be a wire string: it is text, and its UTF-8
     * bytes are what is escaped.
     */
    @Mirrors(file = "net/url/url.go", func = "escape")
    static String escape(String s, Mode mode) {
        if (WireString.isText(s)) s = WireString.fromTextReplacing(s);
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plus = c == ' ' && mode == Mode.QUERY_COMPONENT;
            boolean hex = !plus && shouldEscape(c, mode);
            if (out == null) {
                if (!plus && !hex) continue;
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (plus) out.append('+');
            else if (hex) out.append('%').append(UPPER_HEX.charAt((c >> 4) & 0xf)).append(UPPER_HEX.charAt(c & 0xf));
            else out.append(c);
        }
        return out == null ? s : out.toString();
    }

    /**
     * Whether {@code s} could be an encoding of some path or fragment: every byte either needs no
     * escaping in that part, or is one a writer may have left raw anyway (sub-delimiters,
     * {@code :@[]}) or {@code %}.
     */
    @Mirrors(file = "net/url/url.go", func = "validEncoded")
    static boolean validEncoded(String s, Mode mode) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) continue;
            if (shouldEscape(c, mode)) return false;
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static int unhex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return 0;
    }
}
