package nethttp.exercises.alternatives;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Correct solutions to exercise 01. */
public final class CanonicalKeysAlternatives {
    private CanonicalKeysAlternatives() {}

    /** A token regex, then each hyphen-separated word capitalised with streams. */
    public static final class RegexAndStreams {
        private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]*");

        public static String canonicalize(String key) {
            if (!TOKEN.matcher(key).matches()) return key;
            return Arrays.stream(key.split("-", -1))
                    .map(w -> w.isEmpty() ? w
                            : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("-"));
        }
    }

    /** RFC 7230's definition read literally: visible ASCII but the delimiters; a char array. */
    public static final class VisibleButDelimiters {
        private static final String DELIMITERS = "\"(),/:;<=>?@[\\]{}";

        public static String canonicalize(String key) {
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c <= ' ' || c >= 127 || DELIMITERS.indexOf(c) >= 0) return key;
            }
            char[] out = key.toLowerCase(Locale.ROOT).toCharArray();
            for (int i = 0; i < out.length; i++) {
                if (i == 0 || out[i - 1] == '-') out[i] = Character.toUpperCase(out[i]);
            }
            return new String(out);
        }
    }
}
