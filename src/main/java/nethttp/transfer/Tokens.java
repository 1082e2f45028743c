package nethttp.transfer;

import java.util.List;
import nethttp.core.Mirrors;

/**
 * Looking for a token in comma-separated header values, such as {@code close} in
 * {@code Connection: keep-alive, close}. Comparison is ASCII case-insensitive; a value holding a
 * non-ASCII byte never matches, since tokens are ASCII.
 */
public final class Tokens {
    private Tokens() {}

    /** Whether any of the values lists {@code token} among its comma-separated elements. */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/httplex.go", func = "HeaderValuesContainsToken")
    public static boolean valuesContainToken(List<String> values, String token) {
        for (String v : values) {
            if (valueContainsToken(v, token)) return true;
        }
        return false;
    }

    /** Whether one comma-separated value lists {@code token}, blanks around elements ignored. */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/httplex.go", func = "headerValueContainsToken")
    public static boolean valueContainsToken(String v, String token) {
        int start = 0;
        for (int comma = v.indexOf(',', start); comma != -1; comma = v.indexOf(',', start)) {
            if (tokenEqual(trimOWS(v.substring(start, comma)), token)) return true;
            start = comma + 1;
        }
        return tokenEqual(trimOWS(v.substring(start)), token);
    }

    /** ASCII case-insensitive equality that refuses non-ASCII bytes in {@code t1}. */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/httplex.go", func = "tokenEqual")
    static boolean tokenEqual(String t1, String t2) {
        if (t1.length() != t2.length()) return false;
        for (int i = 0; i < t1.length(); i++) {
            char c = t1.charAt(i);
            if (c >= 0x80) return false;
            if (lowerASCII(c) != lowerASCII(t2.charAt(i))) return false;
        }
        return true;
    }

    /** Equality ignoring the case of ASCII letters only (Go's {@code ascii.EqualFold}). */
    @Mirrors(file = "net/http/internal/ascii/print.go", func = "EqualFold")
    static boolean equalFoldASCII(String s, String t) {
        if (s.length() != t.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (lowerASCII(s.charAt(i)) != lowerASCII(t.charAt(i))) return false;
        }
        return true;
    }

    private static char lowerASCII(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Removes optional whitespace (spaces and tabs only) from both ends. */
    private static String trimOWS(String x) {
        int start = 0, end = x.length();
        while (start < end && isOWS(x.charAt(start))) start++;
        while (end > start && isOWS(x.charAt(end - 1))) end--;
        return x.substring(start, end);
    }

    private static boolean isOWS(char c) {
        return c == ' ' || c == '\t';
    }
}
