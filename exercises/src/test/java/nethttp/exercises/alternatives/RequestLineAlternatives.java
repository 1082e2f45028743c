package nethttp.exercises.alternatives;

import exercises.RequestLineParser.Parts;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Correct solutions to exercise 04. */
public final class RequestLineAlternatives {
    private RequestLineAlternatives() {}

    /** One regex matched against the whole line: no space in method or target, the version exact. */
    public static final class WholeLineRegex {
        private static final Pattern LINE = Pattern.compile("([^ ]*) ([^ ]*) HTTP/([0-9])\\.([0-9])", Pattern.DOTALL);

        public static Optional<Parts> parse(String line) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) return Optional.empty();
            return Optional.of(new Parts(m.group(1), m.group(2),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
    }

    /** split(" ", 3), which keeps the rest of the line, trailing spaces included, as the version. */
    public static final class SplitWithLimit {
        public static Optional<Parts> parse(String line) {
            String[] f = line.split(" ", 3);
            if (f.length < 3) return Optional.empty();
            String v = f[2];
            if (v.length() != 8 || !v.startsWith("HTTP/") || v.charAt(6) != '.') return Optional.empty();
            int major = Character.digit(v.charAt(5), 10), minor = Character.digit(v.charAt(7), 10);
            if (major < 0 || minor < 0 || v.charAt(5) > '9' || v.charAt(7) > '9') return Optional.empty();
            return Optional.of(new Parts(f[0], f[1], major, minor));
        }
    }
}
