package nethttp.textproto;

import nethttp.annotations.Mirrors;

/**
 * Header-key canonicalisation and the token alphabet of RFC 7230.
 *
 * <p>HTTP header names are case-insensitive, so Go stores them in one spelling: the first letter
 * and every letter after a hyphen upper case, the rest lower case ({@code content-type} becomes
 * {@code Content-Type}). A key holding any byte that may not appear in a token, a space for
 * example, is returned exactly as given: it is not a header name, and changing it would hide the
 * fact.
 */
public final class CanonicalKey {
    private CanonicalKey() {}

    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) TOKEN[c] = true;
        for (char c = 'a'; c <= 'z'; c++) TOKEN[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) TOKEN[c] = true;
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TOKEN[c] = true;
    }

    /** Whether {@code c} is a {@code tchar}: one of the characters a token is made of. */
    @Mirrors(file = "net/textproto/reader.go", func = "validHeaderFieldByte")
    public static boolean isTokenChar(int c) {
        return c >= 0 && c < 128 && TOKEN[c];
    }

    /** Whether {@code s} is a non-empty token: a valid method or header name. */
    @Mirrors(file = "net/http/http.go", func = "isToken")
    public static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) return false;
        }
        return true;
    }

    /**
     * Returns the canonical spelling of a header key: {@code "accept-encoding"} becomes
     * {@code "Accept-Encoding"}. Keys with a non-token character are returned unchanged.
     */
    @Mirrors(file = "net/textproto/reader.go", func = "CanonicalMIMEHeaderKey")
    public static String canonicalize(String s) {
        // Most keys arrive canonical already; only build a new string when one letter is off.
        boolean upper = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isTokenChar(c)) return s;
            if (upper ? isLower(c) : isUpper(c)) return rewrite(s);
            upper = c == '-';
        }
        return s;
    }

    private static String rewrite(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) return s;
        }
        char[] out = s.toCharArray();
        boolean upper = true;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (upper && isLower(c)) c = (char) (c - 32);
            else if (!upper && isUpper(c)) c = (char) (c + 32);
            out[i] = c;
            upper = c == '-';
        }
        return new String(out);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
