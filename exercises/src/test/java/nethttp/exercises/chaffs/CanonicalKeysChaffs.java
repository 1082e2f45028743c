package nethttp.exercises.chaffs;

import java.util.Locale;

/** Wrong solutions to exercise 01. */
public final class CanonicalKeysChaffs {
    private CanonicalKeysChaffs() {}

    /** Capitalises the first letter only, as for a sentence: "content-type" gives "Content-type". */
    public static final class FirstLetterOnly {
        public static String canonicalize(String key) {
            if (key.isEmpty()) return key;
            return key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1).toLowerCase(Locale.ROOT);
        }
    }

    /** Upper-cases word starts but never lowers the rest: "CONTENT-TYPE" stays. */
    public static final class NeverLowers {
        public static String canonicalize(String key) {
            char[] out = key.toCharArray();
            boolean upper = true;
            for (int i = 0; i < out.length; i++) {
                if (upper && out[i] >= 'a' && out[i] <= 'z') out[i] -= 32;
                upper = out[i] == '-';
            }
            return new String(out);
        }
    }

    /** Rewrites every key, even one with a space in it, which is not a header name at all. */
    public static final class RewritesInvalidKeys {
        public static String canonicalize(String key) {
            char[] out = key.toCharArray();
            boolean upper = true;
            for (int i = 0; i < out.length; i++) {
                char c = out[i];
                if (upper && c >= 'a' && c <= 'z') c -= 32;
                else if (!upper && c >= 'A' && c <= 'Z') c += 32;
                out[i] = c;
                upper = c == '-';
            }
            return new String(out);
        }
    }

    /** Treats an underscore as a word separator too: "x_forwarded" gives "X_Forwarded". */
    public static final class UnderscoreSeparates {
        public static String canonicalize(String key) {
            for (int i = 0; i < key.length(); i++) {
                if (!nethttp.textproto.CanonicalKey.isTokenChar(key.charAt(i))) return key;
            }
            char[] out = key.toCharArray();
            boolean upper = true;
            for (int i = 0; i < out.length; i++) {
                char c = out[i];
                if (upper && c >= 'a' && c <= 'z') c -= 32;
                else if (!upper && c >= 'A' && c <= 'Z') c += 32;
                out[i] = c;
                upper = c == '-' || c == '_';
            }
            return new String(out);
        }
    }

    /** Upper-cases a word's first letter and lowers the rest, the common part of every chaff below. */
    private static String rewrite(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = true;
        for (char c : key.toCharArray()) {
            if (upper && c >= 'a' && c <= 'z') c = (char) (c - 32);
            else if (!upper && c >= 'A' && c <= 'Z') c = (char) (c + 32);
            out.append(c);
            upper = c == '-';
        }
        return out.toString();
    }

    /** Takes a header name to be letters, digits and hyphens: "x!y" is left alone, "é" is a letter. */
    public static final class LetterDigitHyphenOnly {
        public static String canonicalize(String key) {
            for (char c : key.toCharArray()) {
                if (!Character.isLetterOrDigit(c) && c != '-') return key;
            }
            return rewrite(key);
        }
    }

    /** A token regex that forgot the backtick among the specials. */
    public static final class RegexWithoutBacktick {
        public static String canonicalize(String key) {
            if (!key.matches("[A-Za-z0-9!#$%&'*+.^_|~-]*")) return key;
            return rewrite(key);
        }
    }

    /** Only whitespace and a colon make a key invalid; quotes, brackets, NUL and bytes above 127 do not. */
    public static final class WhitespaceOrColonOnly {
        public static String canonicalize(String key) {
            for (char c : key.toCharArray()) {
                if (Character.isWhitespace(c) || c == ':') return key;
            }
            return rewrite(key);
        }
    }

    /** Any visible ASCII byte but the colon counts as a token byte, so "a(b" and "a@b" are rewritten. */
    public static final class VisibleAsciiButColon {
        public static String canonicalize(String key) {
            for (char c : key.toCharArray()) {
                if (c <= ' ' || c >= 127 || c == ':') return key;
            }
            return rewrite(key);
        }
    }
}
