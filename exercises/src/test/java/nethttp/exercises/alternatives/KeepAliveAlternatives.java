package nethttp.exercises.alternatives;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Correct solutions to exercise 07. */
public final class KeepAliveAlternatives {
    private KeepAliveAlternatives() {}

    /** Streams over the elements, a regex for "blanks, the token, blanks" (ASCII case only). */
    public static final class StreamsAndRegex {
        private static final Pattern CLOSE = Pattern.compile("[ \t]*close[ \t]*", Pattern.CASE_INSENSITIVE);
        private static final Pattern KEEP_ALIVE = Pattern.compile("[ \t]*keep-alive[ \t]*", Pattern.CASE_INSENSITIVE);

        private static boolean lists(List<String> fields, Pattern token) {
            return fields.stream().flatMap(f -> Arrays.stream(f.split(",", -1))).anyMatch(e -> token.matcher(e).matches());
        }

        public static boolean shouldClose(int major, int minor, List<String> connection) {
            if (major < 1) return true;
            boolean close = lists(connection, CLOSE);
            if (major == 1 && minor == 0) return close || !lists(connection, KEEP_ALIVE);
            return close;
        }
    }

    /** A hand-written trim of spaces and tabs, then equalsIgnoreCase, which is ASCII-exact on wire bytes. */
    public static final class ManualTrim {
        private static boolean lists(List<String> fields, String token) {
            for (String f : fields) {
                for (String e : f.split(",")) {
                    int a = 0, b = e.length();
                    while (a < b && (e.charAt(a) == ' ' || e.charAt(a) == '\t')) a++;
                    while (b > a && (e.charAt(b - 1) == ' ' || e.charAt(b - 1) == '\t')) b--;
                    if (e.substring(a, b).equalsIgnoreCase(token)) return true;
                }
            }
            return false;
        }

        public static boolean shouldClose(int major, int minor, List<String> connection) {
            if (major == 0) return true;
            if (major == 1 && minor == 0) return lists(connection, "close") || !lists(connection, "keep-alive");
            return lists(connection, "close");
        }
    }
}
