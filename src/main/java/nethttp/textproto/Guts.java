package nethttp.textproto;

import java.util.List;
import java.util.Set;
import nethttp.annotations.Mirrors;

/**
 * The small lexical rules of HTTP that both the server and the header reader lean on: which bytes
 * may make up a header name, a header value and a {@code Host} header. Go keeps them in the
 * vendored package {@code golang.org/x/net/http/httpguts}.
 *
 * <p>All inputs are wire strings, one {@code char} per byte. Any byte of 0x80 and above is never
 * part of a token, which agrees with Go's rune-by-rune checks: in UTF-8 such a byte always
 * belongs to a rune outside ASCII, and no such rune is a token character.
 */
public final class Guts {
    private Guts() {}

    /**
     * Whether {@code r} may appear in a token (RFC 7230 {@code tchar}): letters, digits and
     * {@code !#$%&'*+-.^_`|~}.
     */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/httplex.go", func = "IsTokenRune")
    public static boolean isTokenRune(int r) {
        return CanonicalKey.isTokenChar(r);
    }

    /** Whether {@code v} is a non-empty token, and so may be a header field name. */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/httplex.go", func = "ValidHeaderFieldName")
    public static boolean validHeaderFieldName(String v) {
        return CanonicalKey.isToken(v);
    }

    /**
     * Whether {@code v} may be a header field value: no control byte (below 0x20, or 0x7f)
     * other than space and tab. Bytes 0x80 and above are allowed ({@code obs-text}), and so are
     * leading and trailing blanks, as in Go.
     */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/httplex.go", func = "ValidHeaderFieldValue")
    public static boolean validHeaderFieldValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char b = v.charAt(i);
            if (isControl(b) && b != ' ' && b != '\t') return false;
        }
        return true;
    }

    /**
     * Whether {@code h} may be the value of a {@code Host} header. Deliberately lenient, as Go
     * is: every byte must be one that can occur somewhere in {@code uri-host [":" port]} (letters,
     * digits, {@code -._~}, the sub-delimiters, {@code %}, {@code :}, {@code [} and {@code ]}), but
     * their order is not checked. The empty string is valid.
     */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/httplex.go", func = "ValidHostHeader")
    public static boolean validHostHeader(String h) {
        for (int i = 0; i < h.length(); i++) {
            if (!isHostByte(h.charAt(i))) return false;
        }
        return true;
    }

    private static boolean isHostByte(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') return true;
        return "!$%&()*+,-.:;=[']_~".indexOf(c) >= 0;
    }

    private static boolean isControl(char b) {
        return b < ' ' || b == 0x7f;
    }

    /**
     * Whether any of {@code values}, read as comma-separated lists, holds {@code token}, compared
     * without regard to ASCII case and ignoring blanks around each element. This is how
     * {@code Connection: keep-alive, Upgrade} is searched for {@code upgrade}.
     */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/httplex.go", func = "HeaderValuesContainsToken")
    public static boolean headerValuesContainsToken(List<String> values, String token) {
        for (String v : values) {
            for (String element : v.split(",", -1)) {
                if (tokenEqual(Reader.trimBlanks(element), token)) return true;
            }
        }
        return false;
    }

    /** ASCII case-insensitive equality; a non-ASCII byte in the element never matches. */
    private static boolean tokenEqual(String element, String token) {
        if (element.length() != token.length()) return false;
        for (int i = 0; i < element.length(); i++) {
            char a = element.charAt(i);
            if (a >= 0x80) return false;
            if (lowerASCII(a) != lowerASCII(token.charAt(i))) return false;
        }
        return true;
    }

    /** Equality ignoring the case of ASCII letters only (Go's {@code ascii.EqualFold}). */
    @Mirrors(file = "net/http/internal/ascii/print.go", func = "EqualFold")
    public static boolean equalFoldASCII(String s, String t) {
        if (s.length() != t.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (lowerASCII(s.charAt(i)) != lowerASCII(t.charAt(i))) return false;
        }
        return true;
    }

    private static char lowerASCII(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static final Set<String> FORBIDDEN_IN_TRAILER = Set.of(
            "Authorization", "Cache-Control", "Connection", "Content-Encoding", "Content-Length",
            "Content-Range", "Content-Type", "Expect", "Host", "Keep-Alive", "Max-Forwards",
            "Pragma", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "Range",
            "Realm", "Te", "Trailer", "Transfer-Encoding", "Www-Authenticate");

    /**
     * Whether {@code name} may be announced as a trailer (RFC 7230 section 4.1.2): not a field
     * that frames, routes or authenticates the message, and no {@code If-} precondition.
     */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/guts.go", func = "ValidTrailerHeader")
    public static boolean validTrailerHeader(String name) {
        String key = CanonicalKey.canonicalize(name);
        return !key.startsWith("If-") && !FORBIDDEN_IN_TRAILER.contains(key);
    }
}
