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
}
