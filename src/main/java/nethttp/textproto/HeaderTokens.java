package nethttp.textproto;

import java.util.function.Consumer;
import nethttp.core.Header;
import nethttp.core.Mirrors;

/**
 * Reading comma-separated header values such as {@code Connection: keep-alive, Upgrade}.
 */
public final class HeaderTokens {
    private HeaderTokens() {}

    /**
     * Whether {@code token} appears in {@code v} as a whole element, compared without regard to
     * ASCII case: {@code hasToken("Keep-Alive, close", "close")} is true, {@code
     * hasToken("closed", "close")} is false. {@code token} must be lower case.
     */
    @Mirrors(file = "net/http/server.go", func = "hasToken")
    public static boolean hasToken(String v, String token) {
        if (token.length() > v.length() || token.isEmpty()) return false;
        if (v.equals(token)) return true;
        for (int sp = 0; sp <= v.length() - token.length(); sp++) {
            char b = v.charAt(sp);
            if (b != token.charAt(0) && (b | 0x20) != token.charAt(0)) continue;
            if (sp > 0 && !isTokenBoundary(v.charAt(sp - 1))) continue;
            int end = sp + token.length();
            if (end != v.length() && !isTokenBoundary(v.charAt(end))) continue;
            if (v.regionMatches(true, sp, token, 0, token.length())) return true;
        }
        return false;
    }

    private static boolean isTokenBoundary(char b) {
        return b == ' ' || b == ',' || b == '\t';
    }

    /** Calls {@code fn} with each trimmed, non-empty comma-separated element of {@code v}. */
    @Mirrors(file = "net/http/server.go", func = "foreachHeaderElement")
    public static void forEachElement(String v, Consumer<String> fn) {
        v = Header.trim(v);
        if (v.isEmpty()) return;
        if (v.indexOf(',') < 0) {
            fn.accept(v);
            return;
        }
        for (String f : v.split(",", -1)) {
            f = Header.trim(f);
            if (!f.isEmpty()) fn.accept(f);
        }
    }

    /** Whether any of the values, split at commas, equals {@code token} ignoring ASCII case. */
    @Mirrors(file = "vendor/golang.org/x/net/http/httpguts/httplex.go", func = "HeaderValuesContainsToken")
    public static boolean valuesContainToken(Iterable<String> values, String token) {
        for (String v : values) {
            for (String f : v.split(",", -1)) {
                if (Header.trim(f).equalsIgnoreCase(token)) return true;
            }
        }
        return false;
    }
}
