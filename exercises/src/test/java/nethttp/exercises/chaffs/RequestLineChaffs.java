package nethttp.exercises.chaffs;

import exercises.RequestLineParser.Parts;
import java.util.Optional;

/** Wrong solutions to exercise 04. */
public final class RequestLineChaffs {
    private RequestLineChaffs() {}

    /** Go's version rule: "HTTP/" and exactly one digit, a dot, one digit. */
    private static Optional<int[]> version(String v) {
        if (v.length() != 8 || !v.startsWith("HTTP/") || v.charAt(6) != '.') return Optional.empty();
        char a = v.charAt(5), b = v.charAt(7);
        if (!Character.isDigit(a) || !Character.isDigit(b) || a > '9' || b > '9') return Optional.empty();
        return Optional.of(new int[] {a - '0', b - '0'});
    }

    /** Trims and splits on any run of whitespace, so tabs, double spaces and a trailing blank pass. */
    public static final class SplitsOnWhitespace {
        public static Optional<Parts> parse(String line) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3) return Optional.empty();
            return version(f[2]).map(v -> new Parts(f[0], f[1], v[0], v[1]));
        }
    }

    /** Reads the version numbers with Integer.parseInt, so "HTTP/1.10" and "HTTP/01.1" pass. */
    public static final class ParseIntVersion {
        public static Optional<Parts> parse(String line) {
            int a = line.indexOf(' ');
            int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
            if (b < 0) return Optional.empty();
            String proto = line.substring(b + 1);
            if (!proto.startsWith("HTTP/")) return Optional.empty();
            String[] nums = proto.substring(5).split("\\.", -1);
            if (nums.length != 2) return Optional.empty();
            try {
                return Optional.of(new Parts(line.substring(0, a), line.substring(a + 1, b),
                        Integer.parseInt(nums[0]), Integer.parseInt(nums[1])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** Accepts "http/1.1": the protocol name compared without case. */
    public static final class CaseInsensitiveProtocol {
        public static Optional<Parts> parse(String line) {
            int a = line.indexOf(' ');
            int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
            if (b < 0) return Optional.empty();
            String proto = line.substring(b + 1);
            if (proto.regionMatches(true, 0, "HTTP/", 0, 5)) proto = "HTTP/" + proto.substring(5);
            String method = line.substring(0, a), target = line.substring(a + 1, b);
            return version(proto).map(v -> new Parts(method, target, v[0], v[1]));
        }
    }

    /** Takes the version after the last space, so a target with a space in it passes. */
    public static final class LastSpace {
        public static Optional<Parts> parse(String line) {
            int a = line.indexOf(' ');
            int b = line.lastIndexOf(' ');
            if (a < 0 || b == a) return Optional.empty();
            String method = line.substring(0, a), target = line.substring(a + 1, b);
            return version(line.substring(b + 1)).map(v -> new Parts(method, target, v[0], v[1]));
        }
    }

    /** The first two spaces, then a version regex whose dot is not escaped: "HTTP/1x1" passes. */
    public static final class UnescapedDotRegex {
        public static Optional<Parts> parse(String line) {
            int a = line.indexOf(' ');
            int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
            if (b < 0) return Optional.empty();
            String proto = line.substring(b + 1);
            if (!proto.matches("HTTP/[0-9].[0-9]")) return Optional.empty();
            return Optional.of(new Parts(line.substring(0, a), line.substring(a + 1, b),
                    proto.charAt(5) - '0', proto.charAt(7) - '0'));
        }
    }

    /** Refuses an empty method or target, which Go lets through to later checks. */
    public static final class RejectsEmptyParts {
        public static Optional<Parts> parse(String line) {
            int a = line.indexOf(' ');
            int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
            if (a <= 0 || b <= a + 1) return Optional.empty();
            String method = line.substring(0, a), target = line.substring(a + 1, b);
            return version(line.substring(b + 1)).map(v -> new Parts(method, target, v[0], v[1]));
        }
    }

    /** split(" "), which drops trailing empty strings, so "GET / HTTP/1.1 " passes. */
    public static final class SplitOnSpace {
        public static Optional<Parts> parse(String line) {
            String[] f = line.split(" ");
            if (f.length != 3) return Optional.empty();
            return version(f[2]).map(v -> new Parts(f[0], f[1], v[0], v[1]));
        }
    }

    /** One anchored regex with find(): its $ also matches before a final line break, so "HTTP/1.1\r" passes. */
    public static final class AnchoredRegexFind {
        private static final java.util.regex.Pattern LINE =
                java.util.regex.Pattern.compile("^([^ ]*) ([^ ]*) HTTP/([0-9])\\.([0-9])$");

        public static Optional<Parts> parse(String line) {
            java.util.regex.Matcher m = LINE.matcher(line);
            if (!m.find()) return Optional.empty();
            return Optional.of(new Parts(m.group(1), m.group(2),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
    }
}
