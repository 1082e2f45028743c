package nethttp.exercises.alternatives;

import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Correct solutions to exercise 08. */
public final class HasTokenAlternatives {
    private HasTokenAlternatives() {}

    /** Lookarounds: no byte other than space, comma or tab may touch the token on either side. */
    public static final class LookaroundRegex {
        public static boolean hasToken(String v, String token) {
            if (token.isEmpty()) return false;
            return Pattern.compile("(?<![^ ,\t])" + Pattern.quote(token) + "(?![^ ,\t])", Pattern.CASE_INSENSITIVE)
                    .matcher(v).find();
        }
    }

    /** Every start position, as a stream; regionMatches ignoring case, boundaries checked by hand. */
    public static final class StreamOfPositions {
        private static boolean boundary(String v, int i) {
            return i < 0 || i >= v.length() || " ,\t".indexOf(v.charAt(i)) >= 0;
        }

        public static boolean hasToken(String v, String token) {
            if (token.isEmpty()) return false;
            return IntStream.rangeClosed(0, v.length() - token.length())
                    .anyMatch(at -> v.regionMatches(true, at, token, 0, token.length())
                            && boundary(v, at - 1) && boundary(v, at + token.length()));
        }
    }
}
