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
}
