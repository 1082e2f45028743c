package nethttp.textproto;

import java.util.ArrayList;
import java.util.List;
import nethttp.annotations.Mirrors;

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

    /** The trimmed, non-empty comma-separated elements of {@code v}: {@code " a, ,b"} gives {@code [a, b]}. */
    @Mirrors(file = "net/http/server.go", func = "foreachHeaderElement")
    public static List<String> elements(String v) {
        List<String> out = new ArrayList<>();
        v = MIMEHeader.trim(v);
        if (v.isEmpty()) return out;
        for (String f : v.split(",", -1)) {
            f = MIMEHeader.trim(f);
            if (!f.isEmpty()) out.add(f);
        }
        return out;
    }
}
