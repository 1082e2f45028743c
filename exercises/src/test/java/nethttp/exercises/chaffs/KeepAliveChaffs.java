package nethttp.exercises.chaffs;

import java.util.List;
import java.util.Locale;

/** Wrong solutions to exercise 07. */
public final class KeepAliveChaffs {
    private KeepAliveChaffs() {}

    private static boolean has(List<String> fields, String token) {
        for (String f : fields) {
            for (String e : f.split(",")) if (e.strip().equalsIgnoreCase(token)) return true;
        }
        return false;
    }

    /** Only HTTP/1.0 ever closes: Connection: close is ignored on 1.1. */
    public static final class IgnoresCloseOnHttp11 {
        public static boolean shouldClose(int major, int minor, List<String> connection) {
            if (major < 1) return true;
            if (major == 1 && minor == 0) return has(connection, "close") || !has(connection, "keep-alive");
            return false;
        }
    }

    /** Compares tokens case-sensitively, so "Connection: Close" keeps the connection open. */
    public static final class CaseSensitive {
        public static boolean shouldClose(int major, int minor, List<String> connection) {
            boolean close = false, keepAlive = false;
            for (String f : connection) {
                for (String e : f.split(",")) {
                    close |= e.strip().equals("close");
                    keepAlive |= e.strip().equals("keep-alive");
                }
            }
            if (major < 1) return true;
            if (major == 1 && minor == 0) return close || !keepAlive;
            return close;
        }
    }

    /** Searches for the text "close" anywhere, so "closed" closes too. */
    public static final class Substring {
        public static boolean shouldClose(int major, int minor, List<String> connection) {
            String all = String.join(",", connection).toLowerCase(Locale.ROOT);
            if (major < 1) return true;
            if (major == 1 && minor == 0) return all.contains("close") || !all.contains("keep-alive");
            return all.contains("close");
        }
    }

    /** Treats HTTP/0.9 like HTTP/1.1 and keeps it open. */
    public static final class KeepsHttp09Open {
        public static boolean shouldClose(int major, int minor, List<String> connection) {
            if (major == 1 && minor == 0) return has(connection, "close") || !has(connection, "keep-alive");
            return has(connection, "close");
        }
    }

    /** The rules right; {@code lists} decides whether one field lists a token. */
    private static boolean decide(int major, int minor, List<String> connection,
            java.util.function.BiPredicate<String, String> lists) {
        boolean close = connection.stream().anyMatch(f -> lists.test(f, "close"));
        if (major < 1) return true;
        if (major == 1 && minor == 0) return close || connection.stream().noneMatch(f -> lists.test(f, "keep-alive"));
        return close;
    }

    /** trim() and equalsIgnoreCase: trim() also drops \v, \f, NUL and CR around an element. */
    public static final class TrimEqualsIgnoreCase {
        public static boolean shouldClose(int major, int minor, List<String> connection) {
            return decide(major, minor, connection, (f, token) -> {
                for (String e : f.split(",")) if (e.trim().equalsIgnoreCase(token)) return true;
                return false;
            });
        }
    }

    /** Trims with Character.isWhitespace, which counts \v, \f, CR, LF and \u001c-\u001f as blanks. */
    public static final class IsWhitespaceTrim {
        public static boolean shouldClose(int major, int minor, List<String> connection) {
            return decide(major, minor, connection, (f, token) -> {
                for (String e : f.split(",")) {
                    int a = 0, b = e.length();
                    while (a < b && Character.isWhitespace(e.charAt(a))) a++;
                    while (b > a && Character.isWhitespace(e.charAt(b - 1))) b--;
                    if (e.substring(a, b).toLowerCase(Locale.ROOT).equals(token)) return true;
                }
                return false;
            });
        }
    }

    /** Splits at commas and any whitespace, so "keep-alive close" lists close. */
    public static final class SplitOnCommaOrWhitespace {
        public static boolean shouldClose(int major, int minor, List<String> connection) {
            return decide(major, minor, connection, (f, token) -> {
                for (String e : f.split("[,\\s]+")) if (e.equalsIgnoreCase(token)) return true;
                return false;
            });
        }
    }
}
